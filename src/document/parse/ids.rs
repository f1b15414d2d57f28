//! Clause ids: `CODE:pre.N`, `CODE:op.L1.L2`, `CODE:annexK.op.L1`.
//! Labels are used as printed (`17`, `d`, `iv`); unlabelled items (bullets)
//! are numbered `p1`, `p2`… among their siblings; a label repeated among
//! siblings gets a `~2` suffix. Ids are paths, so unique siblings make every
//! id in a resolution unique.

use std::collections::{HashMap, HashSet};

use compact_str::{CompactString, format_compact};

use crate::document::model::{Clause, Resolution};

pub fn assign(res: &mut Resolution) {
    let code = res.code.clone();
    number_preamble(&mut res.preamble, &format!("{code}:pre"));
    number_items(&mut res.operative, &format!("{code}:op"));
    for (k, annex) in res.annexes.iter_mut().enumerate() {
        let base = format!("{code}:annex{}", k + 1);
        number_preamble(&mut annex.preamble, &format!("{base}.pre"));
        number_items(&mut annex.operative, &format!("{base}.op"));
    }
}

/// Whether `assign` already made the resolution's ids from its present
/// code (its first clause's id starts with it); true when it has no clause.
pub fn made_for_code(res: &Resolution) -> bool {
    let first = res
        .preamble
        .first()
        .or(res.operative.first())
        .or_else(|| res.annexes.iter().find_map(|a| a.preamble.first().or(a.operative.first())));
    first.is_none_or(|c| c.id.strip_prefix(res.code.as_str()).is_some_and(|rest| rest.starts_with(':')))
}

fn number_preamble(clauses: &mut [Clause], base: &str) {
    for (i, c) in clauses.iter_mut().enumerate() {
        c.id = join(base, &format_compact!("{}", i + 1));
        number_items(&mut c.children, &c.id);
    }
}

fn number_items(clauses: &mut [Clause], base: &str) {
    let mut unlabelled = 0;
    // A set, and for each repeated label the next suffix to try: a run of
    // n equal labels costs O(n), not the O(n³) of searching a list for
    // every candidate suffix.
    let mut used = Used::new(clauses.len());
    let mut next_suffix: HashMap<CompactString, u32> = HashMap::new();
    for c in clauses.iter_mut() {
        let mut segment = segment(&c.label);
        if segment.is_empty() {
            unlabelled += 1;
            segment = format_compact!("p{unlabelled}");
        }
        if used.contains(&segment) {
            let n = next_suffix.entry(segment.clone()).or_insert(2);
            let mut candidate = format_compact!("{segment}~{n}");
            while used.contains(&candidate) {
                *n += 1;
                candidate = format_compact!("{segment}~{n}");
            }
            *n += 1;
            segment = candidate;
        }
        c.id = join(base, &segment);
        used.insert(segment);
        number_items(&mut c.children, &c.id);
    }
}

/// The segments taken among one list of siblings. Most lists are short
/// (a clause's two or three items): they are searched in a list, which
/// costs less than hashing; a long one gets a set, so a run of n repeated
/// labels stays O(n).
enum Used {
    Few(Vec<CompactString>),
    Many(HashSet<CompactString>),
}

impl Used {
    /// Up to this many siblings, a list.
    const FEW: usize = 16;

    fn new(siblings: usize) -> Used {
        if siblings <= Self::FEW {
            Used::Few(Vec::with_capacity(siblings))
        } else {
            Used::Many(HashSet::with_capacity(siblings))
        }
    }

    fn contains(&self, segment: &CompactString) -> bool {
        match self {
            Used::Few(list) => list.contains(segment),
            Used::Many(set) => set.contains(segment),
        }
    }

    fn insert(&mut self, segment: CompactString) {
        match self {
            Used::Few(list) => list.push(segment),
            Used::Many(set) => {
                set.insert(segment);
            }
        }
    }
}

/// The id segment for a printed label: letters and digits only, so that `.`
/// stays the separator (`b.1` → `b1`); bullets have none.
fn segment(label: &str) -> CompactString {
    if label.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // Nearly every label (`17`, `d`, `iv`): copied as it is.
        return CompactString::from(label);
    }
    label.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// `base.segment`, allocated once at its final size (`push_str` of a
/// `&str`: compact_str's `push` of a char costs several times more).
fn join(base: &str, segment: &str) -> CompactString {
    // Nearly every id fits in compact_str's inline 24 bytes: assembled on
    // the stack and copied in once.
    let len = base.len() + 1 + segment.len();
    let mut buf = [0u8; 24];
    if len <= buf.len() {
        buf[..base.len()].copy_from_slice(base.as_bytes());
        buf[base.len()] = b'.';
        buf[base.len() + 1..len].copy_from_slice(segment.as_bytes());
        if let Ok(id) = std::str::from_utf8(&buf[..len]) {
            return CompactString::from(id);
        }
    }
    let mut id = CompactString::with_capacity(len);
    id.push_str(base);
    id.push_str(".");
    id.push_str(segment);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str) -> Clause {
        Clause { label: label.into(), ..Clause::default() }
    }

    #[test]
    fn repeated_labels_get_distinct_suffixes_in_order() {
        let mut res = Resolution { code: "X".into(), ..Resolution::default() };
        // `a~2` is also printed as a label: the generated suffix skips it.
        res.operative = ["a", "a", "a~2", "b", "a", "", ""].into_iter().map(item).collect();
        assign(&mut res);
        let ids: Vec<&str> = res.operative.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["X:op.a", "X:op.a~2", "X:op.a2", "X:op.b", "X:op.a~3", "X:op.p1", "X:op.p2"]);
    }

    #[test]
    fn ids_are_known_to_be_made_for_the_present_code_only() {
        let mut res = Resolution { code: "A/RES/77/128".into(), ..Resolution::default() };
        assert!(made_for_code(&res), "no clause, nothing to make");
        res.operative = ["1", "2"].into_iter().map(item).collect();
        assert!(!made_for_code(&res));
        assign(&mut res);
        assert!(made_for_code(&res));
        // A part letter found later: the ids are made again.
        res.code = "A/RES/77/128 B".into();
        assert!(!made_for_code(&res));
        assign(&mut res);
        assert_eq!(res.operative[1].id, "A/RES/77/128 B:op.2");
        res.code = "A/RES/77/12".into();
        assert!(!made_for_code(&res), "a code that begins another's");
    }

    #[test]
    fn many_repeated_labels_are_numbered_in_linear_time() {
        // 20,000 siblings all labelled `a` (a 1 MB list of ` - a. item;`):
        // looking every candidate up in a list took minutes; a set takes
        // milliseconds. The bound is generous for a debug build.
        let mut res = Resolution { code: "X".into(), ..Resolution::default() };
        res.operative = (0..20_000).map(|_| item("a")).collect();
        let start = std::time::Instant::now();
        assign(&mut res);
        assert!(start.elapsed() < std::time::Duration::from_secs(5), "{:?}", start.elapsed());
        let mut ids: Vec<&str> = res.operative.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.last().copied(), Some("X:op.a~20000"));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 20_000);
    }
}
