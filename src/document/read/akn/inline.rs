//! The text of a paragraph from its inline markup: whitespace collapsed
//! (AKN keeps Word's tabs), italics kept as `*…*` like the text parser
//! keeps a source's emphasis, footnotes taken out to the document with no
//! marker left in the clause, everything else kept as its text.

use super::xml::{Element, Node};

/// A footnote found inside a paragraph.
pub struct Note {
    pub marker: String,
    pub text: String,
    pub line: u32,
}

/// Where notes kept in `meta/notes` are found by `noteRef`.
pub type NoteTargets<'a> = Vec<(&'a str, &'a Element)>;

/// Collects one paragraph's text.
pub struct Inline<'t, 'x> {
    out: String,
    /// A space is owed before the next visible character.
    space: bool,
    /// Italic nesting depth; `open` is set while the opening `*` waits for
    /// the first visible character, so `*` hugs the words it marks.
    italic: usize,
    open: bool,
    pub notes: Vec<Note>,
    targets: &'t NoteTargets<'x>,
    /// Inline elements this reader does not know (their text is kept).
    pub unknown: Vec<String>,
}

impl<'t, 'x> Inline<'t, 'x> {
    pub fn new(targets: &'t NoteTargets<'x>) -> Self {
        Inline {
            out: String::new(),
            space: false,
            italic: 0,
            open: false,
            notes: Vec::new(),
            targets,
            unknown: Vec::new(),
        }
    }

    /// The text so far, trimmed.
    pub fn finish(self) -> (String, Vec<Note>, Vec<String>) {
        (self.out, self.notes, self.unknown)
    }

    /// A break between two blocks of one paragraph (two `p` in a `content`).
    pub fn paragraph_break(&mut self) {
        if !self.out.is_empty() {
            self.space = false;
            self.out.push('\n');
        }
    }

    pub fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                self.space = !self.out.is_empty() && !self.out.ends_with('\n');
                continue;
            }
            if self.space {
                self.out.push(' ');
                self.space = false;
            }
            if self.open {
                self.out.push('*');
                self.open = false;
            }
            self.out.push(c);
        }
    }

    /// Everything inside `e`.
    pub fn children(&mut self, e: &Element) {
        for n in &e.children {
            match n {
                Node::Text(t) => self.text(t),
                Node::Element(child) => self.element(child),
            }
        }
    }

    pub fn element(&mut self, e: &Element) {
        match e.name.as_str() {
            "authorialNote" | "note" => self.note(e, e.attr("marker")),
            "noteRef" => {
                let target = e.attr("href").map(|h| h.trim_start_matches('#'));
                // A note kept in `meta/notes` is a footnote already (the
                // document lists them all once); the reference leaves no mark.
                if !target.is_some_and(|id| self.targets.iter().any(|(k, _)| *k == id)) {
                    self.children(e);
                }
            }
            "eol" | "eop" | "br" => self.space = !self.out.is_empty(),
            "img" | "marker" | "placeholder" => {}
            "i" | "em" => self.italic_children(e),
            "span" | "inline" if e.attr("class").is_some_and(|c| c.split_whitespace().any(|w| w == "italic")) => {
                self.italic_children(e)
            }
            // Known inline elements (AKN's inline and marker groups): their text.
            "span" | "inline" | "a" | "b" | "u" | "sup" | "sub" | "abbr" | "ref" | "mref" | "rref" | "term" | "def"
            | "date" | "time" | "person" | "organization" | "location" | "quantity" | "concept" | "object"
            | "event" | "process" | "role" | "docNumber" | "docTitle" | "docDate" | "docType" | "docStatus"
            | "docProponent" | "docAuthority" | "docCommittee" | "docIntroducer" | "docJurisdiction" | "docPurpose"
            | "docStage" | "legislature" | "session" | "shortTitle" | "entity" | "signature" | "subheading" | "num"
            | "ins" | "del" | "omissis" | "affectedDocument" | "relatedDocument" | "change" | "vote" | "outcome"
            | "narrative" | "summary" | "courtType" | "judge" | "party" | "lawyer" | "argument" | "fillIn"
            | "decoration" | "opinion" | "argumentation" | "recordedTime" | "embeddedText" | "quotedText" | "p"
            | "tocItem" | "connectedText" | "mmod" | "mod" | "remark" => self.children(e),
            other => {
                if !self.unknown.iter().any(|u| u == other) {
                    self.unknown.push(other.to_string());
                }
                self.children(e);
            }
        }
    }

    fn italic_children(&mut self, e: &Element) {
        if self.italic == 0 {
            self.open = true;
        }
        self.italic += 1;
        self.children(e);
        self.italic -= 1;
        if self.italic == 0 {
            if self.open {
                // Nothing visible was marked: no marks.
                self.open = false;
            } else {
                self.out.push('*');
            }
        }
    }

    /// A footnote: its text goes to the document; the clause keeps none.
    pub fn note(&mut self, e: &Element, marker: Option<&str>) {
        let mut inner = Inline::new(self.targets);
        for p in e.elements() {
            inner.children(p);
            inner.space = !inner.out.is_empty();
        }
        if e.elements().next().is_none() {
            inner.children(e);
        }
        let (text, notes, unknown) = inner.finish();
        let marker = marker.map(str::to_string).unwrap_or_else(|| (self.notes.len() + 1).to_string());
        self.notes.push(Note { marker, text: text.trim().to_string(), line: e.line });
        // A note inside a note (rare) is kept after it, not lost.
        self.notes.extend(notes);
        self.unknown.extend(unknown);
    }
}

#[cfg(test)]
/// The text of `e` and its notes, for a paragraph-like element's own text.
pub fn text_of<'x>(e: &Element, targets: &NoteTargets<'x>) -> (String, Vec<Note>, Vec<String>) {
    let mut inline = Inline::new(targets);
    inline.children(e);
    inline.finish()
}

#[cfg(test)]
mod tests {
    use super::super::xml::parse;
    use super::*;

    fn read(xml: &str) -> (String, Vec<Note>) {
        let root = parse(xml).expect("well-formed");
        let (text, notes, _) = text_of(&root, &Vec::new());
        (text, notes)
    }

    #[test]
    fn italics_hug_their_words_and_whitespace_collapses() {
        let (t, _) = read("<p>\t<span class=\"italic\">Guided </span>by the\n  Charter, <i>inter alia</i></p>");
        assert_eq!(t, "*Guided* by the Charter, *inter alia*");
    }

    #[test]
    fn notes_leave_no_marker() {
        let (t, notes) = read(
            "<p>the Agenda,<authorialNote marker=\"1\" eId=\"n1\"><p>\tResolution <a>70/1</a>.</p></authorialNote> the Paris</p>",
        );
        assert_eq!(t, "the Agenda, the Paris");
        assert_eq!(notes.len(), 1);
        assert_eq!((notes[0].marker.as_str(), notes[0].text.as_str()), ("1", "Resolution 70/1."));
    }
}
