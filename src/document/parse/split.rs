//! Large inputs are parsed in two halves on two threads. The split is made
//! only at a line that always starts a new resolution (`Code:` or an
//! official `United Nations S/RES/…` masthead, which never goes on a
//! paragraph nor is taken for a running title). Both halves are cut into
//! lines at once, the lines are marked (furniture, notes) as one text, and
//! each half's paragraphs and clauses are then read on its own thread, so
//! each half reads exactly as it would inside the whole; the second half
//! numbers its lines from where it starts, and the two models are joined.

use std::sync::Arc;

use super::{layout, parse_structure, segment, structure};
use crate::document::model::Document;

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
    // Both halves are cut into lines at once; the second numbers its lines
    // as in the whole (its first line's number counted on its own thread),
    // so neither model is renumbered afterwards.
    let second_from = || {
        let before = memchr::memchr_iter(b'\n', first.as_bytes()).count();
        u32::try_from(before).unwrap_or(u32::MAX).saturating_add(1)
    };
    let (mut lines, rest) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| layout::cut(second, second_from()));
        let lines = layout::cut(first, 1);
        // A panic in the parser is a bug; fall back to one thread rather
        // than lose the document.
        (lines, handle.join().unwrap_or_else(|_| layout::cut(second, second_from())))
    });
    // Furniture, notes and margin numbers are judged over the whole text
    // (a running header repeated once in each half is still repeated), and
    // so is whether every paragraph is one line. That takes a few
    // milliseconds on one thread: it reads each line's `Looks`, seldom its
    // text.
    let middle = lines.len();
    lines.extend(rest);
    layout::mark(&mut lines);
    let one_line_paragraphs = segment::paragraph_per_line(&lines);
    let (a_lines, b_lines) = lines.split_at(middle);
    let (mut a, b) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| structure(b_lines, shared, one_line_paragraphs));
        let a = structure(a_lines, shared, one_line_paragraphs);
        (a, handle.join().unwrap_or_else(|_| structure(b_lines, shared, one_line_paragraphs)))
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

    /// Official texts one after another (as `cat *.txt` gives them), past
    /// the size that is split: page furniture, running headers and
    /// footnotes are judged against the whole text, whichever half they
    /// fall in, and a masthead opens its resolution in both.
    #[test]
    fn parallel_and_serial_parses_agree_on_official_texts() {
        let official = ["S_RES_1454_2002.txt", "S_RES_1445_2002.txt", "S_RES_0898_1994.txt", "ga_official.txt"];
        // A conference's booklet among them, in another order: other
        // lines fall on either side of the split.
        let mixed = ["ga_official.txt", "ccpcj-2025-conference-a.txt", "S_RES_0898_1994.txt", "a_res_80_6.txt"];
        for names in [&official, &mixed] {
            check_halves_read_as_whole(names);
        }
    }

    fn check_halves_read_as_whole(names: &[&str]) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let texts: Vec<String> = names.iter().map(|n| std::fs::read_to_string(dir.join(n)).expect("fixture")).collect();
        let mut whole = String::new();
        while whole.len() < PARALLEL_FROM + 200_000 {
            for t in &texts {
                whole.push_str(t);
                whole.push('\n');
            }
        }
        let text = Arc::new(whole);
        assert!(split_point(&text).is_some());
        let serial = parse_structure(&text, &text);
        let parallel = parse_in_parallel(&text);
        assert!(serial.furniture.len() > 100, "page furniture is read");
        assert_eq!(serial.furniture, parallel.furniture);
        assert_eq!(serial.footnotes, parallel.footnotes);
        assert_eq!(serial.unplaced, parallel.unplaced);
        // (A set, in no order: `Document` sorts it where it is used.)
        let sorted = |d: &Document| {
            let mut l = d.split_lines.clone();
            l.sort_unstable();
            l
        };
        assert_eq!(sorted(&serial), sorted(&parallel));
        assert_eq!(serial.resolutions.len(), parallel.resolutions.len());
        assert!(serial.resolutions.len() > 100);
        for (x, y) in serial.resolutions.iter().zip(&parallel.resolutions) {
            assert_eq!(x.code, y.code);
            assert_eq!(x.header, y.header);
            assert_eq!(x.header_lines, y.header_lines);
            assert_eq!(x.preamble, y.preamble);
            assert_eq!(x.operative, y.operative);
        }
    }

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
