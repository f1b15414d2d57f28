//! Word 2007+ files (`.docx`, and the UN's `.DOC` files that are zips).
//! The reader turns the body into the plain-text layout the text parser
//! reads (see `layout`), so the one structure builder makes the model; it
//! then sets what only Word states: the symbol from the page headers, the
//! header metadata, and a notice when tracked changes were accepted.
//! Headers, footers and comments never reach the clause text.

mod layout;
mod meta;
mod numbering;
mod package;
mod paragraphs;
mod styles;
mod xml;

use std::sync::Arc;

use crate::document::decode::{DecodeError, sanitize};
use crate::document::model::Document;
use crate::document::parse::{ids, parse_shared};

use layout::NoteNumbers;
use numbering::Numbering;
use package::Package;
use paragraphs::Para;
use styles::Styles;

pub fn read(bytes: &[u8], source: &str) -> Result<Document, DecodeError> {
    let mut pkg = Package::open(bytes)?;
    let body = pkg.part("word/document.xml")?.ok_or_else(|| {
        DecodeError::Unreadable("this zip is not a Word document: it has no word/document.xml".to_string())
    })?;
    let styles = match pkg.part("word/styles.xml")? {
        Some(t) => Styles::parse(&t)?,
        None => Styles::default(),
    };
    let mut numbering = match pkg.part("word/numbering.xml")? {
        Some(t) => Numbering::parse(&t)?,
        None => Numbering::default(),
    };
    numbering.link_styles(&styles);
    let body = paragraphs::read("word/document.xml", &body, &styles)?;
    let mut tracked = body.tracked_changes;
    let paras = rows_as_lines(joined(body.paras));

    let mut notes = NoteNumbers::default();
    let mut text = String::new();
    for p in &paras {
        let line = layout::paragraph(p, &styles, &mut numbering, &mut notes);
        if !line.is_empty() {
            text.push_str(&line);
            text.push_str("\n\n");
        }
    }
    // Footnotes (and endnotes) as footnote lines, numbered as referenced.
    let mut note_texts = std::collections::HashMap::new();
    for (footnote, part) in [(true, "word/footnotes.xml"), (false, "word/endnotes.xml")] {
        if let Some(t) = pkg.part(part)? {
            let read = paragraphs::read(part, &t, &styles)?;
            tracked |= read.tracked_changes;
            for p in read.paras {
                let Some(id) = p.note.clone() else { continue };
                let entry: &mut String = note_texts.entry((footnote, id)).or_default();
                let line = p.plain().split_whitespace().collect::<Vec<_>>().join(" ");
                if !line.is_empty() {
                    if !entry.is_empty() {
                        entry.push(' ');
                    }
                    entry.push_str(&line);
                }
            }
        }
    }
    for (n, key) in notes.order.iter().enumerate() {
        if let Some(body) = note_texts.get(key).filter(|b| !b.is_empty()) {
            text.push_str(&format!("[^{}]: {body}\n", n + 1));
        }
    }

    if text.trim().is_empty() {
        return Err(DecodeError::Unreadable("this Word document has no text".to_string()));
    }
    // The symbol printed in the page header heads the text, where a
    // printed resolution shows it, so the parser knows the document's
    // symbol (parts `A`, `B` are coded from it).
    let in_header = furniture_symbol(&mut pkg, &styles)?;
    if let Some(s) = &in_header {
        text.insert_str(0, &format!("{s}\n\n"));
    }
    let symbol = in_header.or_else(|| meta::symbol_in(paras.iter().take(12)));
    let text = sanitize(&text).into_owned();
    let mut doc = parse_shared(Arc::new(text), source);
    doc.format = "docx";
    if tracked {
        doc.notices.push("tracked changes shown as accepted (insertions kept, deletions dropped)".to_string());
    }
    // What Word's header paragraphs state fills what the parser left
    // unset; an official text keeps the parser's title (its symbol, as in
    // every format), a draft is named by its resolution's title.
    let found = meta::read(&paras);
    if let Some(res) = doc.resolutions.first_mut() {
        meta::fill(&mut res.meta, found);
        if let Some(title) = res.meta.title.clone().filter(|_| doc.resolutions.len() == 1) {
            doc.title = title;
        }
    }
    if let Some(organ) = doc.resolutions.first().and_then(|r| r.meta.organ.clone()) {
        doc.front.body = Some(organ);
    }
    if let (Some(symbol), [res]) = (symbol, doc.resolutions.as_mut_slice()) {
        let symbol = sanitize(&symbol).into_owned();
        if !meta::same_code(&res.code, &symbol) {
            res.code = symbol;
            ids::assign(res);
        }
    }
    if let Some(title) = crate::document::parse::official_title(&doc) {
        doc.title = title;
    }
    Ok(doc)
}

/// A password-protected Word file is not a zip but an OLE container (like
/// a Word 97 file) holding an `EncryptedPackage` stream.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
    memchr::memmem::find(bytes, &name).is_some()
}

pub fn encrypted_error() -> DecodeError {
    DecodeError::Unreadable(
        "this Word file is password-protected; open it in Word, remove the password (File > Info > Protect Document) and save it again".to_string(),
    )
}

/// Paragraphs whose mark was deleted (a tracked change, accepted) run on
/// into the next one.
fn joined(paras: Vec<Para>) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    let mut carry: Option<Para> = None;
    for mut p in paras {
        if let Some(mut c) = carry.take() {
            c.pieces.append(&mut p.pieces);
            c.joins_next = p.joins_next;
            p = c;
        }
        if p.joins_next {
            carry = Some(p);
        } else {
            out.push(p);
        }
    }
    out.extend(carry);
    out
}

/// The most text a table row may hold to be read as one line.
const ROW_AS_LINE: usize = 160;

/// A short table row is one line: working papers set their header as a
/// table (`Committee:` | `General Assembly`), which reads as the
/// `Committee: General Assembly` line the parser knows. Longer rows (a
/// table of clauses) keep their paragraphs.
fn rows_as_lines(paras: Vec<Para>) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    for p in paras {
        if let (Some(row), Some(last)) = (p.row, out.last_mut())
            && last.row == Some(row)
            && last.num_id.is_none()
            && p.num_id.is_none()
            && last.plain().len() + p.plain().len() < ROW_AS_LINE
        {
            if !p.plain().trim().is_empty() {
                last.pieces.push(paragraphs::Piece::Text(" ".to_string(), false));
                last.pieces.extend(p.pieces);
            }
            continue;
        }
        out.push(p);
    }
    out
}

/// The document symbol printed in a page header or footer (`A/RES/72/13`).
fn furniture_symbol(pkg: &mut Package<'_>, styles: &Styles) -> Result<Option<String>, DecodeError> {
    let mut names: Vec<String> = pkg
        .names()
        .into_iter()
        .filter(|n| (n.starts_with("word/header") || n.starts_with("word/footer")) && n.ends_with(".xml"))
        .collect();
    names.sort();
    let mut found = Vec::new();
    for name in names {
        let Some(t) = pkg.part(&name)? else { continue };
        // A damaged header is not worth refusing the document for.
        if let Ok(part) = paragraphs::read(&name, &t, styles) {
            found.extend(part.paras);
        }
    }
    Ok(meta::symbol_in(found.iter()))
}
