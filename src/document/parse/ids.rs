//! Clause ids: `CODE:pre.N`, `CODE:op.L1.L2`, `CODE:annexK.op.L1`.
//! Labels are used as printed (`17`, `d`, `iv`); unlabelled items (bullets)
//! are numbered `p1`, `p2`… among their siblings; a label repeated among
//! siblings gets a `~2` suffix. Ids are paths, so unique siblings make every
//! id in a resolution unique.

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

fn number_preamble(clauses: &mut [Clause], base: &str) {
    for (i, c) in clauses.iter_mut().enumerate() {
        c.id = join(base, &format_compact!("{}", i + 1));
        number_items(&mut c.children, &c.id);
    }
}

fn number_items(clauses: &mut [Clause], base: &str) {
    let mut unlabelled = 0;
    let mut used: Vec<CompactString> = Vec::with_capacity(clauses.len());
    for c in clauses.iter_mut() {
        let mut segment = segment(&c.label);
        if segment.is_empty() {
            unlabelled += 1;
            segment = format_compact!("p{unlabelled}");
        }
        if used.contains(&segment) {
            let base_segment = segment.clone();
            segment = (2..)
                .map(|n| format_compact!("{base_segment}~{n}"))
                .find(|s| !used.contains(s))
                .unwrap_or(base_segment);
        }
        c.id = join(base, &segment);
        used.push(segment);
        number_items(&mut c.children, &c.id);
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
