//! `reso find`: every clause against a query in one pass, without building
//! an index (a one-off search reads each clause once anyway). The reader
//! uses `index`; both score with `matcher`, so they rank alike.

use serde::Serialize;

use super::candidate::{Candidate, candidates};
use super::citation::{self, Outcome};
use super::index::parallel;
use super::matcher::{Compiled, Memo, Score, Subject};
use super::prefilter::{Prefilter, Scratch};
use crate::annotate::Notes;
use crate::document::Document;

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    /// How well it matched (greater is better); 0 for a citation.
    pub score: u32,
    /// The clause the query cites (not a word match).
    pub citation: bool,
    /// The clause text as `outline` shows it: emphasis marks removed,
    /// lines joined.
    pub text: String,
    /// Index into `candidates(docs)`: the clause's place in document order.
    #[serde(skip)]
    pub index: usize,
}

/// The hits, and what to tell the reader about a citation that found no
/// single clause.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub note: Option<String>,
}

/// What a citation outcome means, in one line.
pub fn citation_note(c: &citation::Citation, outcome: &Outcome, id: impl Fn(usize) -> String) -> Option<String> {
    let list = |v: &[usize]| v.iter().map(|&i| id(i)).collect::<Vec<_>>().join(", ");
    match outcome {
        Outcome::Found(_) => None,
        Outcome::Ambiguous(v) => {
            Some(format!("{} is ambiguous: {} clauses answer it — {}", c.display(), v.len(), list(v)))
        }
        Outcome::Missing(v) if v.is_empty() => Some(format!("no clause {}", c.display())),
        Outcome::Missing(v) => Some(format!("no clause {} — nearest: {}", c.display(), list(v))),
    }
}

fn hit(c: &Candidate<'_>, index: usize, score: u32, citation: bool) -> Hit {
    let text: String =
        c.clause.text.chars().filter(|&ch| ch != '*').map(|ch| if ch == '\n' { ' ' } else { ch }).collect();
    Hit { id: c.clause.id.to_string(), score, citation, text, index }
}

/// The best `limit` hits, best first; ties keep document order.
pub fn search(docs: &[Document], query: &str, limit: usize) -> Vec<Hit> {
    search_with_notes(docs, query, limit, None).hits
}

/// The same, searching the clauses' notes and tags (`#amend`) as well.
pub fn search_with_notes(docs: &[Document], query: &str, limit: usize, notes: Option<&Notes>) -> Found {
    let cands = candidates(docs);
    if let Some(c) = citation::parse(query) {
        let outcome = c.resolve(cands.iter().enumerate().map(|(i, c)| (i, c.clause.id.as_str())), None);
        let note = citation_note(&c, &outcome, |i| cands[i].clause.id.to_string());
        let hits = match &outcome {
            Outcome::Found(i) => vec![*i],
            Outcome::Ambiguous(v) => v.clone(),
            Outcome::Missing(_) => Vec::new(),
        };
        let hits = hits.into_iter().take(limit).map(|i| hit(&cands[i], i, 0, true)).collect();
        return Found { hits, note };
    }
    let q = Compiled::new(query);
    if q.is_empty() {
        return Found::default();
    }
    let indices: Vec<usize> = (0..cands.len()).collect();
    let pre = Prefilter::new(&q);
    let mut ranked: Vec<(usize, Score)> = parallel(&indices, |part| {
        let mut memo = Memo::default();
        let mut scratch = Scratch::default();
        part.iter()
            .filter_map(|&i| {
                let c = &cands[i];
                let a = notes.and_then(|n| n.get(c.doc, &c.clause.id));
                // (A note is searched too: no shortcut for an annotated clause.)
                if a.is_none() && !pre.may_match(&q, &c.clause.text, &mut memo, &mut scratch) {
                    return None;
                }
                let tags: Vec<String> = a.map(|a| a.tags.iter().cloned().collect()).unwrap_or_default();
                let s = Subject {
                    text: &c.clause.text,
                    id: &c.clause.id,
                    tags: &tags,
                    note: a.map_or("", |a| a.note.as_str()),
                };
                q.score(s, &mut |w, code| memo.mask(&q, w, code)).map(|s| (i, s))
            })
            .collect()
    });
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(limit);
    let hits = ranked.into_iter().map(|(i, s)| hit(&cands[i], i, display_score(s), false)).collect();
    Found { hits, note: None }
}

/// A score short enough to print: how many words matched exactly, how
/// well they matched, how close together (what ranks first).
pub fn display_score(s: Score) -> u32 {
    (s >> 37) as u32
}
