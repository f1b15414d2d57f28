//! Keeping annotations on their clauses when a document is revised: an
//! amendment inserts a clause and later ones renumber, or a clause is
//! reworded. Each annotation keeps its clause's fingerprint and text; here
//! they are matched against the document as it is now. What cannot be
//! placed with confidence becomes an orphan: never dropped, never put on a
//! wrong clause. All of this happens in memory; the outcome is written
//! only with the next change the user makes (`session::settle`).

use std::collections::{BTreeMap, HashSet};

use super::identity::{Known, entry_codes};
use super::model::{Annotation, DocNotes, NotesFile, Orphan, Target, parse_fp, words};
use crate::document::Clause;

/// A reworded clause keeps its annotation if this much of its wording is
/// still there.
const SAME_ID_SIMILARITY: f64 = 0.5;
/// An annotation moves to another clause only if the wording matches this
/// well, and clearly better than any other candidate.
const MOVE_SIMILARITY: f64 = 0.75;
const MOVE_MARGIN: f64 = 0.1;

/// Where an annotation is in an entry of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    Clause(String),
    Resolution(String),
    /// An orphan, by its old id.
    Orphan(String),
}

/// An annotation that is shown somewhere else than the file has it: it
/// followed its clause, an orphan found its clause again, or it came from
/// a loose format-1 entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// The entry it is in now.
    pub entry: String,
    pub from: From,
    pub to: Target,
    /// The clause's fingerprint and text now.
    pub fingerprint: String,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Anchored {
    /// Clause id → its annotation, where it belongs now.
    pub by_id: BTreeMap<String, Annotation>,
    pub resolutions: BTreeMap<String, Annotation>,
    pub document: Option<Annotation>,
    /// All orphans of the document's own entry: those in the file that did
    /// not find their clause again, and the new ones.
    pub orphans: Vec<Orphan>,
    pub moves: Vec<Move>,
    /// Annotations of the own entry that become orphans now.
    pub new_orphans: Vec<From>,
}

impl Anchored {
    /// Would the next change also write re-anchoring?
    pub fn changed(&self) -> bool {
        !self.moves.is_empty() || !self.new_orphans.is_empty()
    }

    fn taken(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }
}

/// Anchor a document's own entry (`key`) to the document as it is now.
pub fn anchor(key: &str, notes: &DocNotes, known: &Known<'_>) -> Anchored {
    let mut out = Anchored { document: notes.document.clone(), ..Anchored::default() };
    anchor_resolutions(key, notes, known, &mut out);
    if notes.clauses.is_empty() && notes.orphans.is_empty() {
        return out;
    }
    let index = known.index();
    // Ids the file holds: another annotation never moves onto them.
    let held = |id: &str| notes.clauses.contains_key(id);
    let mut pending: Vec<(&String, &Annotation)> = Vec::new();

    // 1. Still where it was, with the same text.
    for (id, a) in &notes.clauses {
        match index.fp(id) {
            Some(fp) if a.fingerprint.is_empty() || parse_fp(&a.fingerprint) == Some(fp) => {
                out.by_id.insert(id.clone(), a.clone());
            }
            _ => pending.push((id, a)),
        }
    }

    // 2. The same text under another id (renumbered): only if exactly one
    //    free clause has it.
    let unique_free = |out: &Anchored, fp: &str| -> Option<&Clause> {
        let free: Vec<&Clause> =
            index.with_fp(parse_fp(fp)?).filter(|c| !out.taken(&c.id) && !held(&c.id)).take(2).collect();
        match free.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    let mut rest = Vec::new();
    for (id, a) in pending {
        match unique_free(&out, &a.fingerprint) {
            Some(c) => place(&mut out, key, From::Clause(id.clone()), a, c),
            None => rest.push((id, a)),
        }
    }

    // 3. Reworded in place; 4. reworded and moved.
    for (id, a) in rest {
        let old_words: HashSet<String> = words(&a.text).collect();
        if let Some(c) = index.clause(id)
            && !out.taken(id)
            && similarity(&old_words, &c.text) >= SAME_ID_SIMILARITY
        {
            place(&mut out, key, From::Clause(id.clone()), a, c);
            continue;
        }
        let resolution = id.split(':').next().unwrap_or("");
        let mut scored: Vec<(f64, &Clause)> = index
            .all()
            .iter()
            .filter(|c| !out.taken(c.id.as_str()) && !held(c.id.as_str()))
            .filter(|c| c.id.split(':').next() == Some(resolution))
            .map(|c| (similarity(&old_words, &c.text), *c))
            .collect();
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.id.cmp(&y.1.id)));
        let best = scored.first().copied();
        let second = scored.get(1).map(|s| s.0).unwrap_or(0.0);
        match best {
            Some((s, c)) if s >= MOVE_SIMILARITY && s - second >= MOVE_MARGIN => {
                place(&mut out, key, From::Clause(id.clone()), a, c)
            }
            _ => {
                out.new_orphans.push(From::Clause(id.clone()));
                out.orphans.push(Orphan { id: id.clone(), annotation: a.clone() });
            }
        }
    }

    // 5. An orphan whose clause is there again with exactly its text (the
    //    old title rule orphaned notes when another document with the same
    //    title was opened): attached again.
    let mut kept = Vec::new();
    for o in &notes.orphans {
        let exact = index
            .fp(&o.id)
            .filter(|fp| parse_fp(&o.annotation.fingerprint) == Some(*fp))
            .and_then(|_| index.clause(&o.id))
            .filter(|c| !out.taken(c.id.as_str()) && !held(c.id.as_str()));
        let found = exact.or_else(|| unique_free(&out, &o.annotation.fingerprint));
        match found {
            Some(c) => place(&mut out, key, From::Orphan(o.id.clone()), &o.annotation, c),
            None => kept.push(o.clone()),
        }
    }
    // Orphans already in the file first, then the new ones.
    kept.append(&mut out.orphans);
    out.orphans = kept;
    out
}

/// Notes on whole resolutions: kept under the same code; a resolution whose
/// code changed but whose clauses are word for word the same is followed;
/// otherwise an orphan.
fn anchor_resolutions(key: &str, notes: &DocNotes, known: &Known<'_>, out: &mut Anchored) {
    if notes.resolutions.is_empty() {
        return;
    }
    let index = known.index();
    for (code, a) in &notes.resolutions {
        if index.resolutions.contains_key(code.as_str()) {
            out.resolutions.insert(code.clone(), a.clone());
        }
    }
    for (code, a) in &notes.resolutions {
        if index.resolutions.contains_key(code.as_str()) {
            continue;
        }
        let same: Vec<&&str> = index
            .resolutions
            .iter()
            .filter(|(c, fp)| parse_fp(&a.fingerprint) == Some(**fp) && !out.resolutions.contains_key(**c))
            .filter(|(c, _)| !notes.resolutions.contains_key(**c))
            .map(|(c, _)| c)
            .collect();
        match same.as_slice() {
            [new] => {
                let mut moved = a.clone();
                moved.text = resolution_text(known, new);
                out.moves.push(Move {
                    entry: key.to_string(),
                    from: From::Resolution(code.clone()),
                    to: Target::Resolution(new.to_string()),
                    fingerprint: a.fingerprint.clone(),
                    text: moved.text.clone(),
                });
                out.resolutions.insert(new.to_string(), moved);
            }
            _ => {
                out.new_orphans.push(From::Resolution(code.clone()));
                out.orphans.push(Orphan { id: code.clone(), annotation: a.clone() });
            }
        }
    }
}

/// What a resolution note keeps as its text: the code and topic.
pub fn resolution_text(known: &Known<'_>, code: &str) -> String {
    let topic = known.doc.resolutions.iter().find(|r| r.code == code).and_then(|r| r.topic.as_deref());
    match topic {
        Some(t) => format!("{code} — {t}"),
        None => code.to_string(),
    }
}

fn place(out: &mut Anchored, key: &str, from: From, a: &Annotation, c: &Clause) {
    let fp = super::model::fingerprint(&c.text);
    out.moves.push(Move {
        entry: key.to_string(),
        from,
        to: Target::Clause(c.id.to_string()),
        fingerprint: fp.clone(),
        text: c.text.to_string(),
    });
    let mut moved = a.clone();
    moved.fingerprint = fp;
    moved.text = c.text.to_string();
    out.by_id.insert(c.id.to_string(), moved);
}

/// Annotations of loose format-1 entries (see `identity`) attach where
/// their clause's text is found word for word, in an open document that
/// has none of the entry's codes (one that has them is another document
/// with those codes, such as a second conference): the same clause path
/// first, else the one clause with that text. Then, in a document where
/// some of the entry's notes were found so, the others follow a reworded
/// clause as in a revision (a better reading of the same file drops a
/// footnote number from a sentence). Shown at once; moved into the
/// document's own entry with its next change. What is not found stays in
/// the loose entry as it is, and is not an orphan: its document may simply
/// not be open.
pub fn adopt(file: &NotesFile, loose: &[String], known: &[Known<'_>], views: &mut [Anchored]) {
    for key in loose {
        let Some(notes) = file.documents.get(key) else { continue };
        let codes = entry_codes(notes);
        let eligible: Vec<usize> =
            (0..known.len()).filter(|&d| known[d].codes.iter().all(|c| !codes.contains(c))).collect();
        if eligible.is_empty() {
            continue;
        }
        let items = notes
            .clauses
            .iter()
            .map(|(id, a)| (From::Clause(id.clone()), id, a))
            .chain(notes.orphans.iter().map(|o| (From::Orphan(o.id.clone()), &o.id, &o.annotation)));
        let mut found_in: HashSet<usize> = HashSet::new();
        let mut unplaced = Vec::new();
        for (from, id, a) in items {
            let Some(fp) = parse_fp(&a.fingerprint) else {
                unplaced.push((from, a));
                continue;
            };
            let path = id.split_once(':').map(|(_, p)| p);
            let mut best: Option<(bool, usize, &Clause)> = None;
            for &d in &eligible {
                let index = known[d].index();
                let free: Vec<&Clause> = index.with_fp(fp).filter(|c| !views[d].taken(&c.id)).collect();
                let same_path = free.iter().find(|c| c.id.split_once(':').map(|(_, p)| p) == path);
                let pick = match (same_path, free.as_slice()) {
                    (Some(c), _) => Some((true, *c)),
                    (None, [one]) => Some((false, *one)),
                    _ => None,
                };
                if let Some((by_path, clause)) = pick
                    && best.is_none_or(|(p, _, _)| by_path && !p)
                {
                    best = Some((by_path, d, clause));
                }
            }
            match best {
                Some((_, d, c)) => {
                    found_in.insert(d);
                    take_in(&mut views[d], key, from, a, c);
                }
                None => unplaced.push((from, a)),
            }
        }
        // Reworded: only in a document this entry is shown to be about.
        for (from, a) in unplaced {
            let old_words: HashSet<String> = words(&a.text).collect();
            let mut scored: Vec<(f64, usize, &Clause)> = Vec::new();
            for &d in found_in.iter() {
                let free = known[d].index().all().iter().filter(|c| !views[d].taken(&c.id));
                scored.extend(free.map(|c| (similarity(&old_words, &c.text), d, *c)));
            }
            scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then_with(|| x.2.id.cmp(&y.2.id)));
            let second = scored.get(1).map_or(0.0, |s| s.0);
            if let Some(&(s, d, c)) = scored.first()
                && s >= MOVE_SIMILARITY
                && s - second >= MOVE_MARGIN
            {
                take_in(&mut views[d], key, from, a, c);
            }
        }
    }
}

/// Show a loose entry's annotation on a clause of this document, and note
/// the move for its next change.
fn take_in(view: &mut Anchored, key: &str, from: From, a: &Annotation, c: &Clause) {
    let fp = super::model::fingerprint(&c.text);
    let mut moved = a.clone();
    moved.fingerprint.clone_from(&fp);
    moved.text = c.text.to_string();
    view.moves.push(Move {
        entry: key.to_string(),
        from,
        to: Target::Clause(c.id.to_string()),
        fingerprint: fp,
        text: c.text.to_string(),
    });
    view.by_id.insert(c.id.to_string(), moved);
}

/// Jaccard similarity of two texts' word sets.
fn similarity(old: &HashSet<String>, text: &str) -> f64 {
    let new: HashSet<String> = words(text).collect();
    let union = old.union(&new).count();
    if union == 0 {
        return 0.0;
    }
    old.intersection(&new).count() as f64 / union as f64
}
