//! A word index over every clause, so a query over a million clauses
//! answers in milliseconds: each distinct word once (with the clauses that
//! hold it), so a query word is compared with the vocabulary, not with
//! every clause. Built once, on a background thread, when documents load.

use std::collections::HashMap;

use compact_str::CompactString;

use super::fold::{folded, for_each_word};
use super::fx::FxMap;
use super::matcher::{Compiled, Memo, Score, Subject, id_matches, id_may_match};
use super::query::Kind;
use crate::document::Text;

/// One clause as the index knows it. `node`: the caller's handle (the
/// reader's tree node), returned in results.
#[derive(Debug, Clone)]
pub struct Item {
    pub node: u32,
    /// The document it belongs to (notes are kept per document).
    pub doc: u32,
    pub text: Text,
    pub id: CompactString,
}

/// A clause's tags and note, which change while reading and so are given
/// with each query rather than indexed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotated {
    pub tags: Vec<String>,
    pub note: String,
}

/// Annotations by item (index into `Index::items`).
pub type Annotations = HashMap<u32, Annotated>;

/// Annotations by (document, clause id): what the reader's notes give.
pub type NoteSet = std::collections::BTreeMap<(u32, String), Annotated>;

/// Of more candidates than this, this many are ranked: the best by how
/// well their words matched and by length, then in full (closeness,
/// phrase); the others follow in document order. A list shows a screenful;
/// ranking a million costs more than the 100 ms a key may take.
pub const FULLY_RANKED: usize = 2_000;

/// One thread's share of the index: items from `base` on.
struct Part {
    ids: [FxMap<Box<str>, u32>; 2],
    vocab: Vec<(Box<str>, bool)>,
    postings: Vec<Vec<u32>>,
    /// Each item's first word (`NONE`: no word).
    first: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Part {
    fn build(items: &[Item], base: u32) -> Part {
        let mut ids: [FxMap<Box<str>, u32>; 2] = Default::default();
        let mut vocab: Vec<(Box<str>, bool)> = Vec::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut buf = String::new();
        let mut first = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let i = base + i as u32;
            first.push(NONE);
            for_each_word(&item.text, &mut buf, |w, at| {
                let map = &mut ids[usize::from(at.code)];
                let id = match map.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = vocab.len() as u32;
                        map.insert(w.into(), id);
                        vocab.push((w.into(), at.code));
                        postings.push(Vec::new());
                        id
                    }
                };
                if let Some(f) = first.last_mut()
                    && *f == NONE
                {
                    *f = id;
                }
                let list = &mut postings[id as usize];
                if list.last() != Some(&i) {
                    list.push(i);
                }
            });
        }
        Part { ids, vocab, postings, first }
    }
}

pub struct Index {
    pub items: Vec<Item>,
    /// Each item's text length in bytes (ranks shorter first), and its
    /// node: kept apart from `items` so a pass over a million reads little.
    lens: Vec<u32>,
    pub nodes: Vec<u32>,
    /// Each item's first word: `^prefix` looks there only.
    first: Vec<u32>,
    /// Word → vocabulary id, one map for words read as codes (`INTERPOL`),
    /// one for the rest.
    ids: [FxMap<Box<str>, u32>; 2],
    /// Vocabulary id → (word, read as code).
    vocab: Vec<(Box<str>, bool)>,
    /// Vocabulary id → the items holding it, ascending.
    postings: Vec<Vec<u32>>,
}

impl Index {
    /// Index `items`, on every core: each thread indexes a run of items,
    /// then their vocabularies are merged (postings stay ascending because
    /// the runs are in order).
    pub fn build(items: Vec<Item>) -> Index {
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 8);
        let chunk = items.len().div_ceil(threads).max(1);
        let parts: Vec<Part> = std::thread::scope(|scope| {
            let handles: Vec<_> = items
                .chunks(chunk)
                .enumerate()
                .map(|(k, run)| scope.spawn(move || Part::build(run, (k * chunk) as u32)))
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        });
        let mut parts = parts.into_iter();
        let Some(first) = parts.next() else {
            return Index {
                items,
                lens: Vec::new(),
                nodes: Vec::new(),
                first: Vec::new(),
                ids: Default::default(),
                vocab: Vec::new(),
                postings: Vec::new(),
            };
        };
        let Part { mut ids, mut vocab, mut postings, first: mut firsts } = first;
        for part in parts {
            // The part's word ids, as ids of the whole.
            let mut global = Vec::with_capacity(part.vocab.len());
            for ((word, code), list) in part.vocab.into_iter().zip(part.postings) {
                let map = &mut ids[usize::from(code)];
                match map.get(&word) {
                    Some(&id) => {
                        postings[id as usize].extend(list);
                        global.push(id);
                    }
                    None => {
                        let id = vocab.len() as u32;
                        map.insert(word.clone(), id);
                        vocab.push((word, code));
                        postings.push(list);
                        global.push(id);
                    }
                }
            }
            firsts.extend(part.first.iter().map(|&f| global.get(f as usize).copied().unwrap_or(NONE)));
        }
        let lens = items.iter().map(|it| it.text.len().min(u32::MAX as usize) as u32).collect();
        let nodes = items.iter().map(|it| it.node).collect();
        Index { items, lens, nodes, first: firsts, ids, vocab, postings }
    }

    /// The annotations of `notes` ((document, clause id) → annotation)
    /// keyed by item, for `search`.
    pub fn annotations(&self, notes: &NoteSet) -> Annotations {
        if notes.is_empty() {
            return Annotations::new();
        }
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, it)| notes.get(&(it.doc, it.id.to_string())).map(|a| (i as u32, a.clone())))
            .collect()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every item that matches: the best `FULLY_RANKED` first (best
    /// first, ties in document order), then the rest in document order.
    /// None if `cancelled` said so (a newer query is waiting) before it was
    /// done.
    pub fn search(&self, q: &Compiled, notes: &Annotations, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Vec<u32>> {
        if q.is_empty() {
            return Some(Vec::new());
        }
        let n = self.items.len();
        // How each vocabulary word matches each query word.
        let masks: Vec<u64> =
            if q.words.is_empty() { Vec::new() } else { self.vocab.iter().map(|(w, c)| q.word_mask(w, *c)).collect() };
        let annotated: Vec<(usize, &Annotated)> = {
            let mut v: Vec<(usize, &Annotated)> =
                notes.iter().filter_map(|(&i, a)| ((i as usize) < n).then_some((i as usize, a))).collect();
            v.sort_unstable_by_key(|(i, _)| *i);
            v
        };
        // Per query word: the best quality each item reached (0: none).
        let mut quality: Vec<Vec<u8>> = Vec::new();
        for (k, (_, chars)) in q.words.iter().enumerate() {
            let mut best = vec![0u8; n];
            for (id, m) in masks.iter().enumerate() {
                let v = ((m >> (4 * k)) & 0xF) as u8;
                if v == 0 {
                    continue;
                }
                for &i in &self.postings[id] {
                    let slot = &mut best[i as usize];
                    *slot = (*slot).max(v);
                }
            }
            if id_may_match(chars) {
                for (i, item) in self.items.iter().enumerate() {
                    if best[i] == 0 && id_matches(chars, &item.id) {
                        best[i] = 1;
                    }
                }
            }
            let mut memo = Memo::default();
            let mut buf = String::new();
            for &(i, a) in &annotated {
                for_each_word(&a.note, &mut buf, |w, at| {
                    let v = ((memo.mask(q, w, at.code) >> (4 * k)) & 0xF) as u8;
                    best[i] = best[i].max(v);
                });
            }
            quality.push(best);
            if cancelled() {
                return None;
            }
        }
        // The other atoms: which clauses can match. A one-word `'exact` or
        // `!not` is answered here; the rest (`^prefix`, `suffix$`, a capital,
        // punctuation) are narrowed here and checked on the text below.
        let mut maybe: Vec<Vec<bool>> = Vec::new();
        for atom in q.atoms.iter().filter(|a| a.kind != Kind::Word) {
            if atom.kind == Kind::Tag {
                let mut m = vec![false; n];
                for &(i, a) in &annotated {
                    m[i] = a.tags.iter().any(|t| t.eq_ignore_ascii_case(&atom.text));
                }
                maybe.push(m);
                continue;
            }
            if atom.words.is_empty() || (atom.kind == Kind::Not && !atom.indexed()) {
                continue;
            }
            if atom.kind == Kind::Prefix {
                // The clause's first word starts with the atom's first word.
                let want = &atom.words[0];
                let starts: Vec<bool> = self.vocab.iter().map(|(w, _)| w.starts_with(want.as_str())).collect();
                let mut m: Vec<bool> =
                    self.first.iter().map(|&f| starts.get(f as usize).copied().unwrap_or(false)).collect();
                m.resize(n, false);
                maybe.push(m);
                continue;
            }
            let mut m = vec![true; n];
            for word in &atom.words {
                let mut has = vec![false; n];
                for (id, (w, _)) in self.vocab.iter().enumerate() {
                    if w.contains(word.as_str()) {
                        for &i in &self.postings[id] {
                            has[i as usize] = true;
                        }
                    }
                }
                for &(i, a) in &annotated {
                    has[i] |= !atom.indexed() || folded(&a.note).contains(word.as_str());
                }
                m.iter_mut().zip(&has).for_each(|(a, b)| *a &= *b);
            }
            if atom.kind == Kind::Not {
                m.iter_mut().for_each(|v| *v = !*v);
            }
            maybe.push(m);
        }
        let mut candidates: Vec<u32> = (0..n)
            .filter(|&i| quality.iter().all(|q| q[i] > 0) && maybe.iter().all(|m| m[i]))
            .map(|i| i as u32)
            .collect();
        if cancelled() {
            return None;
        }
        let subject = |i: u32| {
            let item = &self.items[i as usize];
            let a = annotated.binary_search_by_key(&(i as usize), |(j, _)| *j).ok().map(|k| annotated[k].1);
            Subject {
                text: &item.text,
                id: &item.id,
                tags: a.map_or(&[][..], |a| &a.tags[..]),
                note: a.map_or("", |a| a.note.as_str()),
            }
        };
        // The atoms the index could not answer alone, on the text.
        if q.atoms.iter().any(|a| a.kind != Kind::Word && a.kind != Kind::Tag && !a.indexed()) {
            candidates = parallel_until(&candidates, cancelled, |part| {
                part.iter().copied().filter(|&i| q.filters(subject(i), true)).collect()
            })?;
        }
        let lookup = |memo: &mut Memo, w: &str, code: bool| -> u64 {
            match self.ids[usize::from(code)].get(w) {
                Some(&id) => masks.get(id as usize).copied().unwrap_or(0),
                None => memo.mask(q, w, code),
            }
        };
        let full = |part: &[u32]| -> Vec<(u32, Score)> {
            let mut memo = Memo::default();
            part.iter()
                .filter_map(|&i| q.score(subject(i), &mut |w, c| lookup(&mut memo, w, c)).map(|s| (i, s)))
                .collect()
        };
        if candidates.len() <= FULLY_RANKED {
            let mut ranked = parallel(&candidates, full);
            sort(&mut ranked);
            return Some(ranked.into_iter().map(|(i, _)| i).collect());
        }
        // Many: the best by the index's qualities and length are ranked in
        // full; the others follow in document order.
        let mut coarse: Vec<(Score, u32)> = candidates
            .iter()
            .map(|&i| {
                let i_ = i as usize;
                let exact = quality.iter().filter(|b| b[i_] == 4).count() as u64;
                let sum: u64 = quality.iter().map(|b| u64::from(b[i_])).sum();
                let len = u64::from(self.lens[i_]).min(0x3FFF_FFFF);
                ((exact << 58) | (sum.min(0xFF) << 50) | (0x3FFF_FFFF - len), i)
            })
            .collect();
        if cancelled() {
            return None;
        }
        coarse.select_nth_unstable_by(FULLY_RANKED, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut top: Vec<u32> = coarse[..FULLY_RANKED].iter().map(|&(_, i)| i).collect();
        drop(coarse);
        top.sort_unstable();
        if cancelled() {
            return None;
        }
        let mut ranked = parallel(&top, full);
        sort(&mut ranked);
        let mut out: Vec<u32> = Vec::with_capacity(candidates.len());
        out.extend(ranked.iter().map(|&(i, _)| i));
        // The others, in document order: both lists are ascending.
        let mut t = top.iter().peekable();
        for i in candidates {
            if t.next_if(|&&x| x == i).is_none() {
                out.push(i);
            }
        }
        Some(out)
    }
}

fn sort(v: &mut [(u32, Score)]) {
    v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
}

/// `f` over `items` in chunks on the machine's cores, results in order.
pub fn parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(8);
    if threads == 1 || items.len() < 4096 {
        return f(items);
    }
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items.chunks(chunk).map(|part| scope.spawn(move || f(part))).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// `parallel`, giving up (None) as soon as `cancelled` says so: each
/// thread checks between runs of a few thousand items.
pub fn parallel_until<T: Sync + Copy, R: Send>(
    items: &[T],
    cancelled: &(dyn Fn() -> bool + Sync),
    f: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Option<Vec<R>> {
    let out = parallel(items, |part| {
        let mut out = Vec::new();
        for run in part.chunks(8192) {
            if cancelled() {
                return Vec::new();
            }
            out.extend(f(run));
        }
        out
    });
    (!cancelled()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> Index {
        Index::build(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Item {
                    node: i as u32,
                    doc: 0,
                    text: Text::from(*t),
                    id: format!("X/1:op.{}", i + 1).into(),
                })
                .collect(),
        )
    }

    #[test]
    fn finds_words_and_ranks_them() {
        let ix = index(&["a hotline", "hotlines and more", "the hot line", "data sharing", "sharing of data"]);
        let hits = ix.search(&Compiled::new("hotline"), &Annotations::new(), &|| false).unwrap_or_default();
        assert_eq!(hits, [0, 1]);
        let hits = ix.search(&Compiled::new("data sharing"), &Annotations::new(), &|| false).unwrap_or_default();
        assert_eq!(hits, [3, 4]);
        let hits = ix.search(&Compiled::new("'hot line"), &Annotations::new(), &|| false).unwrap_or_default();
        assert_eq!(hits, [2]);
        let hits = ix.search(&Compiled::new("^sharing"), &Annotations::new(), &|| false).unwrap_or_default();
        assert_eq!(hits, [4]);
        let mut notes = Annotations::new();
        notes.insert(2, Annotated { tags: vec!["amend".into()], note: "see the hotline".into() });
        let hits = ix.search(&Compiled::new("#amend"), &notes, &|| false).unwrap_or_default();
        assert_eq!(hits, [2]);
        let hits = ix.search(&Compiled::new("hotline"), &notes, &|| false).unwrap_or_default();
        assert_eq!(hits.len(), 3, "the note counts");
        let hits = ix.search(&Compiled::new("!data"), &notes, &|| false).unwrap_or_default();
        assert_eq!(hits.len(), 3);
    }

    #[test]
    fn many_hits_rank_the_best_then_keep_document_order() {
        let long = "a long clause that mentions the hotline among other matters";
        let mut texts = vec![long; FULLY_RANKED * 2];
        texts[3000] = "hotline";
        let ix = index(&texts);
        let hits = ix.search(&Compiled::new("hotline"), &Annotations::new(), &|| false).unwrap_or_default();
        assert_eq!(hits.len(), texts.len());
        assert_eq!(hits[0], 3000, "the shortest first");
        let rest = &hits[FULLY_RANKED..];
        assert!(rest.windows(2).all(|w| w[0] < w[1]), "the others in document order");
        let mut all = hits.clone();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), texts.len(), "each once");
        assert!(ix.search(&Compiled::new("hotline"), &Annotations::new(), &|| true).is_none(), "cancelled");
    }
}
