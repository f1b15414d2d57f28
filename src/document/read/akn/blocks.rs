//! The body's elements → a flat run of blocks (headings, paragraphs, an
//! enacting formula), in document order. The UN's markup is often flat
//! (sub-items as sibling paragraphs numbered `(a)`), so levels are decided
//! afterwards from the labels (`assemble`); structure the markup does give
//! (`list`/`point`, `subparagraph`) is kept as it is.

use compact_str::CompactString;

use super::inline::{Inline, Note, NoteTargets};
use super::label::{self, Kind};
use super::xml::{Element, Node};
use crate::document::decode::sanitize;
use crate::document::model::{Clause, LineSpan, SourceLine};

#[derive(Debug)]
pub enum Block {
    /// A heading: `I`, `Achieving sustainable fisheries`, `Annex`.
    Heading {
        text: String,
        line: u32,
    },
    Para(Para),
    /// An enacting formula (`The General Assembly,`).
    Formula {
        text: String,
        line: u32,
    },
}

#[derive(Debug)]
pub struct Para {
    pub label: Option<(CompactString, Kind)>,
    pub text: String,
    pub lines: LineSpan,
    /// Items the markup itself nests (`list`/`point`, `subparagraph`).
    pub children: Vec<Clause>,
    /// Marked as preamble by the markup (`preamble/container`, `recital`).
    pub preamble: bool,
}

/// What reading the body collects besides blocks.
pub struct Collector<'t, 'x> {
    pub blocks: Vec<Block>,
    pub notes: Vec<Note>,
    /// Elements not known to this reader: text kept, listed.
    pub unknown: Vec<(String, SourceLine)>,
    /// Documents quoted whole (`quotedStructure`): a draft resolution
    /// recommended for adoption is a resolution of its own.
    pub quoted: Vec<Vec<Block>>,
    pub targets: &'t NoteTargets<'x>,
}

/// Elements that group paragraphs under a heading (`num` + `heading`).
const GROUPS: &[&str] = &[
    "hcontainer",
    "part",
    "chapter",
    "section",
    "title",
    "division",
    "subdivision",
    "book",
    "tome",
    "subpart",
    "subchapter",
    "subsection",
    "subtitle",
    "article",
    "rule",
    "blockContainer",
    "tblock",
    "wrap",
];

/// Elements that are one paragraph (with a `num` and text, maybe items).
const PARAGRAPHS: &[&str] = &[
    "paragraph",
    "subparagraph",
    "container",
    "recital",
    "citation",
    "point",
    "item",
    "alinea",
    "clause",
    "indent",
    "li",
    "level",
    "proviso",
    "sublist",
    "list",
];

/// Elements holding a paragraph's own text.
const TEXTS: &[&str] = &["content", "intro", "p", "wrapUp", "listIntroduction", "listWrapUp", "wrap", "block"];

/// Elements inside a paragraph that hold its text and items.
const HOLDERS: &[&str] = &["list", "blockList", "ul", "ol", "heading", "subheading", "num"];

/// Parts of a document that are not the body: read elsewhere or skipped.
const NOT_BODY: &[&str] = &["meta", "coverPage", "preface", "conclusions", "attachments", "components", "toc", "img"];

impl<'t, 'x> Collector<'t, 'x> {
    pub fn new(targets: &'t NoteTargets<'x>) -> Self {
        Collector { blocks: Vec::new(), notes: Vec::new(), unknown: Vec::new(), quoted: Vec::new(), targets }
    }

    /// Notes kept apart in `meta/notes`: footnotes, whether or not a
    /// `noteRef` points at them.
    pub fn meta_notes(&mut self) {
        let mut inline = Inline::new(self.targets);
        for (_, note) in self.targets.iter() {
            inline.note(note, note.attr("marker"));
        }
        let (_, notes, unknown) = inline.finish();
        self.notes.extend(notes);
        self.note_unknown(unknown, 0);
    }

    /// The children of a `preamble`.
    pub fn preamble(&mut self, preamble: &Element, depth: usize) {
        for e in preamble.elements() {
            match e.name.as_str() {
                "formula" => {
                    let text = self.text(e);
                    self.blocks.push(Block::Formula { text: plain(&text), line: e.line });
                }
                "recitals" | "citations" => self.preamble(e, depth + 1),
                _ => self.block(e, true, depth + 1),
            }
        }
    }

    /// The children of a `mainBody` (or `body`, a group, an annex).
    pub fn body(&mut self, body: &Element, depth: usize) {
        for e in body.elements() {
            self.block(e, false, depth + 1);
        }
    }

    fn block(&mut self, e: &Element, preamble: bool, depth: usize) {
        if depth > super::xml::MAX_DEPTH {
            return;
        }
        let name = e.name.as_str();
        match name {
            _ if NOT_BODY.contains(&name) => {}
            "preamble" => self.preamble(e, depth),
            "mainBody" | "body" | "recitals" | "citations" => self.body(e, depth),
            "formula" => {
                let text = self.text(e);
                self.blocks.push(Block::Formula { text: plain(&text), line: e.line });
            }
            "heading" | "subheading" | "crossHeading" | "num" => {
                let text = self.text(e);
                if !text.is_empty() {
                    self.blocks.push(Block::Heading { text: plain(&text), line: e.line });
                }
            }
            "table" | "container" if is_table(e) => self.table(e, preamble),
            "quotedStructure" | "embeddedStructure" => self.quoted(e, depth),
            _ if GROUPS.contains(&name) => self.group(e, preamble, depth),
            _ if PARAGRAPHS.contains(&name) || TEXTS.contains(&name) => self.paragraph(e, preamble, depth),
            _ => {
                // Unknown: its text is kept and listed, never dropped.
                let text = self.text(e);
                if !text.is_empty() {
                    self.unknown.push((name.to_string(), SourceLine { line: e.line, text: plain(&text) }));
                }
            }
        }
    }

    /// `hcontainer` and kin: the heading (number and title) then the body.
    fn group(&mut self, e: &Element, preamble: bool, depth: usize) {
        let num = e.child("num").map(|n| self.text(n)).filter(|t| !t.is_empty());
        let heading = e.child("heading").map(|h| self.text(h)).filter(|t| !t.is_empty());
        let title = match (num, heading) {
            (Some(n), Some(h)) => Some(format!("{}. {}", n.trim_end_matches('.'), h)),
            (n, h) => n.or(h),
        };
        if let Some(title) = title {
            self.blocks.push(Block::Heading { text: plain(&title), line: e.line });
        }
        for c in e.elements() {
            match c.name.as_str() {
                "num" | "heading" => {}
                _ => self.block(c, preamble, depth + 1),
            }
        }
    }

    /// A paragraph: label, own text, and the items the markup nests in it.
    /// A paragraph holding only a `subheading` (`class="H23"`) is a heading.
    fn paragraph(&mut self, e: &Element, preamble: bool, depth: usize) {
        if let Some(heading) = heading_only(e) {
            let text = self.text(heading);
            if !text.is_empty() {
                self.blocks.push(Block::Heading { text: plain(&text), line: heading.line });
            }
            return;
        }
        let p = self.read_paragraph(e, preamble, depth);
        if !p.text.is_empty() || !p.children.is_empty() || p.label.is_some() {
            self.blocks.push(Block::Para(p));
        }
    }

    /// Label, own text, lines and nested items of a paragraph-like element.
    fn read_paragraph(&mut self, e: &Element, preamble: bool, depth: usize) -> Para {
        let mut walk =
            Walk { own: Inline::new(self.targets), first: None, last: e.line, children: Vec::new(), num: None };
        self.own_text(e, &mut walk, depth);
        let Walk { own, first, last, children, num } = walk;
        let (text, notes, unknown) = own.finish();
        self.notes.extend(notes);
        self.note_unknown(unknown, e.line);
        let mut text = sanitize(text.trim()).into_owned();
        let mut label = num.as_deref().and_then(label::parse).map(|(l, k)| (CompactString::from(l), k));
        if label.is_none() {
            if let Some((l, k, rest)) = label::typed(&text) {
                label = Some((CompactString::from(l), k));
                text = rest.to_string();
            } else if let Some(n) = num {
                // A `num` that is no label we know (`Article 1`, `•`): kept in the text.
                text = format!("{n} {text}");
            }
        }
        let first = first.unwrap_or(e.line);
        Para { label, text, lines: LineSpan::new(first, last.max(first)), children, preamble }
    }

    /// Walks a paragraph's parts: text holders add to `own`, nested items
    /// (`point`, `subparagraph`) become children, table rows too.
    fn own_text(&mut self, e: &Element, w: &mut Walk<'_, '_>, depth: usize) {
        if depth > super::xml::MAX_DEPTH {
            return;
        }
        for n in &e.children {
            match n {
                Node::Text(t) => {
                    // Whitespace too: it separates the inline elements around it.
                    w.own.text(t);
                    if !t.trim().is_empty() {
                        w.first.get_or_insert(e.line);
                        w.last = w.last.max(e.line);
                    }
                }
                Node::Element(c) => match c.name.as_str() {
                    "num" if w.num.is_none() => w.num = Some(plain(&self.text(c))),
                    name if is_item(name) => {
                        let item = self.read_paragraph(c, false, depth + 1);
                        w.children.push(Clause {
                            label: item.label.map(|(l, _)| l).unwrap_or_default(),
                            text: item.text.into(),
                            children: item.children,
                            lines: item.lines,
                            ..Clause::default()
                        });
                    }
                    "table" | "container" if is_table(c) => w.children.extend(table_rows(c, self)),
                    "quotedStructure" | "embeddedStructure" => self.quoted(c, depth + 1),
                    name if is_inline(name) => {
                        w.own.element(c);
                        w.first.get_or_insert(c.line);
                        w.last = w.last.max(c.end_line);
                    }
                    name if TEXTS.contains(&name) || HOLDERS.contains(&name) => {
                        if name == "p" || name == "heading" || name == "subheading" {
                            w.own.paragraph_break();
                        }
                        self.own_text(c, w, depth + 1);
                    }
                    _ => {
                        let text = self.text(c);
                        if !text.is_empty() {
                            self.unknown.push((c.name.clone(), SourceLine { line: c.line, text: plain(&text) }));
                        }
                    }
                },
            }
        }
    }

    /// A structure quoted whole: read on its own, kept apart.
    fn quoted(&mut self, e: &Element, depth: usize) {
        let mut inner = Collector::new(self.targets);
        inner.body(e, depth);
        self.notes.append(&mut inner.notes);
        self.unknown.append(&mut inner.unknown);
        self.quoted.append(&mut inner.quoted);
        if !inner.blocks.is_empty() {
            self.quoted.push(inner.blocks);
        }
    }

    fn table(&mut self, e: &Element, preamble: bool) {
        let children = table_rows(e, self);
        if children.is_empty() {
            return;
        }
        self.blocks.push(Block::Para(Para {
            label: None,
            text: "Table".to_string(),
            lines: LineSpan::new(e.line, e.line),
            children,
            preamble,
        }));
    }

    /// The sanitised text of `e`; its notes and unknown elements recorded.
    fn text(&mut self, e: &Element) -> String {
        let mut inline = Inline::new(self.targets);
        inline.children(e);
        let (text, notes, unknown) = inline.finish();
        self.notes.extend(notes);
        self.note_unknown(unknown, e.line);
        sanitize(text.trim()).into_owned()
    }

    fn note_unknown(&mut self, names: Vec<String>, line: u32) {
        for name in names {
            self.unknown.push((name, SourceLine { line, text: String::new() }));
        }
    }
}

/// A paragraph being read: its text so far, lines, items and number.
struct Walk<'t, 'x> {
    own: Inline<'t, 'x>,
    first: Option<u32>,
    last: u32,
    children: Vec<Clause>,
    num: Option<String>,
}

/// Emphasis marks off, for headings and formulas.
fn plain(text: &str) -> String {
    text.replace('*', "")
}

fn is_item(name: &str) -> bool {
    matches!(name, "point" | "item" | "subparagraph" | "li" | "alinea" | "indent" | "clause" | "level" | "proviso")
}

/// Inline elements (everything `Inline` reads as text).
fn is_inline(name: &str) -> bool {
    !matches!(
        name,
        "p" | "content"
            | "intro"
            | "wrapUp"
            | "list"
            | "blockList"
            | "ul"
            | "ol"
            | "table"
            | "container"
            | "num"
            | "heading"
            | "subheading"
            | "listIntroduction"
            | "listWrapUp"
            | "block"
            | "tblock"
            | "blockContainer"
            | "foreign"
            | "toc"
            | "quotedStructure"
            | "embeddedStructure"
    ) && !is_item(name)
        && !GROUPS.contains(&name)
        && !PARAGRAPHS.contains(&name)
}

/// `paragraph class="H23"` holding only a `subheading` (in a `p` or not).
fn heading_only(e: &Element) -> Option<&Element> {
    if e.child("num").is_some() {
        return None;
    }
    let mut cur = e;
    loop {
        let mut kids = cur.elements();
        let only = kids.next()?;
        if kids.next().is_some() || cur.children.iter().any(|n| matches!(n, Node::Text(t) if !t.trim().is_empty())) {
            return None;
        }
        if only.name == "subheading" || only.name == "heading" {
            return Some(only);
        }
        if !matches!(only.name.as_str(), "content" | "p") {
            return None;
        }
        cur = only;
    }
}

fn is_table(e: &Element) -> bool {
    e.name == "table" || (e.name == "container" && e.elements().any(|c| c.name == "table"))
}

/// A table's rows as unlabelled items, cells joined by ` | `.
fn table_rows(e: &Element, c: &mut Collector<'_, '_>) -> Vec<Clause> {
    let mut rows = Vec::new();
    e.find_all("tr", &mut rows);
    rows.iter()
        .filter_map(|tr| {
            let cells: Vec<String> = tr.elements().map(|td| c.text(td)).filter(|t| !t.is_empty()).collect();
            (!cells.is_empty()).then(|| Clause {
                text: plain(&cells.join(" | ")).into(),
                lines: LineSpan::new(tr.line, tr.end_line),
                ..Clause::default()
            })
        })
        .collect()
}
