//! Signature blocks: the lines that close a letter, an annex or a
//! resolution ("(Signed) Mohammad A. Abulhasan", "Ambassador", "Permanent
//! Representative", "President of the General Assembly", "New York, 3
//! April 1991"). They are end matter, not clauses: read as clause text
//! they were glued onto the last paragraph or became a heading. They are
//! marked here, before paragraphs are made, and kept in their
//! resolution's header (its end matter) by `parse::place_signatures`.
//!
//! A block needs an anchor that says "signature": a `(Signed)` line, or a
//! title line ("President of the General Assembly", "Permanent
//! Representative of Kuwait to the United Nations") right under a line
//! that reads as a name. The short lines around an anchor (more titles,
//! the place and date) belong to its block.

use super::front::looks_like_date;
use super::layout::{Kind, Line};
use super::phrase::opening;

/// Titles that sign UN letters and texts, in lower case. A title line is
/// one of these alone or followed by `of …`, `a.i.`, `and …`.
const TITLES: &[&str] = &[
    "president of the general assembly",
    "president of the security council",
    "president of the economic and social council",
    "president of the human rights council",
    "acting president",
    "vice-president",
    "president",
    "secretary-general",
    "deputy secretary-general",
    "under-secretary-general",
    "chair",
    "chairperson",
    "chairman",
    "vice-chair",
    "rapporteur",
    "ambassador",
    "permanent representative",
    "deputy permanent representative",
    "chargé d'affaires",
    "chargé d’affaires",
    "minister for foreign affairs",
    "minister of foreign affairs",
    "secretary of state",
    "head of delegation",
    "high commissioner",
    "executive director",
];

/// Mark signature lines `Kind::Signature`.
pub fn mark(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        if lines[i].kind != Kind::Text || !is_anchor(lines, i) {
            continue;
        }
        // The name above a title.
        let name = i.checked_sub(1).filter(|&p| lines[p].kind == Kind::Text && is_name(lines[p].text));
        // A block stands after a break: a sentence wrapped onto a name-like
        // line and a title-like one goes on from the line before.
        let top = name.unwrap_or(i);
        let after_break = top.checked_sub(1).is_none_or(|p| {
            lines[p].kind != Kind::Text || lines[p].text.trim_end().ends_with(['.', ';', ':', ')', '”', '"'])
        });
        if !after_break {
            continue;
        }
        lines[i].kind = Kind::Signature;
        if let Some(p) = name {
            lines[p].kind = Kind::Signature;
        }
        // The block's other lines: titles, the place and date, after at
        // most one blank line.
        let mut j = i + 1;
        let mut blanks = 0;
        while j < lines.len() && blanks <= 1 {
            match lines[j].kind {
                Kind::Blank => blanks += 1,
                Kind::Text if blanks == 0 && is_block_line(lines[j].text) || is_place_and_date(lines[j].text) => {
                    lines[j].kind = Kind::Signature;
                    blanks = 0;
                }
                _ => break,
            }
            j += 1;
        }
        // A place and date just above the block ("New York, 3 April 1991").
        if let Some(p) = (0..i).rev().take(3).find(|&p| lines[p].kind == Kind::Text)
            && is_place_and_date(lines[p].text)
        {
            lines[p].kind = Kind::Signature;
        }
    }
}

/// What `is_anchor` asks of a line's own text: a signature line or a title
/// (asked of every line once, when `layout` cuts it out).
pub(super) fn may_anchor(text: &str) -> bool {
    // Signature lines are short, and their first letter turns most away.
    let first = text.as_bytes().first().map(u8::to_ascii_lowercase);
    text.len() <= 120
        && matches!(first, Some(b'(' | b's' | b'p' | b'a' | b'v' | b'd' | b'u' | b'c' | b'r' | b'm' | b'h' | b'e'))
        && !text.ends_with([',', ';'])
        && (is_signed(text) || is_title(text))
}

fn is_anchor(lines: &[Line<'_>], i: usize) -> bool {
    let text = lines[i].text;
    if !lines[i].may_anchor_signature() {
        return false;
    }
    if is_signed(text) {
        return true;
    }
    // A title signs only under a name (or another line of the block):
    // "Secretary-General" alone may be a wrapped line of a sentence.
    i.checked_sub(1)
        .is_some_and(|p| lines[p].kind == Kind::Signature || lines[p].kind == Kind::Text && is_name(lines[p].text))
}

/// `(Signed) Name`, `(Sgd.) Name`, `Signed: Name`.
fn is_signed(text: &str) -> bool {
    ["(signed)", "(sgd.)", "(sgd)", "signed:"]
        .iter()
        .any(|p| text.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
}

/// A title line: one of `TITLES`, alone or followed by `of …` ("of Kuwait
/// to the United Nations"), `a.i.`, `and …`; no sentence punctuation.
fn is_title(text: &str) -> bool {
    let t = text.trim_end_matches(['.', ' ']);
    if t.len() > 100 || t.ends_with([',', ';', ':']) {
        return false;
    }
    TITLES.iter().any(|title| {
        t.get(..title.len()).is_some_and(|h| h.eq_ignore_ascii_case(title))
            && t.get(title.len()..).is_some_and(|rest| {
                rest.is_empty()
                    || rest.eq_ignore_ascii_case(" a.i")
                    || [" of ", " and ", ", "]
                        .iter()
                        .any(|w| rest.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)))
                        && names_only(rest)
            })
    })
}

/// "of Kuwait to the United Nations", "of the General Assembly": after a
/// title, only names (capitalised) and the small words between them;
/// "of the cooperation" is a sentence going on.
fn names_only(rest: &str) -> bool {
    rest.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
        w.starts_with(char::is_uppercase) || ["of", "the", "to", "and", "for", "on", "in", "a.i."].contains(&w)
    })
}

/// A person's name as printed under a signature: one to six words, each
/// capitalised (or a particle: de, da, van, al-…), no sentence punctuation,
/// not a clause's opening.
fn is_name(text: &str) -> bool {
    let text = text.strip_prefix("(Signed)").unwrap_or(text).trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || text.len() > 60 || text.ends_with([',', ';', ':']) {
        return false;
    }
    let particle = |w: &str| {
        ["de", "da", "del", "der", "di", "dos", "du", "van", "von", "la", "le", "bin", "ibn", "y", "e"].contains(&w)
            || w.starts_with("al-")
            || w.starts_with("el-")
    };
    words.iter().all(|w| w.starts_with(char::is_uppercase) || particle(w))
        && !text.bytes().any(|b| b.is_ascii_digit())
        && opening(text).is_none()
}

/// Another line of a block: a title, or a short capitalised line (a
/// second title such as "Permanent Representative", an organ's name).
fn is_block_line(text: &str) -> bool {
    is_title(text) || is_signed(text) || (is_name(text) && text.split_whitespace().count() <= 8)
}

/// "New York, 3 April 1991", "Geneva, 12 May 2020".
fn is_place_and_date(text: &str) -> bool {
    text.len() <= 50
        && text.split_once(',').is_some_and(|(place, date)| {
            place.starts_with(char::is_uppercase)
                && place.split_whitespace().count() <= 3
                && looks_like_date(date.trim().trim_end_matches('.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<bool> {
        let mut lines = super::super::layout::lines(text);
        mark(&mut lines);
        lines.iter().filter(|l| l.kind != Kind::Blank).map(|l| l.kind == Kind::Signature).collect()
    }

    #[test]
    fn blocks_and_sentences_told_apart() {
        assert_eq!(
            kinds(
                "Decides to remain seized.\n\n(Signed) Mohammad A. Abulhasan\nAmbassador\nPermanent Representative\n"
            ),
            [false, true, true, true]
        );
        assert_eq!(
            kinds("to report.\n\nAnnalena Baerbock\nPresident of the General Assembly\n\nNew York, 3 April 1991\n"),
            [false, true, true, true]
        );
        // A wrapped sentence with a title in it is no signature.
        assert_eq!(kinds("Requests the\nSecretary-General to report;\n"), [false, false]);
        assert_eq!(kinds("Welcoming the work of the\nPresident of the General Assembly,\n"), [false, false]);
        assert_eq!(
            kinds("Recalling the\nSecretary-General Secretary-General\nSecretary-General of the cooperation the\n"),
            [false, false, false]
        );
        assert_eq!(kinds("Noting the\nJohn Smith\nChair\n"), [false, false, false]);
    }
}
