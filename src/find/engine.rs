//! `reso find`: every clause against a query in one pass, without building
//! an index (a one-off search reads each clause once anyway). The reader
//! uses `index`; both score with `matcher`, so they rank alike.

use serde::Serialize;

use super::candidate::{Candidate, candidates};
use super::citation::{self, Outcome};
use super::fold::fold_keep_case;
use super::index::parallel;
use super::matcher::{Compiled, Memo, Score, Subject, id_may_match};
use super::query::typos_allowed;
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
        let mut buf = (Vec::new(), Vec::new());
        part.iter()
            .filter_map(|&i| {
                let c = &cands[i];
                let a = notes.and_then(|n| n.get(c.doc, &c.clause.id));
                // (A note is searched too: no shortcut for an annotated clause.)
                if a.is_none() && !pre.may_match(&c.clause.text, &mut buf) {
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

/// A cheap test that rules out most clauses before they are read word by
/// word (`reso find` reads every clause once, so this is most of its
/// time). It only ever rules out clauses that cannot match: a query word
/// that matches a word with at most k typos leaves one of k + 1 pieces of
/// it intact (pigeonhole; a piece is taken less the chars at its inner
/// ends, which a swap across the boundary may move), and one matched by
/// scattered letters needs a run of capitals starting with its first
/// letter. For texts that fold to ASCII (nearly all UN texts).
struct Prefilter {
    /// Per query word: its pieces, and its first letter in capitals; None
    /// when the word could also match the clause id (not in the text).
    words: Vec<Option<(Vec<Vec<u8>>, u8)>>,
}

impl Prefilter {
    fn new(q: &Compiled) -> Prefilter {
        let words = q
            .words
            .iter()
            .map(|(_, chars)| {
                if id_may_match(chars) || !chars.iter().all(char::is_ascii) || chars.is_empty() {
                    return None;
                }
                let bytes: Vec<u8> = chars.iter().map(|&c| c as u8).collect();
                // k + 1 pieces, each less the char at an inner boundary
                // (a swap across a boundary touches only those chars).
                let n = typos_allowed(bytes.len()) + 1;
                let size = bytes.len() / n;
                let pieces = (0..n)
                    .map(|k| {
                        let start = if k == 0 { 0 } else { k * size + 1 };
                        let end = if k + 1 == n { bytes.len() } else { (k + 1) * size - 1 };
                        bytes.get(start..end.max(start)).unwrap_or_default().to_vec()
                    })
                    .collect();
                Some((pieces, bytes[0].to_ascii_uppercase()))
            })
            .collect();
        Prefilter { words }
    }

    fn may_match(&self, text: &str, buf: &mut (Vec<u8>, Vec<u8>)) -> bool {
        if self.words.is_empty() {
            return true;
        }
        // The text folded (accents, quotes, dashes), case kept, then lower
        // case: both ASCII, or no shortcut.
        let (keep, lower) = buf;
        keep.clear();
        if text.is_ascii() {
            keep.extend(text.bytes().map(|b| if b == b'`' { b'\'' } else { b }));
        } else {
            for c in text.chars() {
                let k = fold_keep_case(c);
                if !k.is_ascii() {
                    return true;
                }
                keep.push(k as u8);
            }
        }
        lower.clear();
        lower.extend(keep.iter().map(u8::to_ascii_lowercase));
        self.words.iter().flatten().all(|(pieces, upper)| {
            pieces.iter().any(|p| memchr::memmem::find(lower, p).is_some()) || capitals_from(keep, *upper)
        })
    }
}

/// Does a run of two capitals (or a capital and an apostrophe) start with
/// `first` somewhere in `text`?
fn capitals_from(text: &[u8], first: u8) -> bool {
    memchr::memchr_iter(first, text).any(|at| text.get(at + 1).is_some_and(|&b| b.is_ascii_uppercase() || b == b'\''))
}
