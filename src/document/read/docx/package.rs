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
        let damaged = |e: &dyn std::fmt::Display| {
            DecodeError::Unreadable(format!("this Word file is damaged: {name} cannot be read ({e})"))
        };
        let file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(damaged(&e)),
        };
        let budget = MAX_PART.min(MAX_TOTAL.saturating_sub(self.inflated));
        let mut buf = Vec::with_capacity(file.size().min(budget) as usize);
        file.take(budget + 1).read_to_end(&mut buf).map_err(|e| damaged(&e))?;
        if buf.len() as u64 > budget {
            return Err(DecodeError::Unreadable(format!(
                "this Word file is too large to read: {name} inflates to more than {} MB",
                budget / (1024 * 1024)
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
