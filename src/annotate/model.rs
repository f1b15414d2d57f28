//! The notes file's contents. Maps are `BTreeMap`s and tag sets
//! `BTreeSet`s so the file is written in a stable order: one change makes
//! one entry differ, and a delegation can keep the file in git.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// The format this reso writes. A file with a higher number is never
/// written to (it may hold fields this reso does not know).
///
/// 1: entries keyed by document title only.
/// 2: each entry also records its document's identity (title, resolution
///    codes, text fingerprint), and may hold notes on whole resolutions and
///    on the document. A format-1 file is read as is and becomes format 2
///    at the first change the user makes (never on opening).
pub const FORMAT_VERSION: u32 = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotesFile {
    pub format: u32,
    /// Entry name → the notes of one document. The name is for people
    /// (the title, `(2)` added when two documents share one); which open
    /// document an entry belongs to is decided by its identity fields.
    #[serde(default)]
    pub documents: BTreeMap<String, DocNotes>,
}

/// The notes of one document. The identity fields are empty in an entry
/// written by format 1 (then the entry name is the title and the codes are
/// read from the annotated ids); empty fields are not written, so an
/// untouched entry keeps its exact bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocNotes {
    /// The document's title when last annotated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Its resolution codes, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
    /// Fingerprint of its whole text when last annotated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fingerprint: String,
    /// A note and tags on the document as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Annotation>,
    /// Resolution code → a note and tags on the whole resolution.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub resolutions: BTreeMap<String, Annotation>,
    /// Clause id → its annotation.
    #[serde(default)]
    pub clauses: BTreeMap<String, Annotation>,
    /// Annotations whose clause (or resolution) could not be found with
    /// confidence after a revision. Kept, shown, re-attachable by hand;
    /// never dropped.
    #[serde(default)]
    pub orphans: Vec<Orphan>,
}

impl DocNotes {
    pub fn is_empty(&self) -> bool {
        self.document.is_none() && self.resolutions.is_empty() && self.clauses.is_empty() && self.orphans.is_empty()
    }

    /// Written by format 1: no identity recorded.
    pub fn is_legacy(&self) -> bool {
        self.title.is_empty() && self.codes.is_empty() && self.fingerprint.is_empty()
    }
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
    /// The id the annotation had (a clause id, or a resolution code).
    pub id: String,
    pub annotation: Annotation,
}

impl NotesFile {
    pub fn new() -> NotesFile {
        NotesFile { format: FORMAT_VERSION, documents: BTreeMap::new() }
    }
}

/// What an annotation is on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// The document as a whole.
    Document,
    /// A whole resolution, by code.
    Resolution(String),
    /// A clause, by id.
    Clause(String),
}

impl Target {
    /// How the target is named to people and in orphans: the clause id, the
    /// resolution code, or `document`.
    pub fn name(&self) -> &str {
        match self {
            Target::Document => "document",
            Target::Resolution(code) => code,
            Target::Clause(id) => id,
        }
    }
}

/// A stable fingerprint of clause text: FNV-1a over its lower-cased words,
/// so emphasis marks, wrapping and spacing do not change it.
pub fn fingerprint(text: &str) -> String {
    hex(fingerprint_u64(text))
}

/// The same as a number, without allocating for ASCII words (a large
/// corpus fingerprints every clause when it has notes). The result is the
/// same as hashing `words(text)`: `str::to_lowercase` is used for any
/// non-ASCII word, so its special cases (a final sigma) are kept.
pub fn fingerprint_u64(text: &str) -> u64 {
    let mut hash = Fnv::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if word.is_ascii() {
            word.bytes().for_each(|b| hash.byte(b.to_ascii_lowercase()));
        } else {
            word.to_lowercase().bytes().for_each(|b| hash.byte(b));
        }
        hash.byte(b' ');
    }
    hash.0
}

/// A fingerprint as written in the file.
pub fn hex(fp: u64) -> String {
    format!("{fp:016x}")
}

/// A fingerprint read from the file (None if empty or not one).
pub fn parse_fp(text: &str) -> Option<u64> {
    if text.is_empty() { None } else { u64::from_str_radix(text, 16).ok() }
}

/// FNV-1a, 64 bits.
pub struct Fnv(pub u64);

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    /// A whole number, as its 8 bytes: to combine fingerprints.
    pub fn number(&mut self, n: u64) {
        n.to_le_bytes().into_iter().for_each(|b| self.byte(b));
    }
}

impl Default for Fnv {
    fn default() -> Self {
        Fnv::new()
    }
}

/// Lower-cased alphanumeric words of a text.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_fingerprint_is_the_word_by_word_one() {
        // The definition format 1 wrote: FNV-1a over `words(text)`, each
        // followed by a space.
        let reference = |text: &str| {
            let mut hash = Fnv::new();
            for w in words(text) {
                w.bytes().chain(std::iter::once(b' ')).for_each(|b| hash.byte(b));
            }
            hash.0
        };
        for text in ["*Urges* Member  States;", "Résumé of ΟΔΥΣΣΕΥΣ", "", "1. a) b.1 — ÉTATS", "İstanbul ǅ"]
        {
            assert_eq!(fingerprint_u64(text), reference(text), "{text}");
        }
        assert_eq!(fingerprint("*Urges* Member States"), hex(reference("urges member states")));
    }

    #[test]
    fn fingerprints_ignore_emphasis_and_spacing() {
        assert_eq!(fingerprint("*Urges* Member  States;"), fingerprint("Urges Member States"));
        assert_ne!(fingerprint("Urges Member States"), fingerprint("Urges all Member States"));
    }

    #[test]
    fn a_format_1_entry_reads_as_legacy_and_writes_back_the_same_fields() {
        let text = "(format: 1, documents: {\"T\": (clauses: {\"X:op.1\": (tags: [\"support\"], note: \"n\", \
                    fingerprint: \"f\", text: \"t\")}, orphans: [])})";
        let file: NotesFile = ron::from_str(text).unwrap();
        let entry = &file.documents["T"];
        assert!(entry.is_legacy() && entry.document.is_none() && entry.resolutions.is_empty());
        let again = ron::to_string(entry).unwrap();
        assert!(!again.contains("title") && !again.contains("resolutions") && !again.contains("document"), "{again}");
    }
}
