//! The zip a Word file is, opened with caps: a `.docx` is untrusted, and a
//! few kilobytes of deflate can claim gigabytes (a zip bomb), so every part
//! is inflated through a limit and the whole file has a budget.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::document::decode::DecodeError;

/// No part of a real resolution comes near this (a 300-page report's
/// `document.xml` is ~10 MB); anything larger is refused, not inflated.
const MAX_PART: u64 = 64 * 1024 * 1024;
/// What all parts read from one file may inflate to together.
const MAX_TOTAL: u64 = 256 * 1024 * 1024;

pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    inflated: u64,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, DecodeError> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| DecodeError::Unreadable(format!("this Word file is damaged: its zip cannot be read ({e})")))?;
        Ok(Package { zip, inflated: 0 })
    }

    /// A part's text, `None` if the file has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, DecodeError> {
        self.part_within(name, MAX_PART)
    }

    fn part_within(&mut self, name: &str, max_part: u64) -> Result<Option<String>, DecodeError> {
        let damaged = |e: &dyn std::fmt::Display| {
            DecodeError::Unreadable(format!("this Word file is damaged: {name} cannot be read ({e})"))
        };
        let file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(damaged(&e)),
        };
        let budget = max_part.min(MAX_TOTAL.saturating_sub(self.inflated));
        let mut buf = Vec::with_capacity(file.size().min(budget) as usize);
        file.take(budget + 1).read_to_end(&mut buf).map_err(|e| damaged(&e))?;
        if buf.len() as u64 > budget {
            return Err(DecodeError::Unreadable(format!(
                "this Word file is too large to read: {name} inflates to more than {} MB",
                budget.div_ceil(1024 * 1024)
            )));
        }
        self.inflated += buf.len() as u64;
        let text = String::from_utf8(buf).map_err(|_| damaged(&"it is not UTF-8"))?;
        Ok(Some(text))
    }

    /// The names of the parts, for the headers and footers.
    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_part_that_inflates_past_the_cap_is_refused_not_read() {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        w.start_file("word/document.xml", opts).unwrap();
        w.write_all(&vec![b' '; 1 << 20]).unwrap();
        let bytes = w.finish().unwrap().into_inner();
        assert!(bytes.len() < 1 << 14, "a megabyte of spaces deflates to a few kilobytes");
        let mut pkg = Package::open(&bytes).unwrap();
        let err = pkg.part_within("word/document.xml", 1 << 16).unwrap_err().to_string();
        assert!(err.contains("too large"), "{err}");
        assert_eq!(pkg.part_within("word/document.xml", 1 << 21).unwrap().map(|t| t.len()), Some(1 << 20));
        assert_eq!(pkg.part("word/missing.xml").unwrap(), None);
    }
}
