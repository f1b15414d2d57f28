//! Layout cleanup: split into lines, strip margin line numbers, and mark
//! page furniture (running headers, job numbers, page numbers, barcodes)
//! and footnote bodies so the structure pass only sees clause text.

use std::collections::HashMap;

/// One source line after cleanup.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number in the source.
    pub no: u32,
    /// The text with margin numbers, form feeds and outer whitespace removed.
    pub text: &'a str,
    pub kind: Kind,
    looks: Looks,
}

/// What the passes below ask of every line's text, asked once when the
/// line is cut out, while its bytes are still in the cache: each later pass
/// over a 50 MB text then reads these bits for a line of prose, not the
/// text (each pass that read it cost a trip to memory per line).
#[derive(Debug, Clone, Copy, Default)]
struct Looks(u8);

impl Line<'_> {
    /// Whether the line's own text may sign a resolution
    /// (`signature::may_anchor`), without reading it again.
    pub fn may_anchor_signature(&self) -> bool {
        self.looks.has(Looks::SIGNATURE)
    }
}

impl Looks {
    /// A symbol alone, or a running header holding one: counted, and
    /// furniture when repeated (`is_furniture`).
    const SYMBOL: u8 = 1;
    /// Furniture whatever repeats: a rule, job number, page foot, page
    /// number or barcode (`furniture_alone`).
    const FURNITURE: u8 = 2;
    /// `Adopted …` (`is_adoption_line`).
    const ADOPTION: u8 = 4;
    /// `Notes` (`is_notes_heading`).
    const NOTES: u8 = 8;
    /// A number in the margin (`margin_number`).
    const MARGIN: u8 = 16;
    /// What may sign a resolution (`signature::may_anchor`).
    const SIGNATURE: u8 = 32;
    /// A footnote rule, `_____` (`is_note_rule`).
    const NOTE_RULE: u8 = 64;
    /// A Markdown footnote, `[^1]: …` (`is_markdown_footnote`).
    const MARKDOWN_NOTE: u8 = 128;

    fn of(t: &str) -> Looks {
        if t.is_empty() {
            return Looks(0);
        }
        let bit = |yes: bool, b: u8| if yes { b } else { 0 };
        Looks(
            bit(is_symbol(t) || header_symbol(t).is_some(), Self::SYMBOL)
                | bit(furniture_alone(t), Self::FURNITURE)
                | bit(is_adoption_line(t), Self::ADOPTION)
                | bit(is_notes_heading(t), Self::NOTES)
                | bit(margin_number(t).is_some(), Self::MARGIN)
                | bit(super::signature::may_anchor(t), Self::SIGNATURE)
                | bit(is_note_rule(t), Self::NOTE_RULE)
                | bit(is_markdown_footnote(t), Self::MARKDOWN_NOTE),
        )
    }

    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Blank,
    Text,
    /// Page furniture: dropped from the text, marks a page break.
    Furniture,
    /// A footnote separator or body line.
    Footnote,
    /// A line of a signature block (`parse::signature`): end matter.
    Signature,
}

/// Split text into classified lines.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = cut(text, 1);
    mark(&mut lines);
    lines
}

/// A stretch of a text cut into lines, its first being line `first` of the
/// whole, each judged alone (`Looks`) but not yet against the others
/// (`mark`): `split` cuts both halves of a large text at once, joins them,
/// and marks the whole, so furniture and notes are judged against all of
/// it whichever half they are in.
pub fn cut(text: &str, first: u32) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    // Counted first so the list is allocated once, at its final size.
    let count = memchr::memchr_iter(b'\n', bytes).count() + 1;
    let mut out: Vec<Line<'_>> = Vec::with_capacity(count);
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    out.extend(ends.enumerate().map(|(i, end)| {
        let raw = &text[start..end];
        start = end + 1;
        let no = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(first);
        let trimmed = strip_markdown_heading(trim_line(raw));
        let kind = if trimmed.is_empty() { Kind::Blank } else { Kind::Text };
        Line { no, text: trimmed, kind, looks: Looks::of(trimmed) }
    }));
    // A file ending in a newline does not have an extra empty line.
    if out.last().is_some_and(|l| l.kind == Kind::Blank && l.text.is_empty()) && text.ends_with('\n') {
        out.pop();
    }
    out
}

/// Margin numbers, furniture and notes, judged over every line of the text.
pub fn mark(lines: &mut [Line<'_>]) {
    strip_margin_numbers(lines);
    mark_furniture(lines);
}

/// A line without surrounding white space and form feeds. Most lines start
/// and end with a visible ASCII character and are returned as they are,
/// without decoding characters.
fn trim_line(raw: &str) -> &str {
    let visible = |b: &u8| (0x21..0x7f).contains(b);
    if raw.as_bytes().first().is_some_and(visible) && raw.as_bytes().last().is_some_and(visible) {
        return raw;
    }
    raw.trim_start_matches('\u{c}').trim_matches(is_space).trim_matches('\u{c}')
}

/// Markdown's `## A` and a paragraph that is all bold (`**77/10. Title**`)
/// are headings: the marks are layout, the words are the heading.
fn strip_markdown_heading(t: &str) -> &str {
    let b = t.as_bytes();
    match b.first() {
        Some(b'#') => {
            let hashes = b.iter().take_while(|&&c| c == b'#').count();
            if hashes <= 6 && b.get(hashes) == Some(&b' ') {
                return t[hashes..].trim_matches(is_space).trim_end_matches('#').trim_end();
            }
            t
        }
        Some(b'*') if b.len() > 4 && t.starts_with("**") && t.ends_with("**") && !t[2..t.len() - 2].contains("**") => {
            t[2..t.len() - 2].trim()
        }
        _ => t,
    }
}

/// Whitespace including the no-break spaces PDF converters leave behind.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{c}'
}

/// Text copied from a PDF viewer may carry line numbers in the left margin
/// ("12  Recalling its resolution…"). They are recognised when most lines
/// start with a bare number and those numbers mostly count up by one, or,
/// in a booklet whose front pages carry none (a Model UN "Documentation of
/// the Simulation" numbers only each resolution's lines, from 1), in every
/// run of lines numbered one by one that numbers a blank line too: a list
/// of notes (`1⇥…`, `2⇥…`) never has a number standing alone, nor so
/// many lines that go on in lower case.
fn strip_margin_numbers(lines: &mut [Line<'_>]) {
    let numbered: Vec<(usize, u32)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.looks.has(Looks::MARGIN))
        .filter_map(|(i, l)| margin_number(l.text).map(|(n, _)| (i, n)))
        .collect();
    if numbered.len() < 5 {
        return;
    }
    let non_blank = lines.iter().filter(|l| l.kind != Kind::Blank).count();
    let steps = numbered.windows(2).filter(|w| w[1].1 == w[0].1 + 1 || w[1].1 == 1).count();
    let whole = numbered.len() * 10 >= non_blank * 6 && steps * 10 >= (numbered.len() - 1) * 8;
    if whole {
        numbered.iter().for_each(|&(i, _)| strip_margin_number(&mut lines[i]));
        return;
    }
    for run in numbered.chunk_by(|a, b| b.1 == a.1 + 1) {
        let rests = || run.iter().filter_map(|&(i, _)| margin_number(lines[i].text).map(|(_, rest)| rest));
        let bare = rests().any(str::is_empty);
        // Without numbered blank lines: wrapped lines go on in lower case,
        // which notes (each a sentence of its own) never do.
        let wrapped = rests().filter(|r| r.starts_with(char::is_lowercase)).count() * 4 >= run.len();
        // Margin numbers are on every line: nothing but blank lines between
        // two of them. Footnote numbers on lines of their own (`4` / its
        // text / `5` / its text, as `pdftotext -layout` prints a page's
        // notes) have text between them.
        let text_between = run.windows(2).filter(|w| lines[w[0].0 + 1..w[1].0].iter().any(|l| l.kind != Kind::Blank));
        let every_line = text_between.count() * 5 <= run.len().saturating_sub(1);
        if every_line && (run.len() >= 5 && bare || run.len() >= 8 && wrapped) {
            run.iter().for_each(|&(i, _)| strip_margin_number(&mut lines[i]));
        }
    }
}

fn strip_margin_number(line: &mut Line<'_>) {
    if let Some((_, rest)) = margin_number(line.text) {
        line.text = rest;
        line.looks = Looks::of(rest);
        if rest.is_empty() {
            line.kind = Kind::Blank;
        }
    }
}

fn margin_number(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 {
        return None;
    }
    let rest = &text[digits..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((text[..digits].parse().ok()?, rest.trim_start_matches(is_space)))
}

fn mark_furniture(lines: &mut [Line<'_>]) {
    mark_yaml_front_matter(lines);
    // Symbols repeat as running headers; only symbol-like lines are counted,
    // so clean text never pays for hashing every line.
    let mut symbols: HashMap<&str, u32> = HashMap::new();
    for l in lines.iter().filter(|l| l.kind == Kind::Text && l.looks.has(Looks::SYMBOL)) {
        *symbols.entry(l.text).or_default() += 1;
    }
    let mut any = false;
    for l in lines.iter_mut().filter(|l| l.kind == Kind::Text) {
        // Only a symbol-like line depends on its repeats; any other is
        // furniture alone or not at all (`is_furniture`).
        let furniture = if l.looks.has(Looks::SYMBOL) {
            is_furniture(l.text, symbols.get(l.text).copied().unwrap_or(0))
        } else {
            l.looks.has(Looks::FURNITURE)
        };
        if furniture {
            l.kind = Kind::Furniture;
            any = true;
        }
    }
    mark_lone_page_numbers(lines);
    mark_endnotes(lines);
    if any {
        mark_repeated_titles(lines);
    }
    mark_running_titles(lines);
    mark_sandwiched_titles(lines);
    mark_footnotes(lines);
    if any {
        mark_page_foot_notes(lines);
        mark_plain_page_foot_notes(lines);
    }
    super::signature::mark(lines);
}

/// A footnote's number on a line of its own: `1`, `12`.
pub fn is_note_number(t: &str) -> bool {
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// The print date beside a job number: `131217`.
fn is_print_date(t: &str) -> bool {
    t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit())
}

/// Plain `pdftotext` (and a copy from a PDF viewer) prints a page's foot
/// in another order: the note numbers alone ("1", "2"), the job number,
/// the notes' texts, then the print date ("131217") and the barcode. Text
/// that sits between the job number and the next furniture, after such
/// numbers, is the page's footnotes.
fn mark_plain_page_foot_notes(lines: &mut [Line<'_>]) {
    const MOST: usize = 24;
    for f in 0..lines.len() {
        if lines[f].kind != Kind::Furniture {
            continue;
        }
        // The note numbers above, with only blank lines around them.
        let mut numbers = Vec::new();
        let mut i = f;
        while i > 0 && numbers.len() < MOST {
            i -= 1;
            match lines[i].kind {
                Kind::Blank => {}
                Kind::Text if is_note_number(lines[i].text) => numbers.push(i),
                _ => break,
            }
        }
        if numbers.is_empty() {
            continue;
        }
        // Or their texts above them (another order the same tool prints):
        // a short block after a blank line, ending a sentence.
        let block_end = i;
        let mut block_start = block_end;
        while block_start > 0 && lines[block_start].kind == Kind::Text && !is_note_number(lines[block_start].text) {
            block_start -= 1;
        }
        let above = block_start + 1..=block_end;
        let lines_above = block_end.saturating_sub(block_start);
        if lines[block_end].kind == Kind::Text
            && lines[block_start].kind == Kind::Blank
            && (1..=numbers.len() * 2 + 1).contains(&lines_above)
            && lines[block_end].text.ends_with('.')
            && lines[block_start + 1].text.starts_with(char::is_uppercase)
        {
            for k in above.chain(numbers.iter().copied()) {
                lines[k].kind = Kind::Footnote;
            }
            continue;
        }
        // Their texts below, up to the print date or the next furniture.
        let mut texts = Vec::new();
        let mut end = None;
        for (j, l) in lines.iter().enumerate().skip(f + 1).take(MOST * 3) {
            match l.kind {
                Kind::Blank => {}
                Kind::Text if is_print_date(l.text) => {
                    end = Some(j);
                    break;
                }
                Kind::Text => texts.push(j),
                _ => {
                    end = Some(j);
                    break;
                }
            }
        }
        if end.is_none() || texts.is_empty() {
            continue;
        }
        for &k in numbers.iter().chain(&texts) {
            lines[k].kind = Kind::Footnote;
        }
        if let Some(e) = end.filter(|&e| lines[e].kind == Kind::Text) {
            lines[e].kind = Kind::Furniture;
        }
    }
}

/// `pdftotext -layout` drops the rule over a page's footnotes and prints
/// each note's number on a line of its own, its text on the next:
/// "…Europe,1 which is…" / blank / "1" / "See CD/1064." / "17-21710 (E)".
/// Right above page furniture, such groups (a lone number, then up to a
/// few lines of text) are the page's footnotes.
fn mark_page_foot_notes(lines: &mut [Line<'_>]) {
    const BODY_LINES: usize = 6;
    let mut f = 0;
    while f < lines.len() {
        // The first furniture line of a page's foot.
        if lines[f].kind != Kind::Furniture || (f > 0 && lines[f - 1].kind == Kind::Furniture) {
            f += 1;
            continue;
        }
        let mut start = None;
        let mut body = 0;
        let mut i = f;
        while i > 0 {
            i -= 1;
            let l = &lines[i];
            match l.kind {
                Kind::Blank => continue,
                Kind::Text if is_note_number(l.text) => {
                    // A note needs its text below it.
                    if body == 0 && start.is_none() {
                        break;
                    }
                    start = Some(i);
                    body = 0;
                }
                Kind::Text if body < BODY_LINES => body += 1,
                _ => break,
            }
        }
        if let Some(s) = start {
            for l in &mut lines[s..f] {
                if l.kind == Kind::Text {
                    l.kind = Kind::Footnote;
                }
            }
        }
        f += 1;
    }
}

/// A bare number of two to four digits alone between blank lines ("115"
/// in an annex of the printed volumes): a page number. A paragraph's
/// number has its dot ("5."), and a one-digit one may stand alone over its
/// text, so neither is taken.
fn mark_lone_page_numbers(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        let t = lines[i].text.as_bytes();
        if lines[i].kind != Kind::Text || !(2..=4).contains(&t.len()) || !t.iter().all(u8::is_ascii_digit) {
            continue;
        }
        let blank = |l: Option<&Line<'_>>| l.is_none_or(|l| l.kind == Kind::Blank);
        if blank(i.checked_sub(1).and_then(|p| lines.get(p))) && blank(lines.get(i + 1)) {
            lines[i].kind = Kind::Furniture;
        }
    }
}

/// A line repeated on three or more pages right next to other furniture is
/// a running title.
fn mark_repeated_titles(lines: &mut [Line<'_>]) {
    let near_furniture = |lines: &[Line<'_>], i: usize| {
        let before = lines[..i].iter().rev().find(|o| o.kind != Kind::Blank);
        let after = lines[i + 1..].iter().find(|o| o.kind != Kind::Blank);
        before.is_some_and(|o| o.kind == Kind::Furniture) || after.is_some_and(|o| o.kind == Kind::Furniture)
    };
    // (Never an official text's masthead, `United Nations S/RES/…`: texts
    // put one after another repeat theirs, and each opens a resolution.)
    let candidates: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Text && lines[i].text.len() < 200 && near_furniture(lines, i))
        .filter(|&i| masthead_symbol(lines[i].text).is_none())
        .collect();
    if candidates.is_empty() {
        return;
    }
    let mut counts: HashMap<&str, u32> = candidates.iter().map(|&i| (lines[i].text, 0)).collect();
    for l in lines.iter().filter(|l| l.kind == Kind::Text) {
        if let Some(n) = counts.get_mut(l.text) {
            *n += 1;
        }
    }
    for i in candidates {
        if counts.get(lines[i].text).copied().unwrap_or(0) >= 3 {
            lines[i].kind = Kind::Furniture;
        }
    }
}

/// A running title too long for one line sits between the page's furniture
/// and the symbol line that carries its second half (`pdftotext -layout`:
/// barcode, "Conclusion of effective … to assure non nuclear-weapon",
/// "A/RES/72/25      States against the use…"). A line with furniture
/// right above and right below it, that does not end as a clause's line
/// does, is that title.
fn mark_sandwiched_titles(lines: &mut [Line<'_>]) {
    for i in 1..lines.len().saturating_sub(1) {
        let t = lines[i].text;
        if lines[i].kind == Kind::Text
            && lines[i - 1].kind == Kind::Furniture
            && lines[i + 1].kind == Kind::Furniture
            && t.len() >= 20
            && !t.ends_with(['.', ',', ';', ':'])
        {
            lines[i].kind = Kind::Furniture;
        }
    }
}

/// The line right under a running header that repeats a title printed on
/// the first page ("Strengthening the coordination…" under `A/RES/80/53`).
fn mark_running_titles(lines: &mut [Line<'_>]) {
    const FIRST_PAGE: usize = 40;
    // The first page's words, with its wrapped lines joined: a long title
    // is printed over two lines there but on one in the running header.
    let mut first_page: Option<String> = None;
    for i in 1..lines.len() {
        // Under the symbol, or (a long title wrapped over two lines, as
        // `pdftotext -layout` prints odd pages) under the page's foot line.
        let prev = &lines[i - 1];
        let under_header = prev.kind == Kind::Furniture && (is_symbol(prev.text) || lines[i].text.len() >= 30);
        if !under_header || lines[i].kind != Kind::Text || lines[i].text.len() < 12 {
            continue;
        }
        let title = lines[i].text;
        let join = |upto: usize| {
            let texts = lines[..upto].iter().filter(|l| l.kind == Kind::Text).map(|l| l.text);
            texts.collect::<Vec<_>>().join(" ")
        };
        let seen = if i < FIRST_PAGE {
            join(i).contains(title)
        } else {
            first_page.get_or_insert_with(|| join(FIRST_PAGE)).contains(title)
        };
        if seen {
            lines[i].kind = Kind::Furniture;
        }
    }
}

/// Job numbers `02-75941 (E)`, page numbers `2/5`, barcodes `*2516680*`,
/// and a document symbol repeated alone on a line as a running header.
pub fn is_furniture(text: &str, repeats: u32) -> bool {
    furniture_alone(text)
        || (is_symbol(text) && (repeats >= 2 || text.contains("/RES/")))
        // (Only lines counted as symbol lines can be running headers.)
        || repeats > 0 && header_symbol(text).is_some_and(|sym| repeats >= 2 || sym.contains("/RES/"))
}

/// Furniture whatever else the page holds: a rule, job number, page foot,
/// page number or barcode.
fn furniture_alone(text: &str) -> bool {
    is_rule(text) || is_job_number(text) || is_page_foot(text) || is_page_number(text) || is_barcode(text)
}

/// A Markdown thematic break or a ruled line: `---`, `***`, `===`.
fn is_rule(t: &str) -> bool {
    let b = t.as_bytes();
    (3..=120).contains(&b.len()) && matches!(b[0], b'-' | b'*' | b'=') && b.iter().all(|&c| c == b[0])
}

/// Built once: building a searcher for each of many short lines costs more
/// than the search.
static THREE_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"   "));

/// A running header that holds the symbol and the title on one line, as
/// `pdftotext -layout` prints it: `A/RES/77/10      The situation in…` or
/// the title first. The two sit apart by a run of spaces.
pub fn header_symbol(text: &str) -> Option<&str> {
    // Asked of every line: the vectorised scans reject most at once.
    if text.len() > 200 || memchr::memchr(b'/', text.as_bytes()).is_none() {
        return None;
    }
    let gap = THREE_SPACES.find(text.as_bytes())?;
    let (a, b) = (text[..gap].trim(), text[gap..].trim());
    // "United Nations      A/RES/77/10" heads the first page: it opens the
    // resolution, it is no running header.
    if b.contains("   ") || a == "United Nations" {
        return None;
    }
    [a, b].into_iter().find(|p| is_symbol(p))
}

/// `---` / `symbol: …` / `---` at the very top: a converter's YAML front
/// matter. Its lines are metadata (read by `parse::yaml_field`), never text.
fn mark_yaml_front_matter(lines: &mut [Line<'_>]) {
    if lines.first().is_none_or(|l| l.text != "---") {
        return;
    }
    let Some(end) = lines.iter().take(60).skip(1).position(|l| l.text == "---" || l.text == "...") else {
        return;
    };
    let body_ok =
        lines[1..=end].iter().all(|l| l.kind == Kind::Blank || l.text.contains(':') || l.text.starts_with(['-', ' ']));
    if !body_ok {
        return;
    }
    for l in &mut lines[..=end + 1] {
        if l.kind != Kind::Blank {
            l.kind = Kind::Furniture;
        }
    }
}

/// Footnotes gathered at the end of a text (Word's plain text, a copy from
/// a web page): a `Notes` heading, or a run of lines numbered 1, 2, 3… with
/// a bare number (`1⇥Text`, `2 Text`) that goes on to the end of the file.
fn mark_endnotes(lines: &mut [Line<'_>]) {
    // Only the end of a document can hold them: look from the last line back.
    let Some(last) = lines.iter().rposition(|l| l.kind == Kind::Text) else { return };
    // Walk back over numbered lines and their continuations.
    let mut expected_last = None;
    let mut start = None;
    let mut since_marker = 0;
    for i in (0..=last).rev() {
        let l = &lines[i];
        if l.kind != Kind::Text {
            continue;
        }
        match endnote_marker(l.text, false) {
            Some((n, _)) if expected_last.is_none_or(|e| n + 1 == e) && !super::front::looks_like_date(l.text) => {
                expected_last = Some(n);
                start = Some(i);
                since_marker = 0;
                if n == 1 {
                    break;
                }
            }
            _ => {
                // A note wraps onto a few lines at most.
                since_marker += 1;
                if since_marker > 6 || expected_last.is_none() && since_marker > 2 {
                    break;
                }
            }
        }
    }
    if let (Some(1), Some(s)) = (expected_last, start) {
        for l in &mut lines[s..=last] {
            if l.kind == Kind::Text {
                l.kind = Kind::Footnote;
            }
        }
        return;
    }
    // `Notes` then `1. Text`: the heading says what the numbers are.
    let Some(h) = lines.iter().rposition(|l| l.kind == Kind::Text && l.looks.has(Looks::NOTES)) else { return };
    if lines[h + 1..]
        .iter()
        .find(|l| l.kind == Kind::Text)
        .is_some_and(|l| endnote_marker(l.text, true).is_some_and(|(n, _)| n == 1))
    {
        for l in &mut lines[h..=last] {
            if l.kind == Kind::Text {
                l.kind = Kind::Footnote;
            }
        }
    }
}

/// `Notes`, `Footnotes`, `Endnotes` standing alone.
pub fn is_notes_heading(t: &str) -> bool {
    let t = t.trim_end_matches(':');
    ["notes", "footnotes", "endnotes"].iter().any(|h| t.eq_ignore_ascii_case(h))
}

/// The number opening an endnote: `1⇥`, `12 ` (and `1. ` when `dotted`).
pub fn endnote_marker(t: &str, dotted: bool) -> Option<(u32, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let mut rest = &t[digits..];
    if dotted {
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    if !rest.starts_with([' ', '\t']) || rest.trim().is_empty() {
        return None;
    }
    Some((t[..digits].parse().ok()?, rest.trim_start()))
}

/// A page's foot as `pdftotext -layout` prints it on one line: the page
/// number and the job number far apart (`2/8      17-21711`, `17-21711
/// 3/8`), perhaps with the language and print date.
fn is_page_foot(t: &str) -> bool {
    // One token alone (`17-21711`), or far apart on one line.
    if t.len() > 160 || (t.contains(' ') && THREE_SPACES.find(t.as_bytes()).is_none()) {
        return false;
    }
    let job = |w: &str| {
        let b = w.as_bytes();
        b.len() == 8 && b[2] == b'-' && b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit())
    };
    let mut jobs = 0;
    for w in t.split_whitespace() {
        if job(w) {
            jobs += 1;
        } else if !(is_page_number(w) || w == "(E)" || is_print_date(w)) {
            return false;
        }
    }
    jobs == 1
}

fn is_job_number(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 11
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[2] == b'-'
        && b[3..8].iter().all(u8::is_ascii_digit)
        && t[8..].trim_start().starts_with('(')
        && t[8..].trim_start().get(2..3) == Some(")")
}

fn is_page_number(t: &str) -> bool {
    let t = t.trim();
    if t.len() > 16 {
        return false;
    }
    if let Some((a, b)) = t.split_once('/') {
        let (Ok(page), Ok(total)) = (a.parse::<u32>(), b.parse::<u32>()) else {
            return false;
        };
        return a.len() <= 3 && b.len() <= 3 && page >= 1 && page <= total;
    }
    if let Some(inner) = t.strip_prefix('-').and_then(|s| s.strip_suffix('-')) {
        let inner = inner.trim();
        return !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|c| c.is_ascii_digit());
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page ") {
        return rest.split(" of ").all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
    }
    false
}

fn is_barcode(t: &str) -> bool {
    t.len() >= 7 && t.starts_with('*') && t.ends_with('*') && t[1..t.len() - 1].bytes().all(|c| c.is_ascii_digit())
}

/// A UN document symbol alone: `S/RES/1454 (2002)`, `A/RES/80/53`, `A/C.3/80/L.12`.
/// The symbol on an official text's masthead, its first line: `United
/// Nations S/RES/1445 (2002)` (`pdftotext -layout` sets the two far apart).
pub fn masthead_symbol(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("United Nations")?.trim();
    is_symbol(rest).then_some(rest)
}

pub fn is_symbol(t: &str) -> bool {
    // Cheap rejections first: this runs on every line of a document.
    if t.len() > 48 || !t.as_bytes().first().is_some_and(u8::is_ascii_uppercase) || !t.contains('/') {
        return false;
    }
    let (sym, year) = match t.split_once(' ') {
        Some((s, y)) => (s, Some(y)),
        None => (t, None),
    };
    if let Some(y) = year {
        let dated =
            y.len() == 6 && y.starts_with('(') && y.ends_with(')') && y[1..5].bytes().all(|c| c.is_ascii_digit());
        if !dated && !is_part_suffix(y) {
            return false;
        }
    }
    let parts: Vec<&str> = sym.split('/').collect();
    parts.len() >= 3
        && parts[0].len() <= 6
        && parts[0].bytes().all(|c| c.is_ascii_uppercase())
        && parts[1..]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-'))
}

/// The parts a symbol covers: `A`, `A-B`, `A–C` (`A/RES/77/128 A-B`).
pub fn is_part_suffix(t: &str) -> bool {
    let mut letters = t.split(['-', '–']);
    let one = |p: Option<&str>| p.is_some_and(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()));
    let first = letters.next();
    let second = letters.next();
    one(first) && (second.is_none() || one(second)) && letters.next().is_none()
}

/// Footnotes in official texts sit under a rule of underscores at the foot
/// of a page; Markdown has `[^1]: text`. Both are kept out of clause text.
/// The printed yearly volumes of Security Council resolutions put them
/// right after the adoption line instead, with no rule: "Adopted at the
/// 1747th meeting by 14 votes to none 27", then "27 One member (China) did
/// not participate in the voting." (`adoption_note`).
fn mark_footnotes(lines: &mut [Line<'_>]) {
    let mut in_zone = false;
    let mut after_blank = false;
    let mut in_markdown_note = false;
    // Within the adoption paragraph (Some(false)) or right after it
    // (Some(true), a blank line seen): a numbered note may begin here.
    let mut adoption: Option<bool> = None;
    for l in lines.iter_mut() {
        match l.kind {
            Kind::Furniture => in_zone = false,
            Kind::Blank => {
                after_blank = true;
                in_markdown_note = false;
                if adoption == Some(false) {
                    adoption = Some(true);
                }
            }
            Kind::Footnote | Kind::Signature => {}
            Kind::Text => {
                if !in_zone && adoption.is_some() && adoption_note(l.text) {
                    in_zone = true;
                } else if adoption == Some(true) || l.looks.has(Looks::ADOPTION) {
                    adoption = l.looks.has(Looks::ADOPTION).then_some(false);
                }
                // The next resolution's title ("83 (1950). Resolution of …")
                // opens with a number too: it ends the notes.
                if in_zone
                    && (super::build::resolution_heading(l.text).is_some()
                        || super::meta::council_title(l.text).is_some())
                {
                    in_zone = false;
                }
                if l.looks.has(Looks::NOTE_RULE) {
                    l.kind = Kind::Footnote;
                    in_zone = true;
                } else if l.looks.has(Looks::MARKDOWN_NOTE) {
                    l.kind = Kind::Footnote;
                    in_markdown_note = true;
                } else if in_markdown_note && !after_blank {
                    // A `[^n]:` note wrapped onto the next lines.
                    l.kind = Kind::Footnote;
                } else if in_zone {
                    // A footnote body starts with its marker; a line after a
                    // blank that does not is the text resuming.
                    if footnote_marker(l.text).is_some() || !after_blank {
                        l.kind = Kind::Footnote;
                    } else {
                        in_zone = false;
                    }
                }
                after_blank = false;
            }
        }
    }
}

/// "Adopted at the 39th meeting …", "(Adopted unanimously …)": the line
/// that closes a resolution in the printed volumes.
fn is_adoption_line(t: &str) -> bool {
    t.trim_start_matches('(').get(..8).is_some_and(|p| p.eq_ignore_ascii_case("adopted "))
}

/// A volume's footnote after the adoption line: its number, a space, and a
/// sentence ("12 See United Nations …", "27 One member …"). A vote's
/// wrapped line ("2 abstentions (France, …") goes on in lower case, and a
/// title ("83 (1950). Resolution of …") follows its number with a bracket.
fn adoption_note(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && t[digits..].starts_with(' ')
        && t[digits..].trim_start().starts_with(|c: char| c.is_uppercase())
        && super::meta::council_title(t).is_none()
        // "25 May 1993" under "Adopted … at its 3217th meeting, on".
        && !super::front::looks_like_date(t)
        && !super::front::is_month(t[digits..].trim_start().split([' ', ',']).next().unwrap_or(""))
}

/// The marker opening a footnote body: `1 `, `¹ `, `* `, `[^1]:`.
pub fn footnote_marker(t: &str) -> Option<(&str, &str)> {
    if let Some(rest) = t.strip_prefix("[^") {
        let end = rest.find("]:")?;
        return Some((&rest[..end], rest[end + 2..].trim_start()));
    }
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰*†‡".contains(*c)))
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    if end == 0 || end > 9 || !t[end..].starts_with([' ', '\t']) {
        return None;
    }
    Some((&t[..end], t[end..].trim_start()))
}

/// The rule above a page's footnotes: `_____`.
fn is_note_rule(t: &str) -> bool {
    t.len() >= 5 && t.chars().all(|c| c == '_')
}

pub fn is_markdown_footnote(t: &str) -> bool {
    t.starts_with("[^") && t.find("]:").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_recognised() {
        assert!(is_job_number("02-75941 (E)"));
        assert!(is_job_number("02-75941 (E)    301202"));
        assert!(is_page_number("2/5"));
        assert!(is_page_foot("2/8                                  17-21711"));
        assert!(is_page_foot("17-21711                                  3/8"));
        assert!(!is_page_foot("resolution 17-21711    3/8"));
        assert!(!is_page_foot("2/8 17-21711"));
        assert!(is_page_foot("17-21711"));
        assert!(is_page_number("- 3 -"));
        assert!(is_barcode("*2516680*"));
        assert!(is_symbol("S/RES/1454 (2002)"));
        assert!(is_symbol("A/RES/80/53"));
        assert!(!is_symbol("CCPCJ/1/3 Topic"));
        assert!(!is_page_number("24/7"));
    }

    #[test]
    fn one_line_for_each_newline_and_lines_trimmed() {
        for text in ["x", "\n", "a\nb", "\n\n\n\n\n\n\n\n\nz", "x\u{10a}\n\u{a0a}\n0123456789\n"] {
            let expected = text.strip_suffix('\n').unwrap_or(text).split('\n').count();
            assert_eq!(lines(text).len(), expected, "{text:?}");
        }
        let l = lines("  a b \t\n\u{c}\u{a0}Recalling\u{a0}\n\u{c}\n.x.");
        let texts: Vec<&str> = l.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a b", "Recalling", "", ".x."]);
        assert_eq!(l[2].kind, Kind::Blank);
    }

    #[test]
    fn notes_after_the_adoption_line() {
        assert!(adoption_note("27 One member (China) did not participate in the voting."));
        assert!(adoption_note("12 See United Nations Conference on International Organization"));
        // A vote's wrapped line, a date, the next resolution's title.
        assert!(!adoption_note("2 abstentions (France, United"));
        assert!(!adoption_note("25 May 1993"));
        assert!(!adoption_note("83 (1950). Resolution of 27 June 1950"));
        let text = "1. Decides to act.\n\nAdopted at the 1747th meeting by 14 votes to none 27\n\n27 One member (China) did not participate in the voting.\n\n83 (1950). Resolution of 27 June 1950\n";
        let kinds: Vec<Kind> = lines(text).iter().map(|l| l.kind).collect();
        assert_eq!(kinds[4], Kind::Footnote);
        assert_eq!(kinds[2], Kind::Text);
        assert_eq!(kinds[6], Kind::Text);
    }

    #[test]
    fn lone_page_numbers_are_furniture() {
        let l = lines("the text goes on\n\n115\n\nand on\n\n7\n\n12 lines");
        let kinds: Vec<Kind> = l.iter().map(|l| l.kind).collect();
        assert_eq!(kinds[2], Kind::Furniture);
        // One digit may be a paragraph's number standing over its text.
        assert_eq!(kinds[6], Kind::Text);
        assert_eq!(kinds[8], Kind::Text);
    }

    #[test]
    fn margin_numbers_are_stripped() {
        let text = (1..=12).map(|i| format!("{i} line {i}")).collect::<Vec<_>>().join("\n");
        let l = lines(&text);
        assert_eq!(l[0].text, "line 1");
        assert_eq!(l[11].text, "line 12");
    }

    /// What a line looks like is asked again once its margin number is
    /// gone: `4  A/RES/77/10` is no symbol, `A/RES/77/10` repeated is a
    /// running header, and `Adopted …` closes a resolution.
    #[test]
    fn a_line_is_judged_by_its_text_after_the_margin_number_goes() {
        let body = ["The General Assembly,", "A/RES/77/10", "1. Decides to act;", "A/RES/77/10", "2. Requests;"];
        let mut rows: Vec<String> = body.iter().map(|t| t.to_string()).collect();
        rows.extend(["Adopted at the 39th meeting by 14 votes to none 27".into(), String::new()]);
        rows.extend(["27 One member did not participate in the voting.".into(), String::new()]);
        rows.push("3. Decides to remain seized.".into());
        let text: Vec<String> = rows.iter().enumerate().map(|(i, t)| format!("{}  {t}", i + 1)).collect();
        let text = text.join("\n");
        let l = lines(&text);
        assert_eq!(l[1].text, "A/RES/77/10");
        assert_eq!(l[1].kind, Kind::Furniture);
        assert_eq!(l[3].kind, Kind::Furniture);
        assert_eq!(l[2].kind, Kind::Text);
        assert_eq!(l[7].text, "27 One member did not participate in the voting.");
        assert_eq!(l[7].kind, Kind::Footnote, "a note after the adoption line");
        assert_eq!(l[9].kind, Kind::Text);
    }
}
