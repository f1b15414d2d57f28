//! Which clause of the old revision is which clause of the new one, in the
//! order notes use to follow a clause (src/annotate/anchor.rs): the same id
//! and text; the same text under another id; the same id, reworded; other
//! wording similar enough to be clearly one clause. Then what is left is
//! looked at for splits and merges, and the rest is struck or added.

use std::collections::{HashMap, HashSet};

use super::words::{plain, word_diff};
use super::{Change, Item, Kind};
use crate::annotate::model::words;

/// A clause keeps its id and counts as reworded if this much of its wording
/// (Jaccard similarity of word sets) is still there, as for notes.
const SAME_ID_SIMILARITY: f64 = 0.5;
/// A clause under another id is the same clause, reworded, only if the
/// wording matches this well and clearly better than the next candidate.
const MOVE_SIMILARITY: f64 = 0.6;
const MOVE_MARGIN: f64 = 0.1;
/// A split: each new part is mostly (this share of its words) made of the
/// old clause, and together they hold this share of the old clause's words.
const PART_OF: f64 = 0.7;
const COVERS: f64 = 0.7;
/// A reworded clause is half of a split or merge only if the other half
/// adds this much to how much of the whole is covered.
const PARTNER_GAIN: f64 = 0.15;

type Words = HashSet<String>;

fn word_set(text: &str) -> Words {
    words(text).collect()
}

/// A hash of a text's lower-cased alphanumeric words (what notes'
/// fingerprints hold), made without allocating: every clause of both
/// revisions gets one.
fn fingerprint(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |b: u8| {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    };
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            in_word = true;
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                l.encode_utf8(&mut buf).bytes().for_each(&mut mix);
            }
        } else if in_word {
            in_word = false;
            mix(b' ');
        }
    }
    if in_word {
        mix(b' ');
    }
    hash
}

fn jaccard(a: &Words, b: &Words) -> f64 {
    let union = a.union(b).count();
    if union == 0 { 0.0 } else { a.intersection(b).count() as f64 / union as f64 }
}

/// The share of `part`'s words that are in `whole`.
fn contained(part: &Words, whole: &Words) -> f64 {
    if part.is_empty() { 0.0 } else { part.intersection(whole).count() as f64 / part.len() as f64 }
}

struct Sides<'a> {
    old: &'a [Item<'a>],
    new: &'a [Item<'a>],
    old_fp: Vec<u64>,
    new_fp: Vec<u64>,
    /// old index → new index, and back.
    to_new: Vec<Option<usize>>,
    to_old: Vec<Option<usize>>,
}

impl Sides<'_> {
    fn link(&mut self, i: usize, j: usize) {
        self.to_new[i] = Some(j);
        self.to_old[j] = Some(i);
    }
}

pub fn changes(old: &[Item<'_>], new: &[Item<'_>]) -> Vec<Change> {
    let mut s = Sides {
        old,
        new,
        old_fp: old.iter().map(|i| fingerprint(i.text)).collect(),
        new_fp: new.iter().map(|i| fingerprint(i.text)).collect(),
        to_new: vec![None; old.len()],
        to_old: vec![None; new.len()],
    };
    let new_by_local: HashMap<&str, usize> = new.iter().enumerate().map(|(j, n)| (n.local, j)).collect();

    // 1. Same id, same text.
    for (i, o) in old.iter().enumerate() {
        if let Some(&j) = new_by_local.get(o.local)
            && s.new_fp[j] == s.old_fp[i]
        {
            s.link(i, j);
        }
    }
    // 2. The same text under another id: paired in order among the clauses
    //    that share it.
    let mut new_by_fp: HashMap<u64, Vec<usize>> = HashMap::new();
    for j in (0..new.len()).filter(|&j| s.to_old[j].is_none()) {
        new_by_fp.entry(s.new_fp[j]).or_default().push(j);
    }
    let mut pairs = Vec::new();
    for i in (0..old.len()).filter(|&i| s.to_new[i].is_none()) {
        if let Some(list) = new_by_fp.get_mut(&s.old_fp[i])
            && !list.is_empty()
        {
            pairs.push((i, list.remove(0)));
        }
    }
    for (i, j) in pairs {
        s.link(i, j);
    }
    // Word sets only for what is still unmatched.
    let old_words: Vec<Option<Words>> =
        (0..old.len()).map(|i| s.to_new[i].is_none().then(|| word_set(old[i].text))).collect();
    let new_words: Vec<Option<Words>> =
        (0..new.len()).map(|j| s.to_old[j].is_none().then(|| word_set(new[j].text))).collect();
    // 3. Same id, reworded.
    for i in 0..old.len() {
        if let (Some(ow), Some(&j)) = (&old_words[i], new_by_local.get(old[i].local))
            && let Some(nw) = &new_words[j]
            && s.to_old[j].is_none()
            && jaccard(ow, nw) >= SAME_ID_SIMILARITY
        {
            s.link(i, j);
        }
    }
    // 4. Reworded under another id: the best clear match, best pairs first.
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for i in (0..old.len()).filter(|&i| s.to_new[i].is_none()) {
        let Some(ow) = &old_words[i] else { continue };
        let mut cands: Vec<(f64, usize)> = (0..new.len())
            .filter(|&j| s.to_old[j].is_none())
            .filter_map(|j| new_words[j].as_ref().map(|nw| (jaccard(ow, nw), j)))
            .collect();
        cands.sort_by(|a, b| b.0.total_cmp(&a.0));
        if let Some(&(best, j)) = cands.first()
            && best >= MOVE_SIMILARITY
            && best - cands.get(1).map_or(0.0, |c| c.0) >= MOVE_MARGIN
        {
            scored.push((best, i, j));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, i, j) in scored {
        if s.to_new[i].is_none() && s.to_old[j].is_none() {
            s.link(i, j);
        }
    }
    // 5. Splits and merges: among what is left, and a reworded clause that
    //    is really one part of a split or a merge.
    let mut splits = groups(&s.to_new, &s.to_old, &old_words, &new_words);
    let mut merges = groups(&s.to_old, &s.to_new, &new_words, &old_words);
    let reworded: Vec<(usize, usize)> = (0..old.len())
        .filter_map(|i| s.to_new[i].map(|j| (i, j)))
        .filter(|&(i, j)| s.old_fp[i] != s.new_fp[j])
        .collect();
    for (i, j) in reworded {
        let (Some(ow), Some(nw)) = (&old_words[i], &new_words[j]) else { continue };
        if let Some(m) = partner(nw, ow, &s.to_old, &new_words, &splits.iter().flat_map(|g| g.1.clone()).collect()) {
            s.to_new[i] = None;
            s.to_old[j] = None;
            splits.push((i, if m < j { vec![m, j] } else { vec![j, m] }));
        } else if let Some(k) =
            partner(ow, nw, &s.to_new, &old_words, &merges.iter().flat_map(|g| g.1.clone()).collect())
        {
            s.to_new[i] = None;
            s.to_old[j] = None;
            merges.push((j, if k < i { vec![k, i] } else { vec![i, k] }));
        }
    }
    let split_of: HashMap<usize, usize> = splits.iter().flat_map(|(i, js)| js.iter().map(move |j| (*j, *i))).collect();
    let merged_into: HashMap<usize, usize> =
        merges.iter().flat_map(|(j, is)| is.iter().map(move |i| (*i, *j))).collect();
    let splits: HashMap<usize, Vec<usize>> = splits.into_iter().collect();
    let merges: HashMap<usize, Vec<usize>> = merges.into_iter().collect();

    // 6. In the new revision's order, struck clauses after the clause that
    //    stood before them.
    let mut struck_after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let mut anchor: Option<usize> = None;
    for i in 0..old.len() {
        if let Some(j) = s.to_new[i].or_else(|| merged_into.get(&i).copied()) {
            anchor = Some(anchor.map_or(j, |a| a.max(j)));
        } else if let Some(js) = splits.get(&i) {
            anchor = js.iter().copied().max().or(anchor);
        } else {
            struck_after.entry(anchor).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let struck = |i: usize, after: Option<usize>| Change {
        kind: Kind::Struck,
        old: vec![old[i].local.to_string()],
        new: vec![],
        depth: old[i].depth,
        words: vec![],
        text: plain(old[i].text),
        renumbered: false,
        after: after.map(|j| new[j].local.to_string()),
    };
    out.extend(struck_after.get(&None).into_iter().flatten().map(|&i| struck(i, None)));
    for j in 0..new.len() {
        if let Some(c) = change_at(&s, j, &split_of, &splits, &merges) {
            out.push(c);
        }
        out.extend(struck_after.get(&Some(j)).into_iter().flatten().map(|&i| struck(i, Some(j))));
    }
    out
}

/// For a clause `whole` that became `kept` (reworded): an unmatched clause
/// on `kept`'s side made mostly of `whole`'s words that covers clearly more
/// of `whole` together with `kept` than `kept` alone — the other half of a
/// split (or, with the sides swapped, of a merge).
fn partner(
    kept: &Words,
    whole: &Words,
    matched: &[Option<usize>],
    side_words: &[Option<Words>],
    taken: &HashSet<usize>,
) -> Option<usize> {
    let alone = contained(whole, kept);
    (0..matched.len())
        .filter(|m| matched[*m].is_none() && !taken.contains(m))
        .filter_map(|m| side_words[m].as_ref().map(|w| (m, w)))
        .filter(|(_, w)| contained(w, whole) >= PART_OF)
        .map(|(m, w)| {
            let both: Words = kept.union(w).cloned().collect();
            (m, contained(whole, &both) - alone)
        })
        .filter(|&(_, gain)| gain >= PARTNER_GAIN)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(m, _)| m)
}

/// Unmatched clauses on one side that became several unmatched clauses on
/// the other: (the one, the several).
fn groups(
    from: &[Option<usize>],
    to: &[Option<usize>],
    from_words: &[Option<Words>],
    to_words: &[Option<Words>],
) -> Vec<(usize, Vec<usize>)> {
    let mut taken: HashSet<usize> = HashSet::new();
    let mut out = Vec::new();
    for (i, w) in from_words.iter().enumerate() {
        let (None, Some(w)) = (from[i], w) else { continue };
        let parts: Vec<usize> = (0..to.len())
            .filter(|j| to[*j].is_none() && !taken.contains(j))
            .filter(|&j| to_words[j].as_ref().is_some_and(|t| contained(t, w) >= PART_OF))
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let union: Words = parts.iter().filter_map(|&j| to_words[j].as_ref()).flatten().cloned().collect();
        if contained(w, &union) >= COVERS {
            taken.extend(&parts);
            out.push((i, parts));
        }
    }
    out
}

fn change_at(
    s: &Sides<'_>,
    j: usize,
    split_of: &HashMap<usize, usize>,
    splits: &HashMap<usize, Vec<usize>>,
    merges: &HashMap<usize, Vec<usize>>,
) -> Option<Change> {
    let n = &s.new[j];
    let base = |kind, old: Vec<String>| Change {
        kind,
        old,
        new: vec![n.local.to_string()],
        depth: n.depth,
        words: vec![],
        text: plain(n.text),
        renumbered: false,
        after: None,
    };
    if let Some(i) = s.to_old[j] {
        let o = &s.old[i];
        let renumbered = o.local != n.local && !implied_by_parent(s, o.local, n.local);
        if s.old_fp[i] == s.new_fp[j] {
            let kind = if same_parent(s, o.local, n.local) { Kind::Renumbered } else { Kind::Moved };
            return renumbered.then(|| base(kind, vec![o.local.to_string()]));
        }
        let mut c = base(Kind::Reworded, vec![o.local.to_string()]);
        c.words = word_diff(o.text, n.text);
        c.renumbered = renumbered;
        return Some(c);
    }
    if let Some(&i) = split_of.get(&j) {
        let parts = splits.get(&i)?;
        // The split is told once, at its first part.
        if parts.first() != Some(&j) {
            return None;
        }
        let mut c = base(Kind::Split, vec![s.old[i].local.to_string()]);
        c.new = parts.iter().map(|&p| s.new[p].local.to_string()).collect();
        c.text = parts.iter().map(|&p| plain(s.new[p].text)).collect::<Vec<_>>().join(" / ");
        return Some(c);
    }
    if let Some(is) = merges.get(&j) {
        return Some(base(Kind::Merged, is.iter().map(|&i| s.old[i].local.to_string()).collect()));
    }
    Some(base(Kind::Added, vec![]))
}

/// Whether two clauses hang under the same clause (or both at the top of
/// the same part): then a new number is a renumbering, else a move.
fn same_parent(s: &Sides<'_>, old: &str, new: &str) -> bool {
    let parent = |id: &str| id.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default();
    let (op, np) = (parent(old), parent(new));
    if !op.contains('.') || !np.contains('.') {
        // Paragraphs: the parent is the part (`op`, `pre`, `annex1.op`).
        return op == np;
    }
    let oi = s.old.iter().position(|c| c.local == op);
    let ni = s.new.iter().position(|c| c.local == np);
    matches!((oi, ni), (Some(oi), Some(ni)) if s.to_new[oi] == Some(ni))
}

/// `op.5.a` → `op.6.a` because `op.5` became `op.6`: not a change of the
/// item's own.
fn implied_by_parent(s: &Sides<'_>, old: &str, new: &str) -> bool {
    let (Some((op, ol)), Some((np, nl))) = (old.rsplit_once('.'), new.rsplit_once('.')) else { return false };
    if ol != nl || op == np {
        return false;
    }
    let oi = s.old.iter().position(|c| c.local == op);
    let ni = s.new.iter().position(|c| c.local == np);
    matches!((oi, ni), (Some(oi), Some(ni)) if s.to_new[oi] == Some(ni))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_emphasis_case_and_spacing_only() {
        assert_eq!(fingerprint("*Urges* Member  States;"), fingerprint("urges member states"));
        assert_ne!(fingerprint("Urges Member States"), fingerprint("Urges all Member States"));
        assert_ne!(fingerprint("ab c"), fingerprint("a bc"));
    }
}
