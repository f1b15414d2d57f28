//! Word paragraphs → the plain-text layout the text parser reads exactly:
//! one paragraph per block (blank line between), the printed label at its
//! start (Word's automatic number as Word prints it, or the number the
//! drafter typed before a tab), an italic or underlined leading phrase as
//! `*phrase*`, footnote references as `[^n]` and the footnotes as
//! `[^n]: text` lines at the end.

use std::collections::HashMap;

use super::numbering::Numbering;
use super::paragraphs::{Para, Piece};
use super::styles::Styles;

/// Footnote and endnote ids → the number printed for them, in the order
/// they are referenced (Word numbers them so).
#[derive(Default)]
pub struct NoteNumbers {
    pub order: Vec<(bool, String)>,
    by_id: HashMap<(bool, String), usize>,
}

impl NoteNumbers {
    fn number(&mut self, footnote: bool, id: &str) -> usize {
        let key = (footnote, id.to_string());
        if let Some(n) = self.by_id.get(&key) {
            return *n;
        }
        self.order.push(key.clone());
        let n = self.order.len();
        self.by_id.insert(key, n);
        n
    }
}

/// A paragraph's text as one or more lines, with its label.
pub fn paragraph(p: &Para, styles: &Styles, numbering: &mut Numbering, notes: &mut NoteNumbers) -> String {
    let mut chars: Vec<(char, bool)> = Vec::new();
    for piece in &p.pieces {
        match piece {
            Piece::Text(t, e) => chars.extend(t.chars().map(|c| (c, *e))),
            Piece::Note(footnote, id) => {
                let n = notes.number(*footnote, id);
                chars.extend(format!("[^{n}]").chars().map(|c| (c, false)));
            }
            // Footnote numbers given again (`Unit.3,4`, `Auditors;1–21`) are
            // markers too, kept out of the clause text like the first
            // reference.
            Piece::Sup(t) if let Some(numbers) = marker_numbers(t) => {
                for n in numbers {
                    chars.extend(format!("[^{n}]").chars().map(|c| (c, false)));
                }
            }
            Piece::Sup(t) => chars.extend(t.chars().map(|c| (c, false))),
        }
    }
    let (heading_label, mut chars) = split_label_line(normalise(&chars));
    let heading = p.style.as_deref().is_some_and(|s| styles.is_heading(s));
    // A heading is one line, however the drafter broke it.
    if heading {
        for (c, _) in chars.iter_mut().filter(|(c, _)| *c == '\n') {
            *c = ' ';
        }
    }
    if chars.iter().all(|(c, _)| c.is_whitespace()) {
        return String::new();
    }
    let label = auto_label(p, styles, numbering);
    let mut out = String::new();
    if let Some(h) = heading_label {
        out.push_str(&h);
        out.push_str("\n\n");
    }
    if let Some(label) = label.as_deref().filter(|l| !l.is_empty()) {
        out.push_str(label);
        // A numbered heading (`I.`, `A.`) is set like a typed one: its
        // label, then its title.
        out.push_str(if heading && is_section_label(label) { "\n\n" } else { " " });
    }
    out.push_str(&with_leading_emphasis(&chars));
    out
}

/// The automatic number of a paragraph, from its own list properties or
/// its style's.
fn auto_label(p: &Para, styles: &Styles, numbering: &mut Numbering) -> Option<String> {
    let (style_num, style_ilvl) = p.style.as_deref().map(|s| styles.numbering(s)).unwrap_or_default();
    let num_id = p.num_id.clone().or(style_num)?;
    if num_id == "0" {
        return None;
    }
    let ilvl = p
        .ilvl
        .or(style_ilvl)
        .or_else(|| p.style.as_deref().and_then(|s| numbering.level_of_style(&num_id, s)))
        .unwrap_or(0);
    numbering.next(&num_id, ilvl).map(|n| n.label)
}

/// Tabs and runs of spaces become one space, lines are trimmed, empty
/// lines dropped: the drafter's `⇥1.⇥Notes` reads `1. Notes`.
fn normalise(chars: &[(char, bool)]) -> Vec<(char, bool)> {
    let mut out: Vec<(char, bool)> = Vec::with_capacity(chars.len());
    for &(c, e) in chars {
        let c = match c {
            '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
            '\r' | '\u{b}' => '\n',
            c => c,
        };
        let prev = out.last().map(|(p, _)| *p);
        match c {
            ' ' if prev.is_none_or(|p| p == ' ' || p == '\n') => {}
            '\n' => {
                while out.last().is_some_and(|(p, _)| *p == ' ') {
                    out.pop();
                }
                if prev.is_some_and(|p| p != '\n') {
                    out.push(('\n', false));
                }
            }
            _ => out.push((c, e)),
        }
    }
    while out.last().is_some_and(|(p, _)| p.is_whitespace()) {
        out.pop();
    }
    out
}

/// `I`, `IV.`, `A.`: the labels of sections.
fn is_section_label(label: &str) -> bool {
    let core = label.trim_end_matches('.');
    let roman = !core.is_empty() && core.len() <= 6 && core.bytes().all(|b| b"IVXL".contains(&b));
    roman || (core.len() == 1 && core.bytes().all(|b| b.is_ascii_uppercase()))
}

/// A paragraph typed as its label, a line break, its text. The UN sets
/// section headings so (`I↵Calendar of conferences`): the label becomes a
/// block of its own, as printed, and the title the next block, which is
/// how the parser reads a heading and its title. A number alone on its
/// line is simply the paragraph's number (`1.↵Decides` reads `1. Decides`).
fn split_label_line(mut chars: Vec<(char, bool)>) -> (Option<String>, Vec<(char, bool)>) {
    let Some(nl) = chars.iter().position(|(c, _)| *c == '\n') else { return (None, chars) };
    let first: String = chars[..nl].iter().map(|(c, _)| *c).collect();
    let core = first.trim_end_matches('.');
    let number = !core.is_empty() && core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit());
    if number {
        let glue: &[char] = if first.ends_with('.') { &[' '] } else { &['.', ' '] };
        chars.splice(nl..=nl, glue.iter().map(|c| (*c, false)));
    } else if is_section_label(&first) {
        return (Some(first), chars.split_off(nl + 1));
    }
    (None, chars)
}

/// The most words a leading phrase has ("Taking note with appreciation of
/// the efforts"); a longer italic opening is an italic paragraph.
const MAX_PHRASE_WORDS: usize = 10;

/// The text with its leading italic or underlined phrase (after a typed
/// label such as `1.` or `(a)`) marked `*phrase*`, as the parser reads
/// emphasis. Italics elsewhere (a document's title) are not marked.
fn with_leading_emphasis(chars: &[(char, bool)]) -> String {
    let plain = || chars.iter().map(|(c, _)| *c).collect::<String>();
    // Skip a typed label: one short token before the first space.
    let first_space = chars.iter().position(|(c, _)| *c == ' ').unwrap_or(chars.len());
    let label_end =
        if first_space <= 8 && !chars[..first_space].iter().any(|(_, e)| *e) && is_label(&chars[..first_space]) {
            first_space + 1
        } else {
            0
        };
    let rest = chars.get(label_end..).unwrap_or_default();
    if !rest.first().is_some_and(|(_, e)| *e) {
        return plain();
    }
    let mut end = rest.iter().position(|(c, e)| !*e && !c.is_whitespace()).unwrap_or(rest.len());
    // Trailing spaces and punctuation stay outside the marks.
    while end > 0 && (rest[end - 1].0.is_whitespace() || ",;:.".contains(rest[end - 1].0)) {
        end -= 1;
    }
    let phrase: String = rest[..end].iter().map(|(c, _)| *c).collect();
    let words = phrase.split_whitespace().count();
    let after_has_text = rest[end..].iter().any(|(c, _)| c.is_alphanumeric());
    if end == 0 || words > MAX_PHRASE_WORDS || !after_has_text || phrase.contains('*') {
        return plain();
    }
    let mut out: String = chars[..label_end].iter().map(|(c, _)| *c).collect();
    out.push('*');
    out.push_str(&phrase);
    out.push('*');
    out.extend(rest[end..].iter().map(|(c, _)| *c));
    out
}

/// A typed label: `1.`, `(a)`, `a)`, `(iv)`, `IV.`, `A.`, `12`.
fn is_label(token: &[(char, bool)]) -> bool {
    let t: String = token.iter().map(|(c, _)| *c).collect();
    let core = t.trim_start_matches('(').trim_end_matches(['.', ')']);
    !core.is_empty() && core.len() <= 5 && core.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(parts: &[(&str, bool)]) -> Vec<(char, bool)> {
        normalise(&parts.iter().flat_map(|(s, e)| s.chars().map(move |c| (c, *e))).collect::<Vec<_>>())
    }

    #[test]
    fn typed_labels_and_leading_phrases() {
        let c = chars(&[("\t1.\t", false), ("Notes with appreciation", true), (" the action;", false)]);
        assert_eq!(with_leading_emphasis(&c), "1. *Notes with appreciation* the action;");
        let c = chars(&[("\t", false), ("Recalling,", true), (" its resolution", false)]);
        assert_eq!(with_leading_emphasis(&c), "*Recalling*, its resolution");
        // A wholly italic paragraph is not a phrase.
        let c = chars(&[("Adopted at the meeting", true)]);
        assert_eq!(with_leading_emphasis(&c), "Adopted at the meeting");
        // Italics later in the text are not marked.
        let c = chars(&[("Noting the ", false), ("Official Records", true), (", vol. 1", false)]);
        assert_eq!(with_leading_emphasis(&c), "Noting the Official Records, vol. 1");
    }

    #[test]
    fn a_label_on_its_own_line() {
        let split = |s: &str| {
            let (head, rest) = split_label_line(chars(&[(s, false)]));
            (head, rest.iter().map(|(c, _)| *c).collect::<String>())
        };
        assert_eq!(split("II\nUtilization of resources"), (Some("II".into()), "Utilization of resources".into()));
        assert_eq!(split("A.\nAssistance"), (Some("A.".into()), "Assistance".into()));
        assert_eq!(split("12.\nDecides to act;"), (None, "12. Decides to act;".into()));
        assert_eq!(split("60th plenary meeting\n1 December"), (None, "60th plenary meeting\n1 December".into()));
    }
}

/// The footnote numbers a superscript run states: `3,4`, `1–21` (a range,
/// at most 200 long), or None when it is not only numbers.
fn marker_numbers(t: &str) -> Option<Vec<u32>> {
    if t.trim().is_empty() || !t.chars().all(|c| c.is_ascii_digit() || ", -–".contains(c)) {
        return None;
    }
    let mut out = Vec::new();
    for piece in t.split([',', ' ']).filter(|p| !p.is_empty()) {
        match piece.split_once(['-', '–']) {
            Some((a, b)) => {
                let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
                if b < a || b - a > 200 {
                    return None;
                }
                out.extend(a..=b);
            }
            None => out.push(piece.parse().ok()?),
        }
    }
    Some(out)
}

#[cfg(test)]
mod marker_tests {
    use super::marker_numbers;

    #[test]
    fn superscript_footnote_numbers_lists_and_ranges() {
        assert_eq!(marker_numbers("3,4"), Some(vec![3, 4]));
        assert_eq!(marker_numbers("1–3"), Some(vec![1, 2, 3]));
        assert_eq!(marker_numbers("2, 5-6"), Some(vec![2, 5, 6]));
        assert_eq!(marker_numbers("th"), None);
        assert_eq!(marker_numbers("9–2"), None);
        assert_eq!(marker_numbers("-"), None);
    }
}
