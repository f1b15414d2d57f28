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

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
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
    wanted: &'d Wanted,
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

/// The open documents as `Known`, sharing the cache's fingerprints;
/// `wanted` holds every clause id the notes file names.
pub fn known<'d>(docs: &'d [Document], cache: &'d [OnceLock<Fingerprints>], wanted: &'d Wanted) -> Vec<Known<'d>> {
    docs.iter().zip(cache).map(|(doc, fps)| Known::new(doc, fps, wanted)).collect()
}

/// The clause ids a notes file names (annotations and orphans): only these
/// are ever looked up by id, so only these are put in the index's map.
pub type Wanted = HashSet<String, Fast>;

pub fn wanted(file: &NotesFile) -> Wanted {
    let mut out = Wanted::default();
    for notes in file.documents.values() {
        out.extend(notes.clauses.keys().cloned());
        out.extend(notes.orphans.iter().map(|o| o.id.clone()));
    }
    out
}

/// A document's clauses by id (those the notes file names) and by
/// fingerprint. Built when a document has notes to place; the fingerprint
/// map only when an annotation is not where it was.
pub struct Index<'d> {
    clauses: Vec<&'d Clause>,
    fps: &'d [u64],
    by_id: HashMap<&'d str, usize, Fast>,
    by_fp: OnceLock<HashMap<u64, Vec<usize>, Fast>>,
    /// Resolution code → fingerprint of all its clauses.
    pub resolutions: BTreeMap<&'d str, u64>,
    pub whole: u64,
}

impl<'d> Known<'d> {
    pub fn new(doc: &'d Document, fps: &'d OnceLock<Fingerprints>, wanted: &'d Wanted) -> Known<'d> {
        let codes: BTreeSet<String> = doc.resolutions.iter().map(|r| r.code.clone()).collect();
        Known { doc, codes: codes.into_iter().collect(), fps, wanted, index: OnceLock::new() }
    }

    pub fn index(&self) -> &Index<'d> {
        self.index
            .get_or_init(|| Index::new(self.doc, self.fps.get_or_init(|| Fingerprints::of(self.doc)), self.wanted))
    }
}

impl<'d> Index<'d> {
    fn new(doc: &'d Document, fps: &'d Fingerprints, wanted: &Wanted) -> Index<'d> {
        let clauses: Vec<&Clause> = doc.all_clauses().collect();
        let mut by_id = HashMap::with_capacity_and_hasher(wanted.len().min(clauses.len()), Fast::default());
        for (i, c) in clauses.iter().enumerate() {
            if wanted.contains(c.id.as_str()) {
                by_id.insert(c.id.as_str(), i);
            }
        }
        let resolutions =
            doc.resolutions.iter().map(|r| r.code.as_str()).zip(fps.resolutions.iter().copied()).collect();
        Index { clauses, fps: &fps.clauses, by_id, by_fp: OnceLock::new(), resolutions, whole: fps.whole }
    }

    pub fn clause(&self, id: &str) -> Option<&'d Clause> {
        self.by_id.get(id).and_then(|&i| self.clauses.get(i).copied())
    }

    /// The fingerprint of the clause with this id.
    pub fn fp(&self, id: &str) -> Option<u64> {
        self.by_id.get(id).and_then(|&i| self.fps.get(i).copied())
    }

    /// The clauses with this fingerprint, in document order.
    pub fn with_fp(&self, fp: u64) -> impl Iterator<Item = &'d Clause> + '_ {
        let by_fp = self.by_fp.get_or_init(|| {
            let mut map: HashMap<u64, Vec<usize>, Fast> = HashMap::default();
            for (i, &fp) in self.fps.iter().enumerate() {
                map.entry(fp).or_default().push(i);
            }
            map
        });
        by_fp.get(&fp).into_iter().flatten().filter_map(|&i| self.clauses.get(i).copied())
    }

    pub fn all(&self) -> &[&'d Clause] {
        &self.clauses
    }
}

/// A fast hash for the index's keys (clause ids, fingerprints): the
/// standard SipHash was most of the time spent placing notes on a large
/// corpus. The keys come from the user's own documents, not from a network.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        // FxHash's step (rustc's hasher).
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits (the table's bucket) weak: mix
        // the high bits down (MurmurHash3's finaliser).
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

pub type Fast = std::hash::BuildHasherDefault<FastHasher>;

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
        if index.fp(id) == Some(fp) { 2 } else { usize::from(index.with_fp(fp).next().is_some()) }
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
