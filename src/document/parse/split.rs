//! Large inputs are parsed in two halves on two threads. The split is made
//! only at a line that always starts a new resolution (`Code:` or an
//! official `United Nations S/RES/…` header), so each half parses exactly
//! as it would inside the whole; the second half numbers its lines from
//! where it starts, and the two models are joined.

use std::sync::Arc;

use super::parse_structure;
use crate::document::model::Document;

/// Below this size a second thread costs more than it saves.
const PARALLEL_FROM: usize = 4 << 20;

pub fn parse_in_parallel(shared: &Arc<String>) -> Document {
    let text: &str = shared;
    if text.len() < PARALLEL_FROM {
        return parse_structure(text, shared, 1);
    }
    let Some(at) = split_point(text) else {
        return parse_structure(text, shared, 1);
    };
    let (first, second) = text.split_at(at);
    // The second half numbers its lines as in the whole, so neither model
    // is walked again to renumber it. Its first line's number is counted
    // (memchr's vectorised count) on its own thread, while this one starts
    // on the first half.
    let second_from = || {
        let before = memchr::memchr_iter(b'\n', first.as_bytes()).count();
        u32::try_from(before).unwrap_or(u32::MAX).saturating_add(1)
    };
    let (mut a, b) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| parse_structure(second, shared, second_from()));
        let a = parse_structure(first, shared, 1);
        // A panic in the parser is a bug; fall back to one thread rather
        // than lose the document.
        let b = handle.join().unwrap_or_else(|_| parse_structure(second, shared, second_from()));
        (a, b)
    });
    append(&mut a, b);
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

fn append(a: &mut Document, mut b: Document) {
    a.front.lines.append(&mut b.front.lines);
    a.front.title_block.append(&mut b.front.title_block);
    a.front.staff.append(&mut b.front.staff);
    a.front.agenda.append(&mut b.front.agenda);
    a.front.adopted.append(&mut b.front.adopted);
    a.front.summary.append(&mut b.front.summary);
    a.furniture.append(&mut b.furniture);
    a.unplaced.append(&mut b.unplaced);
    a.split_lines.append(&mut b.split_lines);
    a.footnotes.append(&mut b.footnotes);
    a.resolutions.append(&mut b.resolutions);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::corpus;

    /// The two-thread parse gives exactly the one-thread model.
    #[test]
    fn parallel_and_serial_parses_agree() {
        let text = Arc::new(corpus::generate(PARALLEL_FROM + 100_000));
        let serial = parse_structure(&text, &text, 1);
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
        // Line numbers everywhere are the whole text's.
        assert_eq!(serial.furniture, parallel.furniture);
        assert_eq!(serial.split_lines, parallel.split_lines);
        assert_eq!(serial.unplaced, parallel.unplaced);
        assert_eq!(serial.footnotes, parallel.footnotes);
        let last = |d: &Document| d.resolutions.last().and_then(|r| r.operative.last()).map(|c| c.lines);
        assert!(last(&parallel).is_some_and(|l| l.first as usize > text.len() / 400), "late lines numbered late");
        assert_eq!(last(&serial), last(&parallel));
    }
}
