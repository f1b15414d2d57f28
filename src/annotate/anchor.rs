//! Keeping annotations on their clauses when a document is revised: an
//! amendment inserts a clause and later ones renumber, or a clause is
//! reworded. Each annotation keeps its clause's fingerprint and text; here
//! they are matched against the document as it is now. What cannot be
//! placed with confidence becomes an orphan: never dropped, never put on a
//! wrong clause.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::model::{Annotation, DocNotes, Orphan, fingerprint, words};
use crate::document::{Clause, Document};

/// A reworded clause keeps its annotation if this much of its wording is
/// still there.
const SAME_ID_SIMILARITY: f64 = 0.5;
/// An annotation moves to another clause only if the wording matches this
/// well, and clearly better than any other candidate.
const MOVE_SIMILARITY: f64 = 0.75;
const MOVE_MARGIN: f64 = 0.1;

#[derive(Debug, Clone, Default)]
pub struct Anchored {
    /// Annotations at the clause ids they belong to now.
    pub by_id: BTreeMap<String, Annotation>,
    /// (old id, new id, new fingerprint, new text) for annotations that
    /// followed their clause.
    pub moves: Vec<(String, String, String, String)>,
    /// Old ids of annotations that became orphans now.
    pub new_orphans: Vec<String>,
    /// All orphans: those in the file and the new ones.
    pub orphans: Vec<Orphan>,
}

impl Anchored {
    pub fn changed(&self) -> bool {
        !self.moves.is_empty() || !self.new_orphans.is_empty()
    }
}

pub fn anchor(notes: &DocNotes, doc: &Document) -> Anchored {
    let clauses: HashMap<&str, &Clause> = doc.all_clauses().map(|c| (c.id.as_str(), c)).collect();
    let mut out = Anchored { orphans: notes.orphans.clone(), ..Anchored::default() };
    let mut claimed: HashSet<String> = HashSet::new();
    let mut pending: Vec<(&String, &Annotation)> = Vec::new();

    // 1. Still where it was, with the same text.
    for (id, a) in &notes.clauses {
        match clauses.get(id.as_str()) {
            Some(c) if a.fingerprint.is_empty() || fingerprint(&c.text) == a.fingerprint => {
                claimed.insert(id.clone());
                out.by_id.insert(id.clone(), a.clone());
            }
            _ => pending.push((id, a)),
        }
    }
    if pending.is_empty() {
        return out;
    }
    let mut by_fingerprint: HashMap<String, Vec<&str>> = HashMap::new();
    for (id, c) in &clauses {
        by_fingerprint.entry(fingerprint(&c.text)).or_default().push(id);
    }

    // 2. The same text under another id (renumbered): only if exactly one
    //    unclaimed clause has it.
    let mut rest = Vec::new();
    for (id, a) in pending {
        let candidates: Vec<&str> = by_fingerprint
            .get(&a.fingerprint)
            .map(|v| v.iter().copied().filter(|c| !claimed.contains(*c) && !notes.clauses.contains_key(*c)).collect())
            .unwrap_or_default();
        match candidates.as_slice() {
            [new] => place(&mut out, &mut claimed, id, a, clauses[new]),
            _ => rest.push((id, a)),
        }
    }

    // 3. Reworded in place; 4. reworded and moved.
    for (id, a) in rest {
        let old_words: HashSet<String> = words(&a.text).collect();
        if let Some(c) = clauses.get(id.as_str())
            && !claimed.contains(id)
            && similarity(&old_words, &c.text) >= SAME_ID_SIMILARITY
        {
            place(&mut out, &mut claimed, id, a, c);
            continue;
        }
        let resolution = id.split(':').next().unwrap_or("");
        let mut scored: Vec<(f64, &Clause)> = clauses
            .values()
            .filter(|c| !claimed.contains(c.id.as_str()) && !notes.clauses.contains_key(c.id.as_str()))
            .filter(|c| c.id.split(':').next() == Some(resolution))
            .map(|c| (similarity(&old_words, &c.text), *c))
            .collect();
        scored.sort_by(|x, y| y.0.total_cmp(&x.0));
        let best = scored.first().copied();
        let second = scored.get(1).map(|s| s.0).unwrap_or(0.0);
        match best {
            Some((s, c)) if s >= MOVE_SIMILARITY && s - second >= MOVE_MARGIN => {
                place(&mut out, &mut claimed, id, a, c)
            }
            _ => {
                out.new_orphans.push(id.clone());
                out.orphans.push(Orphan { id: id.clone(), annotation: a.clone() });
            }
        }
    }
    out
}

fn place(out: &mut Anchored, claimed: &mut HashSet<String>, old: &str, a: &Annotation, c: &Clause) {
    let fp = fingerprint(&c.text);
    claimed.insert(c.id.to_string());
    out.moves.push((old.to_string(), c.id.to_string(), fp.clone(), c.text.to_string()));
    let mut moved = a.clone();
    moved.fingerprint = fp;
    moved.text = c.text.to_string();
    out.by_id.insert(c.id.to_string(), moved);
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
