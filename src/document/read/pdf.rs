//! The PDF reader: pages → positioned glyphs → lines → page furniture,
//! footnotes and paragraphs told apart by position and size → text in the
//! layout the text parser reads (one paragraph a line, footnotes under a
//! rule), so one structure builder makes every format's model.

mod content;
mod extract;
mod fonts;
mod furniture;
mod guard;
mod lines;
mod measure;
mod paragraphs;
mod plan;
mod unread;

use std::sync::Arc;

use crate::document::decode::{DecodeError, sanitize};
use crate::document::model::Document;
use crate::document::parse::parse_shared;
use extract::Failure;

/// Read a PDF's text layer into a document.
pub fn read(bytes: &[u8], source: &str) -> Result<Document, DecodeError> {
    let text = text(bytes)?;
    let mut doc = parse_shared(Arc::new(text), source);
    doc.format = "pdf";
    Ok(doc)
}

/// The clean text of a PDF, in the layout the text parser reads: page
/// furniture dropped, one paragraph a line, footnotes under a rule.
pub fn text(bytes: &[u8]) -> Result<String, DecodeError> {
    let pages = extract::pages(bytes).map_err(|f| match f {
        Failure::Encrypted => DecodeError::Unreadable(
            "this PDF is encrypted (password-protected); remove the protection and open it again".to_string(),
        ),
        Failure::Broken(why) => {
            DecodeError::Unreadable(format!("this PDF is damaged or incomplete and cannot be read ({why})"))
        }
        Failure::Refused(why) => DecodeError::Unreadable(why),
    })?;
    let pages: Vec<(f32, Vec<lines::Line>)> = pages.into_iter().map(|p| (p.height, p.lines)).collect();
    if pages.iter().all(|(_, lines)| lines.iter().all(|l| l.text.trim().is_empty())) {
        return Err(DecodeError::Unreadable(
            "this PDF has no text layer (a scan?): it needs OCR (text recognition) before reso can read it".to_string(),
        ));
    }
    let body = furniture::body_size(&pages);
    let parts = furniture::split(pages, body);
    let text = paragraphs::compose(&parts, body);
    Ok(sanitize(&text).into_owned())
}

/// The assembled lines of every page with their position and size, for
/// looking at a file's layout (`cargo run --example pdf_dump -- --lines F`).
#[doc(hidden)]
pub fn dump_lines(bytes: &[u8]) -> Result<String, DecodeError> {
    use std::fmt::Write;
    let pages = extract::pages(bytes).map_err(|_| DecodeError::Unreadable("unreadable PDF".to_string()))?;
    let mut out = String::new();
    for (i, page) in pages.into_iter().enumerate() {
        let _ = writeln!(out, "=== page {} (height {})", i + 1, page.height);
        for l in page.lines {
            let _ = writeln!(
                out,
                "{:6.1} {:6.1}-{:6.1} {:4.1} {:?} {:?} |{}",
                l.y, l.x0, l.x1, l.size, l.chunk_x, l.marks, l.text
            );
        }
    }
    Ok(sanitize(&out).into_owned())
}
