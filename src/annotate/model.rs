//! The notes file's contents. Maps are `BTreeMap`s and tag sets
//! `BTreeSet`s so the file is written in a stable order: one change makes
//! one entry differ, and a delegation can keep the file in git.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::document::Document;

/// The format this reso writes. A file with a higher number is never
/// written to (it may hold fields this reso does not know).
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotesFile {
    pub format: u32,
    #[serde(default)]
    pub documents: BTreeMap<String, DocNotes>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocNotes {
    /// Clause id → its annotation.
    #[serde(default)]
    pub clauses: BTreeMap<String, Annotation>,
    /// Annotations whose clause could not be found with confidence after a
    /// revision. Kept, shown, re-attachable by hand; never dropped.
    #[serde(default)]
    pub orphans: Vec<Orphan>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    #[serde(default)]
    pub tags: BTreeSet<String>,
    #[serde(default)]
    pub note: String,
    /// Fingerprint of the clause text when last annotated.
    #[serde(default)]
    pub fingerprint: String,
    /// The clause text when last annotated, to re-anchor and to show orphans.
    #[serde(default)]
    pub text: String,
}

impl Annotation {
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.note.trim().is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Orphan {
    /// The id the annotation had.
    pub id: String,
    pub annotation: Annotation,
}

impl NotesFile {
    pub fn new() -> NotesFile {
        NotesFile { format: FORMAT_VERSION, documents: BTreeMap::new() }
    }
}

/// A document's identity in the notes file: its title (which comes from
/// its own text: the body and conference, or the resolution code), so
/// notes survive moving or renaming the file.
pub fn doc_key(doc: &Document) -> String {
    doc.title.clone()
}

/// A stable fingerprint of clause text: FNV-1a over its lower-cased words,
/// so emphasis marks, wrapping and spacing do not change it.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in words(text) {
        for b in word.bytes().chain(std::iter::once(b' ')) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Lower-cased alphanumeric words of a text.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_emphasis_and_spacing() {
        assert_eq!(fingerprint("*Urges* Member  States;"), fingerprint("Urges Member States"));
        assert_ne!(fingerprint("Urges Member States"), fingerprint("Urges all Member States"));
    }
}
