//! Which entry of the notes file belongs to which open document.
//!
//! A document is known by its title and its sorted resolution codes (both
//! read from its own text, so renaming, moving or re-downloading the file
//! changes neither), and told apart from another with the same title and
//! codes (a draft and its revision, two copies of one generated corpus) by
//! the fingerprint of its whole text, and, when that differs too, by how
//! many of the entry's annotations still match its clauses word for word.
//! Each entry belongs to at most one open document and each document owns
//! at most one entry; an entry none of the open documents can claim is not
//! touched, and none of its notes becomes an orphan.
//!
//! Entries written by format 1 carry no identity: their name is the title
//! and their codes are read from the annotated ids. The old rule (title
//! only) mixed documents whose title was read wrongly; such an entry whose
//! title and codes name no open document is "loose": each of its
//! annotations attaches where its clause text matches exactly (see
//! `anchor::adopt`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use super::model::{DocNotes, Fnv, NotesFile, fingerprint_u64, parse_fp};
use crate::document::{Clause, Document};

/// An open document, with what identifying it needs, computed lazily: a
/// large corpus with no notes never fingerprints its clauses.
pub struct Known<'d> {
    pub doc: &'d Document,
    pub codes: Vec<String>,
    /// The fingerprints, kept by the session across changes (hashing the
    /// text is the costly part; the maps are cheap to rebuild).
    fps: &'d OnceLock<Fingerprints>,
    index: OnceLock<Index<'d>>,
}

/// Fingerprints of every clause (in `Document::all_clauses` order), of
/// each resolution and of the whole text.
#[derive(Debug, Default)]
pub struct Fingerprints {
    clauses: Vec<u64>,
    resolutions: Vec<u64>,
    whole: u64,
}

impl Fingerprints {
    pub fn of(doc: &Document) -> Fingerprints {
        let mut out = Fingerprints::default();
        let mut whole = Fnv::new();
        for r in &doc.resolutions {
            let mut all = Fnv::new();
            for c in r.all_clauses() {
                let fp = fingerprint_u64(&c.text);
                out.clauses.push(fp);
                all.number(fp);
            }
            out.resolutions.push(all.0);
            whole.number(all.0);
        }
        out.whole = whole.0;
        out
    }
}

/// One slot per open document for its fingerprints.
pub fn fingerprint_cache(docs: &[Document]) -> Vec<OnceLock<Fingerprints>> {
    docs.iter().map(|_| OnceLock::new()).collect()
}

/// The open documents as `Known`, sharing the cache's fingerprints.
pub fn known<'d>(docs: &'d [Document], cache: &'d [OnceLock<Fingerprints>]) -> Vec<Known<'d>> {
    docs.iter().zip(cache).map(|(doc, fps)| Known::new(doc, fps)).collect()
}

/// Fingerprints of a document's clauses, resolutions and whole text.
pub struct Index<'d> {
    pub clauses: HashMap<&'d str, &'d Clause>,
    /// Clause id → fingerprint of its text.
    pub fp: HashMap<&'d str, u64>,
    /// Fingerprint → clause ids with that text, in document order.
    pub by_fp: HashMap<u64, Vec<&'d str>>,
    /// Resolution code → fingerprint of all its clauses.
    pub resolutions: BTreeMap<&'d str, u64>,
    pub whole: u64,
}

impl<'d> Known<'d> {
    pub fn new(doc: &'d Document, fps: &'d OnceLock<Fingerprints>) -> Known<'d> {
        let codes: BTreeSet<String> = doc.resolutions.iter().map(|r| r.code.clone()).collect();
        Known { doc, codes: codes.into_iter().collect(), fps, index: OnceLock::new() }
    }

    pub fn index(&self) -> &Index<'d> {
        self.index.get_or_init(|| Index::new(self.doc, self.fps.get_or_init(|| Fingerprints::of(self.doc))))
    }
}

impl<'d> Index<'d> {
    fn new(doc: &'d Document, fps: &Fingerprints) -> Index<'d> {
        let mut index = Index {
            clauses: HashMap::new(),
            fp: HashMap::new(),
            by_fp: HashMap::new(),
            resolutions: BTreeMap::new(),
            whole: fps.whole,
        };
        for (c, &fp) in doc.all_clauses().zip(&fps.clauses) {
            index.clauses.insert(c.id.as_str(), c);
            index.by_fp.entry(fp).or_default().push(c.id.as_str());
            index.fp.insert(c.id.as_str(), fp);
        }
        for (r, &fp) in doc.resolutions.iter().zip(&fps.resolutions) {
            index.resolutions.insert(r.code.as_str(), fp);
        }
        index
    }
}

/// The title an entry was written for (format 1: its name).
pub fn entry_title<'a>(key: &'a str, notes: &'a DocNotes) -> &'a str {
    if notes.title.is_empty() { key } else { &notes.title }
}

/// The resolution codes an entry was written for (format 1: those of the
/// annotated ids).
pub fn entry_codes(notes: &DocNotes) -> BTreeSet<String> {
    if !notes.codes.is_empty() {
        return notes.codes.iter().cloned().collect();
    }
    let code = |id: &str| id.split_once(':').map_or(id, |(c, _)| c).to_string();
    notes
        .clauses
        .keys()
        .map(|id| code(id))
        .chain(notes.orphans.iter().map(|o| code(&o.id)))
        .chain(notes.resolutions.keys().cloned())
        .collect()
}

/// How strongly an entry's identity names a document: 3 same title, codes
/// and text; 2 same title and codes; 1 a format-1 entry with the same title
/// whose annotated codes are all the document's; 0 not at all.
pub fn rank(key: &str, notes: &DocNotes, known: &Known<'_>) -> u8 {
    if entry_title(key, notes) != known.doc.title {
        return 0;
    }
    if notes.is_legacy() {
        let codes = entry_codes(notes);
        let all_there = !codes.is_empty() && codes.iter().all(|c| known.codes.binary_search(c).is_ok());
        return u8::from(all_there);
    }
    if notes.codes != known.codes {
        return 0;
    }
    if parse_fp(&notes.fingerprint) == Some(known.index().whole) { 3 } else { 2 }
}

/// How much of an entry still matches a document's text: an annotation on
/// a clause with the same id and text counts 2, the same text under another
/// id 1; a note on a resolution the document has counts 1.
pub fn score(notes: &DocNotes, known: &Known<'_>) -> usize {
    let index = known.index();
    let one = |id: &str, fp: &str| {
        let Some(fp) = parse_fp(fp) else { return 0 };
        if index.fp.get(id) == Some(&fp) { 2 } else { usize::from(index.by_fp.contains_key(&fp)) }
    };
    let clauses: usize = notes.clauses.iter().map(|(id, a)| one(id, &a.fingerprint)).sum();
    let orphans: usize = notes.orphans.iter().map(|o| one(&o.id, &o.annotation.fingerprint)).sum();
    let resolutions = notes.resolutions.keys().filter(|c| index.resolutions.contains_key(c.as_str())).count();
    clauses + orphans + resolutions + usize::from(notes.document.is_some())
}

/// The outcome: per open document the entry it owns, and the loose
/// (format-1, unclaimed) entries whose annotations may attach by text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Claims {
    pub own: Vec<Option<String>>,
    pub loose: Vec<String>,
}

pub fn assign(file: &NotesFile, known: &[Known<'_>]) -> Claims {
    let mut pairs: Vec<(u8, usize, usize, &String)> = Vec::new();
    let mut named: BTreeSet<&String> = BTreeSet::new();
    for (key, notes) in &file.documents {
        for (d, k) in known.iter().enumerate() {
            let r = rank(key, notes, k);
            if r == 0 {
                continue;
            }
            named.insert(key);
            let s = score(notes, k);
            // Same title and codes but nothing of its text left (or never
            // any): not claimed, so nothing of it becomes an orphan.
            if r == 3 || s > 0 {
                pairs.push((r, s, d, key));
            }
        }
    }
    // Best identity first, then the better text match, then the document
    // opened first (deterministic).
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(b.3)));
    let mut claims = Claims { own: vec![None; known.len()], loose: Vec::new() };
    let mut taken: BTreeSet<&String> = BTreeSet::new();
    for (_, _, d, key) in pairs {
        if claims.own[d].is_none() && !taken.contains(key) {
            claims.own[d] = Some(key.clone());
            taken.insert(key);
        }
    }
    claims.loose = file
        .documents
        .iter()
        .filter(|(key, notes)| notes.is_legacy() && !named.contains(key))
        .map(|(key, _)| key.clone())
        .collect();
    claims
}

/// A name for a new entry: the title, with ` (2)`, ` (3)`… when taken.
pub fn new_key(file: &NotesFile, title: &str) -> String {
    let title = if title.trim().is_empty() { "(untitled)" } else { title };
    if !file.documents.contains_key(title) {
        return title.to_string();
    }
    (2..).map(|n| format!("{title} ({n})")).find(|k| !file.documents.contains_key(k)).unwrap_or_default()
}
