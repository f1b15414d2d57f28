//! `reso find`: every clause against a query in one pass, without building
//! an index (a one-off search reads each clause once anyway). The reader
//! uses `index`; both score with `matcher`, so they rank alike.

use serde::Serialize;

use super::candidate::{Candidate, candidates, walk};
use super::citation::{self, Outcome};
use super::matcher::{Compiled, Memo, Score, Subject};
use super::prefilter::{Prefilter, Scratch};
use crate::annotate::Notes;
use crate::document::{Document, Resolution};

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
    if let Some(c) = citation::parse(query) {
        let cands = candidates(docs);
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
    let top: usize = docs.iter().flat_map(|d| &d.resolutions).map(weight).sum();
    let threads =
        if top < PARALLEL_FROM { 1 } else { std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8) };
    let mut ranked = matches(docs, &q, notes, threads);
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(limit);
    let hits = ranked.into_iter().map(|(i, s, c)| hit(&c, i, display_score(s), false)).collect();
    Found { hits, note: None }
}

/// Every clause of `docs` that matches `q`: its place in document order
/// (as in `candidates`), its score, the clause. Resolution by resolution
/// on `threads` threads: no list of every clause is made first (for a
/// corpus of 240,000 clauses, making it was a tenth of the search, on one
/// core).
fn matches<'a>(
    docs: &'a [Document],
    q: &Compiled,
    notes: Option<&Notes>,
    threads: usize,
) -> Vec<(usize, Score, Candidate<'a>)> {
    let pre = Prefilter::new(q);
    let units: Vec<Unit<'_>> =
        docs.iter().enumerate().flat_map(|(doc, d)| d.resolutions.iter().map(move |res| Unit { doc, res })).collect();
    let scanned = scan_in_parallel(&units, threads, |part| scan(part, q, &pre, notes));
    // Each clause's place in document order: its resolution's first, plus
    // its place in the resolution.
    let mut first = Vec::with_capacity(units.len());
    let mut count = 0usize;
    for (n, _) in &scanned {
        first.extend(n.iter().map(|&n| {
            let at = count;
            count += n as usize;
            at
        }));
    }
    scanned
        .into_iter()
        .flat_map(|(_, found)| found)
        .map(|f| (first.get(f.unit).copied().unwrap_or(0) + f.at as usize, f.score, f.clause))
        .collect()
}

/// One resolution: what the word scan hands a thread.
struct Unit<'a> {
    doc: usize,
    res: &'a Resolution,
}

/// A clause the scan found: its resolution (index into the units), its
/// place in it, its score.
struct Scanned<'a> {
    unit: usize,
    at: u32,
    score: Score,
    clause: Candidate<'a>,
}

/// Every clause of `units` against the query: how many clauses each unit
/// has, and those that match. `unit` in the results counts from the
/// first of `units` (the caller adds where the run starts).
fn scan<'a>(units: &[Unit<'a>], q: &Compiled, pre: &Prefilter, notes: Option<&Notes>) -> (Vec<u32>, Vec<Scanned<'a>>) {
    let mut memo = Memo::default();
    let mut scratch = Scratch::default();
    let mut stack = Vec::new();
    let mut counts = Vec::with_capacity(units.len());
    let mut found = Vec::new();
    for (u, unit) in units.iter().enumerate() {
        let mut at = 0u32;
        // Clauses are looked up in the notes only if their document has
        // any (a lookup per clause is a string comparison or several).
        let notes = notes.filter(|n| n.docs.get(unit.doc).is_some_and(|v| !v.anchored.by_id.is_empty()));
        walk(unit.res, &mut stack, |clause| {
            let here = at;
            at += 1;
            let a = notes.and_then(|n| n.get(unit.doc, &clause.id));
            // (A note is searched too: no shortcut for an annotated clause.)
            if a.is_none() && !pre.may_match(q, &clause.text, &mut memo, &mut scratch) {
                return;
            }
            let tags: Vec<String> = a.map(|a| a.tags.iter().cloned().collect()).unwrap_or_default();
            let s =
                Subject { text: &clause.text, id: &clause.id, tags: &tags, note: a.map_or("", |a| a.note.as_str()) };
            if let Some(score) = q.score(s, &mut |w, code| memo.mask(q, w, code)) {
                found.push(Scanned { unit: u, at: here, score, clause: Candidate { doc: unit.doc, clause } });
            }
        });
        counts.push(at);
    }
    (counts, found)
}

/// Below this many top-level clauses a second thread costs more than it
/// saves.
const PARALLEL_FROM: usize = 2048;

/// A resolution's top-level clauses: how the scan shares out work.
fn weight(r: &Resolution) -> usize {
    r.preamble.len() + r.operative.len() + r.annexes.iter().map(|a| a.preamble.len() + a.operative.len()).sum::<usize>()
}

/// `f` over runs of `units` on `threads` threads, the runs cut so
/// each holds about as many top-level clauses; results in order, each
/// run's unit numbers made to count from the first unit.
fn scan_in_parallel<'a>(
    units: &[Unit<'a>],
    threads: usize,
    f: impl Fn(&[Unit<'a>]) -> (Vec<u32>, Vec<Scanned<'a>>) + Sync,
) -> Vec<(Vec<u32>, Vec<Scanned<'a>>)> {
    let weight = |u: &Unit<'_>| weight(u.res);
    let total: usize = units.iter().map(weight).sum();
    let threads = threads.max(1);
    if threads == 1 {
        return vec![f(units)];
    }
    // Cut points: where the running weight passes each thread's share.
    let mut runs: Vec<&[Unit<'a>]> = Vec::with_capacity(threads);
    let (mut from, mut sum) = (0, 0);
    for (i, u) in units.iter().enumerate() {
        sum += weight(u);
        if sum * threads >= total * (runs.len() + 1) && runs.len() + 1 < threads {
            runs.push(&units[from..=i]);
            from = i + 1;
        }
    }
    runs.push(&units[from..]);
    let mut out: Vec<(Vec<u32>, Vec<Scanned<'a>>)> = std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = runs.iter().map(|&run| (run, scope.spawn(move || f(run)))).collect();
        // A panic in a thread is a bug; the run is scanned again here
        // rather than lost.
        handles.into_iter().map(|(run, h)| h.join().unwrap_or_else(|_| f(run))).collect()
    });
    let mut base = 0;
    for ((counts, found), run) in out.iter_mut().zip(&runs) {
        found.iter_mut().for_each(|s| s.unit += base);
        base += run.len();
        debug_assert_eq!(counts.len(), run.len());
    }
    out
}

/// A score short enough to print: how many words matched exactly, how
/// well they matched, how close together (what ranks first).
pub fn display_score(s: Score) -> u32 {
    (s >> 37) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{corpus, load_owned, sample};

    /// Every clause scored in document order, one thread, no prefilter:
    /// what the scan must return, whatever its threads.
    fn reference<'a>(docs: &'a [Document], q: &Compiled) -> Vec<(usize, Score, &'a str)> {
        let mut memo = Memo::default();
        candidates(docs)
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let s = Subject { text: &c.clause.text, id: &c.clause.id, tags: &[], note: "" };
                q.score(s, &mut |w, code| memo.mask(q, w, code)).map(|s| (i, s, c.clause.id.as_str()))
            })
            .collect()
    }

    #[test]
    fn the_scan_finds_the_same_on_any_number_of_threads() {
        let annexed = include_str!("../../tests/fixtures/S_RES_1454_2002.txt");
        let docs = [
            sample(),
            crate::document::parse::parse(annexed, "S_RES_1454_2002.txt"),
            load_owned(corpus::generate(300_000).into_bytes(), "corpus.txt").expect("decodes"),
        ];
        for query in [
            "hotline",
            "data sharing",
            "INTERPOL",
            "trafficing",
            "'trafficking victims",
            "^Encourag",
            "intrpl",
            "ccpcj14",
            "the",
        ] {
            let q = Compiled::new(query);
            let want = reference(&docs, &q);
            assert!(!want.is_empty(), "{query} finds something");
            for threads in 1..=3 {
                let mut got: Vec<(usize, Score, &str)> = matches(&docs, &q, None, threads)
                    .into_iter()
                    .map(|(i, s, c)| (i, s, c.clause.id.as_str()))
                    .collect();
                got.sort_unstable_by_key(|h| h.0);
                assert_eq!(got, want, "{query} on {threads} threads");
            }
            // And ranked: best first, ties in document order.
            let mut best = want.clone();
            best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let top: Vec<(usize, String)> = search(&docs, query, 25).into_iter().map(|h| (h.index, h.id)).collect();
            let want_top: Vec<(usize, String)> = best.iter().take(25).map(|h| (h.0, h.2.to_string())).collect();
            assert_eq!(top, want_top, "{query}: the best first");
        }
    }
}
