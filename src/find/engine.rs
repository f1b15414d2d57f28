//! Ranking every clause against a query without the TUI: `reso find`, and
//! the reader's `n`/`N`/filter use the same scoring.

use nucleo::pattern::{CaseMatching, Normalization, Pattern};
use nucleo::{Config, Matcher};
use serde::Serialize;

use super::candidate::{Candidate, candidates, haystack_into, push_annotation};
use super::reference;
use super::utf32::utf32_str;
use crate::annotate::Notes;
use crate::document::Document;

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub score: u32,
    pub text: String,
    /// Index into `candidates(docs)`: the clause's place in document order.
    #[serde(skip)]
    pub index: usize,
}

/// The query as nucleo reads it: fzf syntax, smart case, Unicode-normalised.
pub fn pattern(query: &str) -> Pattern {
    Pattern::parse(&nucleo_query(query), CaseMatching::Smart, Normalization::Smart)
}

/// nucleo-matcher 0.3.1 compares a case-sensitive `^prefix` or `suffix$`
/// with the whole haystack instead of its start or end, so `^Urges` never
/// matches (fixed upstream in helix-editor/nucleo#71, not yet released).
/// Until then such atoms are matched without regard to case.
pub fn nucleo_query(query: &str) -> String {
    query
        .split(' ')
        .map(|atom| {
            let anchored = atom.starts_with('^') != atom.ends_with('$');
            if atom.starts_with('#') && atom.len() > 1 {
                // `#amend`: the tag, exactly.
                format!("'{atom}")
            } else if anchored && atom.chars().any(char::is_uppercase) {
                atom.to_lowercase()
            } else {
                atom.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A clause that answers a reference exactly outranks any fuzzy match.
const REFERENCE_BONUS: u32 = 1 << 24;

/// Scores of every candidate (None = no match), computed on all cores.
pub fn score_all(cands: &[Candidate<'_>], query: &str, notes: Option<&Notes>) -> Vec<Option<u32>> {
    let pattern = pattern(query);
    let reference = reference::parse(query);
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
    let chunk = cands.len().div_ceil(threads).max(1);
    let mut scores = vec![None; cands.len()];
    std::thread::scope(|scope| {
        for (part, out) in cands.chunks(chunk).zip(scores.chunks_mut(chunk)) {
            let pattern = &pattern;
            let reference = &reference;
            scope.spawn(move || {
                let mut matcher = Matcher::new(Config::DEFAULT);
                let mut text = String::new();
                let mut buf = Vec::new();
                for (c, slot) in part.iter().zip(out.iter_mut()) {
                    if reference.as_ref().is_some_and(|r| r.matches(c.clause)) {
                        *slot = Some(REFERENCE_BONUS);
                        continue;
                    }
                    haystack_into(c.clause, &mut text);
                    push_annotation(&mut text, notes.and_then(|n| n.get(c.doc, &c.clause.id)));
                    *slot = pattern.score(utf32_str(&text, &mut buf), &mut matcher);
                }
            });
        }
    });
    scores
}

/// The best `limit` hits, best first; ties keep document order.
pub fn search(docs: &[Document], query: &str, limit: usize) -> Vec<Hit> {
    search_with_notes(docs, query, limit, None)
}

/// The same, searching the clauses' notes and tags (`#amend`) as well.
pub fn search_with_notes(docs: &[Document], query: &str, limit: usize, notes: Option<&Notes>) -> Vec<Hit> {
    let cands = candidates(docs);
    let scores = score_all(&cands, query, notes);
    let mut ranked: Vec<(usize, u32)> = scores.iter().enumerate().filter_map(|(i, s)| s.map(|s| (i, s))).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(limit);
    ranked
        .into_iter()
        .map(|(i, score)| {
            let c = cands[i].clause;
            Hit { id: c.id.to_string(), score, text: c.text.replace('\n', " "), index: i }
        })
        .collect()
}
