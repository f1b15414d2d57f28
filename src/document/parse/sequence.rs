//! Paragraph numbers out of sequence (a 7 after a 5, a 4 printed twice).
//! The printed numbers are kept as they are: a note or a citation names
//! the paragraph the page shows, and a repeated number gets a distinct id
//! (`op.4~2`, `ids`). What the page got wrong is said, not mended: each
//! break in the sequence becomes a notice `reso outline` and the detail
//! pane show.

use crate::document::model::{Clause, Document};

/// Add a notice for every break in the operative numbering of each
/// resolution and annex. A paragraph 1 starts a new sequence (a section,
/// a declaration in an annex); the first number is whatever it is (an
/// excerpt may start anywhere).
pub fn report(doc: &mut Document) {
    let mut notices = Vec::new();
    for res in &doc.resolutions {
        let mut found = Vec::new();
        breaks(&res.operative, &res.code, "", &mut found);
        for (k, annex) in res.annexes.iter().enumerate() {
            breaks(&annex.operative, &res.code, &format!(" annex {}", k + 1), &mut found);
        }
        // A list of thousands of "1." lines must not bury the outline.
        if found.len() > MOST {
            let more = found.len() - MOST;
            found.truncate(MOST);
            found.push(format!("{}: {more} more paragraph numbers out of sequence", res.code));
        }
        notices.append(&mut found);
    }
    doc.notices.extend(notices);
}

/// Breaks reported one by one for each resolution; the rest are counted.
const MOST: usize = 10;

fn breaks(list: &[Clause], code: &str, place: &str, out: &mut Vec<String>) {
    let mut last: Option<u32> = None;
    for c in list {
        let Ok(n) = c.label.parse::<u32>() else { continue };
        match last {
            Some(p) if n == p => {
                out.push(format!("{code}{place}: paragraph {n} is printed twice (the second is {})", c.id));
            }
            Some(p) if n != p + 1 && n != 1 => {
                out.push(format!("{code}{place}: paragraph {n} follows paragraph {p} (kept as printed)"));
            }
            _ => {}
        }
        last = Some(n);
    }
}
