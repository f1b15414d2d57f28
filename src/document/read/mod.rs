//! Bytes of any format → a document. Format detection by content lives here
//! and nowhere else; each format is a reader in its own file. Text and
//! Markdown go through the text parser; Word and PDF readers turn their
//! paragraphs into the same parser's input; Akoma Ntoso, already
//! structured, builds the model directly.

pub mod akn;
pub mod docx;
pub mod pdf;

use super::decode::{DecodeError, decode_owned};
use super::model::Document;
use super::parse::parse_shared;
use std::sync::Arc;

/// What a file holds, judged by its bytes, never by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown.
    Text,
    /// A Word 2007+ file (a zip with `word/document.xml`), whatever its name.
    Docx,
    /// Akoma Ntoso XML (an `akomaNtoso` root element).
    Akn,
    Pdf,
    /// An old binary Word 97–2003 file.
    Doc97,
}

/// The format of a file's bytes.
pub fn detect(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"%PDF") {
        return Format::Pdf;
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Format::Doc97;
    }
    if bytes.starts_with(b"PK\x03\x04") && memchr::memmem::find(bytes, b"word/document.xml").is_some() {
        return Format::Docx;
    }
    if is_akn(bytes) {
        return Format::Akn;
    }
    Format::Text
}

/// An XML file whose root element is `akomaNtoso` (with or without a prefix).
fn is_akn(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let trimmed = head.iter().position(|b| !b.is_ascii_whitespace()).map_or(&head[..0], |i| &head[i..]);
    trimmed.starts_with(b"<") && memchr::memmem::find(head, b"akomaNtoso").is_some()
}

/// Read a file's bytes, which the document then holds where it can.
pub fn read(bytes: Vec<u8>, source: &str) -> Result<Document, DecodeError> {
    match detect(&bytes) {
        Format::Text => {
            let (text, note) = decode_owned(bytes)?;
            let mut doc = parse_shared(Arc::new(text), source);
            doc.encoding_note = note;
            doc.format = if looks_like_markdown(source) { "markdown" } else { "text" };
            Ok(doc)
        }
        Format::Docx => docx::read(&bytes, source),
        Format::Akn => akn::read(&bytes, source),
        Format::Pdf => pdf::read(&bytes, source),
        Format::Doc97 if docx::is_encrypted(&bytes) => Err(docx::encrypted_error()),
        Format::Doc97 => Err(DecodeError::Doc97),
    }
}

/// Markdown is read by the text parser; the name only labels the format.
fn looks_like_markdown(source: &str) -> bool {
    std::path::Path::new(source)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(detect(b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(detect(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), Format::Doc97);
        assert_eq!(detect(b"PK\x03\x04....word/document.xml...."), Format::Docx);
        assert_eq!(detect(b"PK\x03\x04....xl/workbook.xml"), Format::Text);
        assert_eq!(detect(b"<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"x\">"), Format::Akn);
        assert_eq!(detect(b"\xEF\xBB\xBF<an:akomaNtoso>"), Format::Akn);
        assert_eq!(detect(b"The General Assembly,\n akomaNtoso"), Format::Text);
    }
}
