//! Large inputs are parsed in two halves on two threads. The split is made
//! only at a line that always starts a new resolution (`Code:` or an
//! official `United Nations S/RES/…` header), so each half parses exactly
//! as it would inside the whole; line numbers of the second half are then
//! shifted and the two models joined.

use std::sync::Arc;

use super::parse_structure;
use crate::document::model::{Clause, Document};

/// Below this size a second thread costs more than it saves.
const PARALLEL_FROM: usize = 4 << 20;

pub fn parse_in_parallel(shared: &Arc<String>) -> Document {
    let text: &str = shared;
    if text.len() < PARALLEL_FROM {
        return parse_structure(text, shared);
    }
    let Some(at) = split_point(text) else {
        return parse_structure(text, shared);
    };
    let (first, second) = text.split_at(at);
    // (Counted with memchr's vectorised count: this runs before the
    // threads start.)
    let offset = u32::try_from(memchr::memchr_iter(b'\n', first.as_bytes()).count()).unwrap_or(u32::MAX);
    let (mut a, b) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| parse_structure(second, shared));
        let a = parse_structure(first, shared);
        // A panic in the parser is a bug; fall back to one thread rather
        // than lose the document.
        let b = handle.join().unwrap_or_else(|_| parse_structure(second, shared));
        (a, b)
    });
    append(&mut a, b, offset);
    a
}

/// The start of a resolution-opening line near the middle of the text.
fn split_point(text: &str) -> Option<usize> {
    let middle = text.len() / 2;
    let mut from = middle;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    // Line by line from the middle: the first resolution opening wins, so
    // the search stops near the middle instead of scanning to the end.
    let rest = &text[from..];
    rest.match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&start| {
            let line = &rest[start..];
            ["Code:", "United Nations S/RES/", "United Nations A/RES/"].iter().any(|m| line.starts_with(m))
        })
        .map(|start| from + start)
}

fn append(a: &mut Document, mut b: Document, offset: u32) {
    let shift = |n: &mut u32| *n = n.saturating_add(offset);
    b.front.lines.iter_mut().for_each(shift);
    b.furniture.iter_mut().for_each(shift);
    b.unplaced.iter_mut().for_each(|l| shift(&mut l.line));
    for f in &mut b.footnotes {
        f.lines.iter_mut().for_each(shift);
    }
    for l in b.front.title_block.iter_mut().chain(&mut b.front.staff) {
        shift(&mut l.line);
    }
    for r in &mut b.resolutions {
        r.header_lines.iter_mut().for_each(shift);
        r.header.iter_mut().for_each(|l| shift(&mut l.line));
        let mut lists: Vec<&mut Vec<Clause>> = vec![&mut r.preamble, &mut r.operative];
        for annex in &mut r.annexes {
            annex.heading_lines.iter_mut().for_each(shift);
            lists.push(&mut annex.preamble);
            lists.push(&mut annex.operative);
        }
        for list in lists {
            shift_clauses(list, offset);
        }
    }
    a.front.lines.append(&mut b.front.lines);
    a.front.title_block.append(&mut b.front.title_block);
    a.front.staff.append(&mut b.front.staff);
    a.front.agenda.append(&mut b.front.agenda);
    a.front.adopted.append(&mut b.front.adopted);
    a.front.summary.append(&mut b.front.summary);
    a.furniture.append(&mut b.furniture);
    a.unplaced.append(&mut b.unplaced);
    b.split_lines.iter_mut().for_each(shift);
    a.split_lines.append(&mut b.split_lines);
    a.footnotes.append(&mut b.footnotes);
    a.resolutions.append(&mut b.resolutions);
}

fn shift_clauses(list: &mut [Clause], offset: u32) {
    for c in list {
        c.lines.first = c.lines.first.saturating_add(offset);
        c.lines.last = c.lines.last.saturating_add(offset);
        shift_clauses(&mut c.children, offset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::corpus;

    /// The two-thread parse gives exactly the one-thread model.
    #[test]
    fn parallel_and_serial_parses_agree() {
        let text = Arc::new(corpus::generate(PARALLEL_FROM + 100_000));
        let serial = parse_structure(&text, &text);
        let parallel = parse_in_parallel(&text);
        assert!(split_point(&text).is_some());
        assert_eq!(serial.resolutions.len(), parallel.resolutions.len());
        for (x, y) in serial.resolutions.iter().zip(&parallel.resolutions) {
            assert_eq!(x.code, y.code);
            assert_eq!(x.header_lines, y.header_lines);
            assert_eq!(x.preamble, y.preamble);
            assert_eq!(x.operative, y.operative);
        }
        assert_eq!(serial.front.lines, parallel.front.lines);
    }
}
