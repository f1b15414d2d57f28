//! What changed between two revisions of a resolution, clause by clause:
//! added, struck, renumbered, reworded (with the word-level difference),
//! split and merged. Clauses are matched the way notes follow their clause
//! across a revision (same id and text, then the same text elsewhere, then
//! wording similar enough), so what `diff` calls "the same clause" is what
//! an annotation would follow.

mod matching;
pub mod words;

use serde::Serialize;

use crate::document::{Clause, Document, Resolution};
pub use words::{WordOp, word_diff};

/// One clause as the comparison sees it: its id without the resolution
/// code (a draft and its revision often carry different codes), its own
/// text (not its children's), and its depth.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub local: &'a str,
    pub text: &'a str,
    pub depth: usize,
}

/// Every clause of a resolution in document order, as items.
pub fn items(res: &Resolution) -> Vec<Item<'_>> {
    fn walk<'a>(clauses: &'a [Clause], depth: usize, out: &mut Vec<Item<'a>>) {
        for c in clauses {
            let local = c.id.split_once(':').map_or(c.id.as_str(), |(_, l)| l);
            out.push(Item { local, text: c.text.as_ref(), depth });
            walk(&c.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&res.preamble, 0, &mut out);
    walk(&res.operative, 0, &mut out);
    for annex in &res.annexes {
        walk(&annex.preamble, 0, &mut out);
        walk(&annex.operative, 0, &mut out);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Added,
    Struck,
    /// The same text under another number, in the same place.
    Renumbered,
    /// The same text under another clause.
    Moved,
    /// Other words (and perhaps another number too).
    Reworded,
    /// One clause became several.
    Split,
    /// Several clauses became one.
    Merged,
}

/// One change. `old` and `new` are local ids (`op.4.a`); a split has one
/// old and several new, a merge the reverse.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: Kind,
    pub old: Vec<String>,
    pub new: Vec<String>,
    /// Depth of the clause (0 for a paragraph, 1 for its items…).
    pub depth: usize,
    /// For a reworded clause: the words kept, struck and inserted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordOp>,
    /// The clause's text: the new one, or the old one for a struck clause.
    pub text: String,
    /// For reworded: the number changed too.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub renumbered: bool,
    /// For a struck clause: the clause of the new revision it stood after
    /// (none: at the start).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub added: usize,
    pub struck: usize,
    pub renumbered: usize,
    pub moved: usize,
    pub reworded: usize,
    pub split: usize,
    pub merged: usize,
}

impl Summary {
    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }

    /// `3 added, 1 struck, 5 renumbered, 2 reworded`, or `no changes`.
    pub fn line(&self) -> String {
        let parts: Vec<String> = [
            (self.added, "added"),
            (self.struck, "struck"),
            (self.renumbered, "renumbered"),
            (self.moved, "moved"),
            (self.reworded, "reworded"),
            (self.split, "split"),
            (self.merged, "merged"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if parts.is_empty() { "no changes".to_string() } else { parts.join(", ") }
    }
}

/// The comparison of one resolution's two revisions.
#[derive(Debug, Clone, Serialize)]
pub struct ResolutionDiff {
    pub old: String,
    pub new: String,
    pub summary: Summary,
    /// In the new revision's order; struck clauses where they stood.
    pub changes: Vec<Change>,
}

/// The comparison of two documents (or two sets of resolutions).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Diff {
    pub resolutions: Vec<ResolutionDiff>,
    /// Resolutions of the old revision with no counterpart in the new one.
    pub only_old: Vec<String>,
    /// Resolutions of the new revision with no counterpart in the old one.
    pub only_new: Vec<String>,
}

/// Compare two revisions of one resolution.
pub fn compare(old: &Resolution, new: &Resolution) -> ResolutionDiff {
    let changes = matching::changes(&items(old), &items(new));
    let mut summary = Summary::default();
    for c in &changes {
        match c.kind {
            Kind::Added => summary.added += 1,
            Kind::Struck => summary.struck += 1,
            Kind::Renumbered => summary.renumbered += 1,
            Kind::Moved => summary.moved += 1,
            Kind::Reworded => {
                summary.reworded += 1;
                summary.renumbered += usize::from(c.renumbered);
            }
            Kind::Split => summary.split += 1,
            Kind::Merged => summary.merged += 1,
        }
    }
    ResolutionDiff { old: old.code.clone(), new: new.code.clone(), summary, changes }
}

/// Compare two sets of resolutions: pairs by code, and when what is left is
/// one resolution on each side (a draft and its revision under other
/// codes), that pair.
pub fn compare_all(old: &[&Resolution], new: &[&Resolution]) -> Diff {
    let by_code: std::collections::HashMap<&str, usize> =
        new.iter().enumerate().map(|(i, r)| (r.code.as_str(), i)).collect();
    let mut used = vec![false; new.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut left_old = Vec::new();
    for (i, r) in old.iter().enumerate() {
        match by_code.get(r.code.as_str()) {
            Some(&j) if !used[j] => {
                used[j] = true;
                pairs.push((i, j));
            }
            _ => left_old.push(i),
        }
    }
    let left_new: Vec<usize> = (0..new.len()).filter(|j| !used[*j]).collect();
    if let ([i], [j]) = (left_old.as_slice(), left_new.as_slice()) {
        pairs.push((*i, *j));
        left_old.clear();
    }
    let paired_new: std::collections::HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    pairs.sort_by_key(|p| p.1);
    Diff {
        resolutions: compare_pairs(&pairs, old, new),
        only_old: left_old.iter().map(|&i| old[i].code.clone()).collect(),
        only_new: (0..new.len()).filter(|j| !paired_new.contains(j)).map(|j| new[j].code.clone()).collect(),
    }
}

/// Each pair compared, on every core when there are many (a corpus of
/// thousands of resolutions), in the pairs' order.
fn compare_pairs(pairs: &[(usize, usize)], old: &[&Resolution], new: &[&Resolution]) -> Vec<ResolutionDiff> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if pairs.len() < 64 || threads < 2 {
        return pairs.iter().map(|&(i, j)| compare(old[i], new[j])).collect();
    }
    let chunk = pairs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = pairs
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|&(i, j)| compare(old[i], new[j])).collect::<Vec<_>>()))
            .collect();
        // A thread that panicked loses only its part, never the process.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// Compare every resolution of two documents.
pub fn compare_documents(old: &Document, new: &Document) -> Diff {
    let old: Vec<&Resolution> = old.resolutions.iter().collect();
    let new: Vec<&Resolution> = new.resolutions.iter().collect();
    compare_all(&old, &new)
}
