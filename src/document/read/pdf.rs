//! The PDF reader: pages → positioned glyphs → lines → page furniture,
//! footnotes and paragraphs told apart by position and size → text in the
//! layout the text parser reads (one paragraph a line, footnotes under a
//! rule), so one structure builder makes every format's model.

mod extract;
mod lines;

use crate::document::decode::DecodeError;
use crate::document::model::Document;

pub fn read(_bytes: &[u8], _source: &str) -> Result<Document, DecodeError> {
    Err(DecodeError::Unreadable("this PDF cannot be read yet".to_string()))
}

#[doc(hidden)]
pub fn dump_lines(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (i, page) in extract::pages(bytes).unwrap_or_default().into_iter().enumerate() {
        out.push_str(&format!("=== page {} h={}\n", i + 1, page.height));
        for l in lines::assemble(page.glyphs) {
            out.push_str(&format!("{:6.1} {:6.1}-{:6.1} {:4.1} {:?} {:?} |{}\n", l.y, l.x0, l.x1, l.size, l.chunk_x, l.marks, l.text));
        }
    }
    out
}
