//! A WordprocessingML part (the body, the footnotes, a header) → its
//! paragraphs in reading order, with what the layout step needs: the style,
//! the list a paragraph is numbered in, which text is emphasised, and where
//! footnotes are referenced. Tracked changes are read as accepted:
//! insertions kept, deletions dropped. Drawings, text boxes, field codes
//! and formatting-change records are not text of the paragraph.

use super::styles::Styles;
use super::xml::{self, Event};
use crate::document::decode::DecodeError;

/// A piece of a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text, italic or underlined or not. Tabs are `\t`, line breaks `\n`.
    Text(String, bool),
    /// A footnote (`true`) or endnote reference, by its id in its part.
    Note(bool, String),
    /// Superscript text: `3,4` after a word is a reference to footnotes
    /// already given (the UN types them, or inserts NOTEREF fields).
    Sup(String),
}

#[derive(Debug, Clone, Default)]
pub struct Para {
    pub style: Option<String>,
    /// `numId` and `ilvl` set on the paragraph itself.
    pub num_id: Option<String>,
    pub ilvl: Option<u8>,
    pub pieces: Vec<Piece>,
    /// The footnote or endnote this paragraph belongs to (in those parts).
    pub note: Option<String>,
    /// The paragraph mark is a tracked deletion: it runs on into the next.
    pub joins_next: bool,
    /// The table row it sits in (a count over the part), if any.
    pub row: Option<usize>,
}

impl Para {
    pub fn plain(&self) -> String {
        let mut s = String::new();
        for p in &self.pieces {
            if let Piece::Text(t, _) | Piece::Sup(t) = p {
                s.push_str(t);
            }
        }
        s
    }
}

/// What a part holds, and whether it had tracked changes.
pub struct Part {
    pub paras: Vec<Para>,
    pub tracked_changes: bool,
}

/// Elements whose whole content is not text of the paragraph they sit in.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "del"
            | "moveFrom"
            | "rPrChange"
            | "pPrChange"
            | "sectPrChange"
            | "tblPrChange"
            | "trPrChange"
            | "tcPrChange"
            | "numberingChange"
            | "drawing"
            | "pict"
            | "object"
            | "AlternateContent"
            | "instrText"
            | "delText"
            | "delInstrText"
            | "sectPr"
            | "sdtPr"
            | "commentRangeStart"
            | "fldData"
    )
}

pub fn read(part: &str, text: &str, styles: &Styles) -> Result<Part, DecodeError> {
    let mut r = xml::reader(text);
    let mut out = Part { paras: Vec::new(), tracked_changes: false };
    let mut para: Option<Para> = None;
    let mut note: Option<String> = None;
    let mut skip = 0usize;
    // Table rows seen, and the row being read (rows of nested tables count
    // as rows of their own).
    let (mut rows, mut row_stack) = (0usize, Vec::<usize>::new());
    // Inside a paragraph's properties, its mark's run properties, a run's
    // properties, a `w:t`.
    let (mut in_ppr, mut in_mark, mut in_rpr, mut in_t) = (false, false, false, false);
    // The current run's emphasis, whether it is hidden, superscript.
    let (mut emph, mut hidden, mut sup) = (false, false, false);
    loop {
        let ev = r.read_event().map_err(|e| xml::malformed(part, &r, e))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let n = xml::name(e);
                if skip > 0 {
                    skip += usize::from(!empty);
                    continue;
                }
                if matches!(n, "del" | "ins" | "moveFrom" | "moveTo") && !in_mark && !in_rpr {
                    out.tracked_changes = true;
                }
                if in_mark && n == "del" {
                    // A deleted paragraph mark: accepted, the paragraph
                    // runs on into the next.
                    out.tracked_changes = true;
                    if let Some(p) = para.as_mut() {
                        p.joins_next = true;
                    }
                    continue;
                }
                if skipped(n) {
                    skip = usize::from(!empty);
                    continue;
                }
                match n {
                    "tr" if !empty => {
                        rows += 1;
                        row_stack.push(rows);
                    }
                    "footnote" | "endnote" => {
                        let kind = xml::attr(e, "type").unwrap_or_default();
                        if kind.is_empty() || kind == "normal" {
                            note = xml::attr(e, "id");
                        } else {
                            // Separator lines, not notes.
                            skip = usize::from(!empty);
                        }
                    }
                    "p" => {
                        if let Some(p) = para.take() {
                            out.paras.push(p);
                        }
                        let p = Para { note: note.clone(), row: row_stack.last().copied(), ..Para::default() };
                        if empty {
                            out.paras.push(p);
                        } else {
                            para = Some(p);
                        }
                    }
                    "pPr" => in_ppr = !empty,
                    "rPr" if in_ppr => in_mark = !empty,
                    "rPr" => in_rpr = !empty,
                    "r" => {
                        emph = false;
                        hidden = false;
                        sup = false;
                    }
                    _ if in_mark => {}
                    _ if in_ppr => {
                        let Some(p) = para.as_mut() else { continue };
                        match n {
                            "pStyle" => p.style = xml::attr(e, "val"),
                            "numId" => p.num_id = xml::attr(e, "val"),
                            "ilvl" => p.ilvl = xml::attr(e, "val").and_then(|v| v.parse().ok()),
                            _ => {}
                        }
                    }
                    _ if in_rpr => match n {
                        "i" | "u" => emph |= xml::on(e),
                        "rStyle" => emph |= xml::attr(e, "val").is_some_and(|s| styles.emphasis(&s)),
                        "vanish" | "webHidden" => hidden = xml::on(e),
                        "vertAlign" => sup = xml::attr(e, "val").as_deref() == Some("superscript"),
                        _ => {}
                    },
                    "t" => in_t = !empty,
                    "tab" | "ptab" => push(&mut para, "\t", false, hidden),
                    // A page or column break is not a break in the text.
                    "br" | "cr" if xml::attr(e, "type").is_none_or(|t| t == "textWrapping") => {
                        push(&mut para, "\n", false, hidden)
                    }
                    "noBreakHyphen" => push(&mut para, "-", emph, hidden),
                    "sym" => {
                        let c =
                            xml::attr(e, "char").and_then(|h| u32::from_str_radix(&h, 16).ok()).and_then(symbol_char);
                        if let Some(c) = c {
                            push(&mut para, c.encode_utf8(&mut [0; 4]), emph, hidden);
                        }
                    }
                    "footnoteReference" | "endnoteReference" => {
                        if let (Some(p), Some(id), false) = (para.as_mut(), xml::attr(e, "id"), hidden) {
                            p.pieces.push(Piece::Note(n == "footnoteReference", id));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.local_name().as_ref() {
                    "p" => {
                        if let Some(p) = para.take() {
                            out.paras.push(p);
                        }
                    }
                    "tr" => {
                        row_stack.pop();
                    }
                    "pPr" => in_ppr = false,
                    "rPr" if in_mark => in_mark = false,
                    "rPr" => in_rpr = false,
                    "t" => in_t = false,
                    "footnote" | "endnote" => note = None,
                    _ => {}
                }
            }
            Event::Text(ref t) if in_t && skip == 0 && sup => push_sup(&mut para, &t.xml10_content(), hidden),
            Event::Text(ref t) if in_t && skip == 0 => push(&mut para, &t.xml10_content(), emph, hidden),
            Event::CData(ref t) if in_t && skip == 0 => push(&mut para, t.as_ref(), emph, hidden),
            Event::GeneralRef(ref g) if in_t && skip == 0 => {
                if let Some(c) = xml::entity(g) {
                    push(&mut para, c.encode_utf8(&mut [0; 4]), emph, hidden);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(p) = para.take() {
        out.paras.push(p);
    }
    Ok(out)
}

fn push(para: &mut Option<Para>, s: &str, emph: bool, hidden: bool) {
    let Some(p) = para.as_mut() else { return };
    if hidden || s.is_empty() {
        return;
    }
    if let Some(Piece::Text(t, e)) = p.pieces.last_mut()
        && *e == emph
    {
        t.push_str(s);
    } else {
        p.pieces.push(Piece::Text(s.to_string(), emph));
    }
}

fn push_sup(para: &mut Option<Para>, s: &str, hidden: bool) {
    let Some(p) = para.as_mut() else { return };
    if hidden || s.is_empty() {
        return;
    }
    if let Some(Piece::Sup(t)) = p.pieces.last_mut() {
        t.push_str(s);
    } else {
        p.pieces.push(Piece::Sup(s.to_string()));
    }
}

/// `w:sym` characters: symbol fonts put their glyphs at U+F0xx; the few a
/// resolution uses (bullets, dashes) map to their Unicode characters.
fn symbol_char(code: u32) -> Option<char> {
    let code = if (0xF020..=0xF0FF).contains(&code) { code - 0xF000 } else { code };
    match code {
        0xB7 | 0xA7 | 0x6C | 0xFC => Some('•'),
        0x2D => Some('-'),
        c if c >= 0x20 => char::from_u32(c),
        _ => None,
    }
}
