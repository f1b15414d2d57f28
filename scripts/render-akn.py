#!/usr/bin/env python3
"""Render Akoma Ntoso resolutions into the text layouts delegates hold.

Run once by hand (not by CI) to make tests/fixtures/layouts/:

    python3 scripts/render-akn.py

Each selected AKN file of tests/fixtures/real/akn/ becomes some of these
layouts, written as a converter or a person would produce them:

  pdf-layout  `pdftotext -layout` of the UN's PDF: indented, hard-wrapped at
              about 80 columns, first-page cover block, footer with the job
              number and barcode, running header (symbol and title on one
              line) and `N/M` page numbers, footnotes under a rule at the foot
              of each page, footnote markers glued to the word.
  pdf-raw     `pdftotext` without -layout: no indentation, the running
              header's symbol and title on lines of their own, page numbers.
  md          pandoc's Markdown of the Word file: YAML front matter,
              `1\\.` escapes, `\\(a\\)` escapes, `*italic*` phrases, `[^n]`
              footnotes, wrapped at 72 columns.
  word-txt    Word's "Save as plain text": one line per paragraph, a tab
              after each number, CRLF line ends, no blank lines.
  wrapped     a plain text copy wrapped at 78 columns with hanging indents
              for items, blank lines between paragraphs, the vote stated
              after the resolution as press releases give it.

The expected structure of each rendering is expect.json's entry for its
source XML (tests/parse_layouts.rs); nothing here reads reso's output.
"""

import os
import re
import textwrap
import xml.etree.ElementTree as ET

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SRC = os.path.join(ROOT, "tests/fixtures/real/akn")
OUT = os.path.join(ROOT, "tests/fixtures/layouts")

# File (prefix) → layouts. Chosen to cover: plain resolutions with many
# footnotes, unnumbered section headings (77/10), an unnumbered operative
# paragraph (77/11), sub-lists (77/102, 77/103, 77/108, 77/131), parts A/B
# with roman sections and sub-lists under an unnumbered paragraph (77/128),
# an annex holding a convention (77/100), recorded votes (77/13, 77/122).
SELECTION = {
    "A_RES_77_1-": ["pdf-layout", "md", "wrapped"],
    "A_RES_77_10-": ["pdf-layout", "md", "word-txt", "wrapped"],
    "A_RES_77_11-": ["pdf-raw", "md", "wrapped"],
    "A_RES_77_100-": ["pdf-layout", "md"],
    "A_RES_77_102-": ["pdf-raw", "md", "word-txt"],
    "A_RES_77_103-": ["pdf-layout", "wrapped"],
    "A_RES_77_108-": ["pdf-raw", "md", "wrapped"],
    "A_RES_77_113-": ["pdf-layout", "word-txt"],
    "A_RES_77_115-": ["pdf-raw", "md", "word-txt"],
    "A_RES_77_121-": ["pdf-layout", "md"],
    "A_RES_77_122-": ["pdf-raw", "wrapped"],
    "A_RES_77_128-": ["pdf-layout", "md", "wrapped"],
    "A_RES_77_13-": ["pdf-layout", "md", "wrapped"],
    "A_RES_77_131-": ["pdf-raw", "md", "word-txt"],
}


def tag(e):
    return e.tag.replace(NS, "")


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------- reading


class Doc:
    def __init__(self):
        self.cover = {}
        self.title_no = ""  # "77/10."
        self.title = ""
        self.parts = []  # [Part]
        self.annexes = []  # [[Item]]
        self.conclusion = []
        self.vote = None  # "without" | (yes, no, abstain)
        self.job = ""


class Part:
    def __init__(self):
        self.heading = None  # ("A", "Information in the service of humanity")
        self.formula = []
        self.items = []


class Item:
    """kind: pre | para | heading; num as printed; runs: [(text, style)]
    where style is '', 'i' (italic) or 'fn' (a footnote marker)."""

    def __init__(self, kind, num, runs, level=1):
        self.kind, self.num, self.runs, self.level = kind, num, runs, level


def runs_of(e, notes, italic=False, out=None):
    out = [] if out is None else out
    t = tag(e)
    if t == "authorialNote":
        marker = e.get("marker", str(len(notes) + 1))
        body = squash("".join(e.itertext()))
        notes.append((marker, body))
        out.append((marker, "fn"))
        if e.tail:
            out.append((e.tail, "i" if italic else ""))
        return out
    style_italic = italic or (t == "span" and "italic" in (e.get("class") or "")) or t == "i"
    if e.text:
        out.append((e.text, "i" if style_italic else ""))
    for c in e:
        runs_of(c, notes, style_italic, out)
        if tag(c) != "authorialNote" and c.tail:
            out.append((c.tail, "i" if italic else ""))
    return out


def clean_runs(runs):
    """Collapse white space across runs; drop empty runs."""
    out = []
    for text, style in runs:
        if style == "fn":
            out.append((text, style))
            continue
        text = re.sub(r"\s+", " ", text)
        if text:
            out.append((text, style))
    # trim the ends
    while out and out[0][1] != "fn" and not out[0][0].strip():
        out.pop(0)
    if out and out[0][1] != "fn":
        out[0] = (out[0][0].lstrip(), out[0][1])
    while out and out[-1][1] != "fn" and not out[-1][0].strip():
        out.pop()
    if out and out[-1][1] != "fn":
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return out


def plain(runs):
    return "".join(t for t, _ in runs)


def level_of(num):
    n = num.strip()
    if re.fullmatch(r"\d+\.?", n):
        return 1
    if re.fullmatch(r"\([ivxl]+\)", n) and n not in ("(i)", "(v)", "(x)", "(l)"):
        return 3
    if re.fullmatch(r"\([a-z]\)", n):
        return 2
    return 2


def read_body(body, notes, items):
    for p in body:
        t = tag(p)
        if t == "container":  # preamble paragraph
            for para in p:
                items.append(Item("pre", "", clean_runs(runs_of(para, notes))))
            continue
        if t == "formula":
            continue
        if t in ("paragraph", "hcontainer"):
            num = p.find(NS + "num")
            num = squash(num.text or "") if num is not None else ""
            sub = p.find(NS + "subheading")
            if sub is None:
                sub = p.find(NS + "heading")
            if sub is not None and p.find(NS + "content") is None:
                items.append(Item("heading", num, clean_runs(runs_of(sub, notes))))
                continue
            lst = p.find(NS + "list")
            if lst is not None:
                intro = lst.find(NS + "intro")
                runs = []
                for q in intro if intro is not None else []:
                    runs += clean_runs(runs_of(q, notes))
                items.append(Item("para", num, runs, level_of(num) if num else 1))
                for point in lst.findall(NS + "point"):
                    pn = point.find(NS + "num")
                    pn = squash(pn.text or "") if pn is not None else ""
                    prs = []
                    for q in point.iter(NS + "p"):
                        prs += clean_runs(runs_of(q, notes))
                    items.append(Item("para", pn, prs, level_of(num) + 1))
                continue
            content = p.find(NS + "content")
            runs = []
            for q in content if content is not None else []:
                if runs:
                    runs.append((" ", ""))
                runs += clean_runs(runs_of(q, notes))
            cls = p.get("class") or ""
            text = plain(runs)
            if not num and cls == "H23" and len(text) < 120:
                items.append(Item("heading", "", runs))
            else:
                items.append(Item("para", num, runs, level_of(num) if num else 1))


def read(path):
    root = ET.parse(path).getroot()
    stmt = root[0]
    doc = Doc()
    notes = []
    doc.notes = notes
    cover = stmt.find(NS + "coverPage")
    lines = []
    for p in cover:
        lines.append(squash("".join(p.itertext())))
    doc.cover_lines = [l for l in lines if l]
    doc.symbol = squash(cover.find(".//" + NS + "docNumber").text)
    job = root.find(".//" + NS + "docketNumber")
    doc.job = squash("".join(job.itertext())) if job is not None else ""
    doc.job = doc.job or "22-" + re.sub(r"\D", "", os.path.basename(path).split("-")[1])[2:7] + " (E)"
    issued = root.find(".//" + NS + "docDate")
    y, mo, da = (issued.get("date") if issued is not None else "2022-01-01").split("-")
    doc.issued = da + mo + y[2:]
    pre = stmt.find(NS + "preface")
    ptext = squash("".join(pre.itertext()))
    m = re.match(r"(\d+/\d+\.)\s*(.*)", ptext)
    doc.title_no, doc.title = (m.group(1), m.group(2)) if m else ("", ptext)
    voting = root.find(".//" + NS + "voting")
    if voting is not None:
        counts = {}
        for q in voting.iter(NS + "quorum"):
            pass
        for c in voting.iter(NS + "count"):
            ref = (c.get("refersTo") or "").lstrip("#")
            counts[ref] = int(c.get("value", "0"))
        if "inFavour" in counts:
            doc.vote = (counts.get("inFavour", 0), counts.get("against", 0), counts.get("abstaining", 0))
        else:
            doc.vote = "without"
    comps = [c for c in root.iter(NS + "component") if c.find(NS + "statement") is not None]
    statements = [c.find(NS + "statement") for c in comps] if comps else [stmt]
    for s in statements:
        part = Part()
        if comps:
            head = squash("".join(s.find(NS + "preface").itertext()))
            letter, _, rest = head.partition(" ")
            part.heading = (letter, rest.strip())
        preamble = s.find(NS + "preamble")
        if preamble is not None:
            f = preamble.find(NS + "formula")
            if f is not None:
                part.formula = clean_runs(runs_of(f[0], notes))
            read_body(preamble, notes, part.items)
        body = s.find(NS + "mainBody")
        if body is not None:
            read_body(body, notes, part.items)
        concl = s.find(NS + "conclusions")
        if concl is not None:
            part.conclusion = [squash(x) for x in re.split(r"\s{3,}|\n", "".join(concl.itertext())) if squash(x)]
        else:
            part.conclusion = []
        doc.parts.append(part)
    atts = stmt.find(NS + "attachments")
    for a in atts if atts is not None else []:
        items = []
        body = a.find(".//" + NS + "mainBody")
        if body is not None:
            read_body(body, notes, items)
        doc.annexes.append(items)
    return doc


# ---------------------------------------------------------------- writing

MONTHS = "January February March April May June July August September October November December".split()


def vote_sentence(vote):
    if vote == "without" or vote is None:
        return "Adopted without a vote."
    yes, no, ab = vote
    word = lambda n: "none" if n == 0 else str(n)
    return f"Adopted by a recorded vote of {yes} in favour to {word(no)} against, with {ab} abstentions."


def as_text(runs, markers="glued", md=False):
    """Runs as one string. markers: glued (`word,1`), md (`[^1]`)."""
    out = []
    for text, style in runs:
        if style == "fn":
            out.append(f"[^{text}]" if md else text)
        elif style == "i" and md and text.strip():
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            out.append(f"{lead}*{text.strip()}*{trail}")
        else:
            out.append(text)
    s = "".join(out)
    return re.sub(r" +", " ", s).strip()


class Pager:
    """Lays out lines into pages with a running header, footnotes at the
    foot of the page they are cited on, and page numbers."""

    def __init__(self, doc, layout, height=52):
        self.doc, self.layout, self.height = doc, layout, height
        self.pages = []
        self.cur = []
        self.notes = []
        self.note_text = dict(doc.notes)

    def add(self, lines, markers=()):
        need = len(lines) + sum(2 + len(self.note_lines(m)) for m in markers)
        if len(self.cur) + need + self.notes_height() > self.height and self.cur:
            # Split a long paragraph over the page break, as PDFs do.
            room = self.height - len(self.cur) - self.notes_height() - 1
            if room > 2 and len(lines) > room + 1:
                self.cur += lines[:room]
                self.break_page()
                lines = lines[room:]
            else:
                self.break_page()
        self.cur += lines
        self.notes += list(markers)

    def blank(self):
        if self.cur and self.cur[-1] != "":
            self.cur.append("")

    def note_lines(self, m):
        body = self.note_text.get(m, "")
        indent = "          " if self.layout == "pdf-layout" else ""
        wrapped = textwrap.wrap(body, 70) or [""]
        first = f"{indent}{m}  {wrapped[0]}" if self.layout == "pdf-layout" else f"{m} {wrapped[0]}"
        return [first] + [indent + "   " + w for w in wrapped[1:]]

    def notes_height(self):
        return sum(len(self.note_lines(m)) for m in self.notes) + (2 if self.notes else 0)

    def break_page(self):
        self.pages.append((self.cur, self.notes))
        self.cur, self.notes = [], []

    def render(self):
        if self.cur or self.notes:
            self.break_page()
        d = self.doc
        total = len(self.pages)
        out = []
        digits = re.sub(r"\D", "", d.job)
        for n, (body, notes) in enumerate(self.pages, start=1):
            if n > 1:
                if self.layout == "pdf-layout":
                    if n % 2 == 0:
                        out.append(f"{d.symbol:<60}{d.title[:40]:>20}" if len(d.title) < 40 else d.symbol + "    " + d.title)
                    else:
                        out.append(f"{d.title}    {d.symbol:>20}")
                    out.append("")
                else:
                    out.append(d.symbol)
                    out.append(d.title)
            out += body
            if notes:
                out.append("")
                out.append("          __________________" if self.layout == "pdf-layout" else "__________________")
                for m in notes:
                    out += self.note_lines(m)
            out.append("")
            if n == 1:
                out.append(f"{d.job}    {d.issued}" if self.layout == "pdf-layout" else d.job)
                out.append(f"*{digits}*")
            out.append(f"{n}/{total}" if self.layout == "pdf-layout" else f"{n}/{total}")
            if n < total:
                out.append("\f" if self.layout == "pdf-layout" else "\f")
        return "\n".join(l.rstrip() for l in out).replace("\n\f\n", "\n\f") + "\n"


def markers_of(runs):
    return [t for t, s in runs if s == "fn"]


def render_pdf(doc, layout):
    pg = Pager(doc, layout)
    ind = "          " if layout == "pdf-layout" else ""
    width = 84 - len(ind) if layout == "pdf-layout" else 76
    c = doc.cover_lines
    if layout == "pdf-layout":
        pg.add([f"{ind}United Nations{doc.symbol:>50}", "", f"{ind}General Assembly{'Distr.: General':>40}"])
        rest = [x for x in c if x not in ("United Nations", doc.symbol, "General Assembly", "Distr.: General")]
        pg.add([f"{ind}{'':>40}{rest[0]}", ""])
        for x in rest[1:]:
            pg.add([ind + w for w in textwrap.wrap(x, width)])
            if x.startswith("Resolution") or x.startswith("["):
                pg.blank()
    else:
        for x in c:
            pg.add(textwrap.wrap(x, width))
    pg.blank()
    head = f"{doc.title_no}  {doc.title}" if doc.title_no else doc.title
    pg.add([ind + w for w in textwrap.wrap(head, width)])
    pg.blank()
    for part in doc.parts:
        if part.heading:
            pg.add([ind + "           " + part.heading[0], ""])
            pg.add([ind + "           " + w for w in textwrap.wrap(part.heading[1], width - 11)])
            pg.blank()
        pg.add([ind + "           " + as_text(part.formula)])
        pg.blank()
        write_items(pg, part.items, ind, width, layout)
        pg.blank()
        for x in part.conclusion:
            pg.add([ind + "                                        " + x])
        pg.blank()
    for items in doc.annexes:
        pg.break_page()
        write_items(pg, items, ind, width, layout, annex=True)
    return pg.render()


def write_items(pg, items, ind, width, layout, annex=False):
    for it in items:
        text = as_text(it.runs)
        mk = markers_of(it.runs)
        if it.kind == "heading":
            pg.blank()
            pg.add([ind + "           " + w for w in textwrap.wrap(text, width - 11)])
            pg.blank()
            continue
        if layout == "pdf-layout":
            first = " " * 11 if it.level == 1 else " " * 11
            if it.num and it.level == 1:
                lead = f"{'':>11}{it.num:<6}" if not annex else f"{it.num:<11}"
            elif it.num:
                lead = f"{'':>11}{'':>6}{it.num:<6}"
            else:
                lead = " " * 11 + "     "
            lines = textwrap.wrap(text, width, initial_indent=lead, subsequent_indent=" " * 11)
            pg.add([ind + l for l in lines], mk)
        else:
            lead = f"{it.num} " if it.num else ""
            pg.add(textwrap.wrap(lead + text, width), mk)
        if layout == "pdf-layout":
            pg.blank()


def render_md(doc):
    out = ["---", f"symbol: {doc.symbol}", f'title: "{doc.title}"', f"lang: en", "---", ""]
    for x in doc.cover_lines:
        out += [x, ""]
    out += [f"**{doc.title_no} {doc.title}**".replace("** ", "**"), ""]

    def para(s):
        out.extend(textwrap.wrap(s, 72, break_on_hyphens=False))
        out.append("")

    def esc_num(num):
        if re.fullmatch(r"\d+\.", num):
            return num[:-1] + "\\."
        if num.startswith("("):
            return "\\" + num[:-1] + "\\)"
        return num

    for part in doc.parts:
        if part.heading:
            out += [f"## {part.heading[0]}", "", f"### {part.heading[1]}", ""]
        para(as_text(part.formula, md=True))
        for it in part.items:
            text = as_text(it.runs, md=True)
            if it.kind == "heading":
                out += [f"#### {text}", ""]
            elif it.num:
                para(f"{esc_num(it.num)} {text}")
            else:
                para(text)
        for x in part.conclusion:
            out += [x, ""]
    for items in doc.annexes:
        for it in items:
            text = as_text(it.runs, md=True)
            if it.kind == "heading":
                out += [f"**{text}**", ""]
            else:
                para((esc_num(it.num) + " " if it.num else "") + text)
    for m, body in doc.notes:
        out.extend(textwrap.wrap(f"[^{m}]: {body}", 72, subsequent_indent="    "))
        out.append("")
    return "\n".join(out)


def render_word_txt(doc):
    out = list(doc.cover_lines)
    out.append(f"{doc.title_no}\t{doc.title}")
    for part in doc.parts:
        if part.heading:
            out += [part.heading[0], part.heading[1]]
        out.append(as_text(part.formula))
        for it in part.items:
            text = as_text(it.runs)
            if it.kind == "heading":
                out.append(text)
            elif it.num:
                out.append(("\t" if it.level > 1 else "") + f"{it.num}\t{text}")
            else:
                out.append("\t" + text)
        out += part.conclusion
    for items in doc.annexes:
        out.append("")
        for it in items:
            out.append((f"{it.num}\t" if it.num else "") + as_text(it.runs))
    out.append("")
    for m, body in doc.notes:
        out.append(f"{m}\t{body}")
    return "\r\n".join(out) + "\r\n"


def render_wrapped(doc):
    out = [doc.symbol, "", f"{doc.title_no} {doc.title}", ""]
    for x in doc.cover_lines:
        if x.startswith("Resolution") or x.startswith("["):
            out += textwrap.wrap(x, 78) + [""]
    for part in doc.parts:
        if part.heading:
            out += [f"{part.heading[0]}. {part.heading[1]}", ""]
        out += ["   " + as_text(part.formula), ""]
        for it in part.items:
            text = as_text(it.runs)
            if it.kind == "heading":
                out += ["", text.upper() if len(text) < 60 else text, ""]
                continue
            if it.num:
                pad = "" if it.level == 1 else "    " * (it.level - 1)
                lead = f"{pad}{it.num} "
                out += textwrap.wrap(text, 78, initial_indent=lead, subsequent_indent=" " * len(lead))
            else:
                out += textwrap.wrap(text, 78, initial_indent="   ")
            out.append("")
        out += part.conclusion
        out.append("")
        # Each part of a resolution in parts is voted on by itself.
        if len(doc.parts) > 1:
            out += [f"({vote_sentence(doc.vote)})", ""]
    for items in doc.annexes:
        for it in items:
            out += textwrap.wrap((it.num + " " if it.num else "") + as_text(it.runs), 78) + [""]
    if len(doc.parts) == 1:
        out += [f"({vote_sentence(doc.vote)})", ""]
    if doc.notes:
        out += ["Notes", ""]
        for m, body in doc.notes:
            out += textwrap.wrap(f"{m}. {body}", 78, subsequent_indent="   ")
    return "\n".join(out) + "\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in sorted(os.listdir(SRC)):
        layouts = next((v for k, v in SELECTION.items() if name.startswith(k)), None)
        if not layouts:
            continue
        doc = read(os.path.join(SRC, name))
        stem = name.split("-")[0]
        for layout in layouts:
            if layout.startswith("pdf"):
                text, ext = render_pdf(doc, layout), "txt"
            elif layout == "md":
                text, ext = render_md(doc), "md"
            elif layout == "word-txt":
                text, ext = render_word_txt(doc), "txt"
            else:
                text, ext = render_wrapped(doc), "txt"
            name_ = f"{stem}.{ext}" if layout == "md" else f"{stem}.{layout}.{ext}"
            path = os.path.join(OUT, name_)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            print(path)


if __name__ == "__main__":
    main()
