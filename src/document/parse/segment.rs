//! Lines → blocks. A block is one paragraph of the source: a labelled item,
//! an unlabelled paragraph, a `Field: value` line or a heading. Hard-wrapped
//! lines are joined back, paragraphs continue over page breaks, and a new
//! preambular paragraph is recognised even without a blank line before it.

use std::sync::Arc;

use super::label::{Class, Label, split_label};
use super::layout::{Kind, Line};
use super::phrase::{Opening, opening, starts_with_phrase};
use crate::document::text::Text;

/// `Annex`, `Annex B`, `ANNEX 1 R/CCPCJ/1/4:`, `Appendix II`.
pub fn is_annex_heading(text: &str) -> bool {
    // Every such word starts with an `a` and a second letter (not `a)`).
    let b = text.as_bytes();
    if !(b.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'a')) && b.get(1).is_some_and(u8::is_ascii_alphabetic)) {
        return false;
    }
    let first = text.split_whitespace().next().unwrap_or("").trim_end_matches([':', '.']);
    ["annex", "annexes", "appendix", "attachment"].iter().any(|w| first.eq_ignore_ascii_case(w))
        && !text.ends_with([';', ','])
        && text.split_whitespace().count() <= 6
}

#[derive(Debug, Clone)]
pub struct Block<'a> {
    pub label: Option<Label<'a>>,
    /// (line number, text) of each line; the first line's text is what
    /// follows the label.
    pub parts: Vec<(u32, &'a str)>,
    /// Preceded by a blank line, page furniture or the start of the file.
    pub after_break: bool,
    /// Followed by a blank line or the end of the file.
    pub before_break: bool,
}

impl Block<'_> {
    pub fn first_text(&self) -> &str {
        self.parts.first().map(|p| p.1).unwrap_or("")
    }

    /// A single line standing alone between blank lines: a heading candidate.
    pub fn standalone(&self) -> bool {
        self.parts.len() == 1 && self.after_break && self.before_break
    }

    /// The paragraph's text: a range of `source` when it is one line that
    /// needs no change (most of them), else `joined`.
    pub fn text_in(&self, source: &Arc<String>) -> Text {
        if let [(_, part)] = self.parts.as_slice()
            && !part.is_empty()
            && !needs_collapse(part.as_bytes())
            && let Some(text) = Text::shared(source, part)
        {
            return text;
        }
        Text::from(self.joined())
    }

    /// The lines joined back into one paragraph: wrapped lines meet with a
    /// space, a word hyphenated at a line end is rejoined, runs of spaces
    /// and tabs collapse to one.
    pub fn joined(&self) -> String {
        let mut out = String::with_capacity(self.parts.iter().map(|p| p.1.len() + 1).sum());
        for (_, part) in &self.parts {
            if part.is_empty() {
                continue;
            }
            if !out.is_empty() {
                let hyphenated =
                    out.ends_with('-') && out[..out.len() - 1].chars().next_back().is_some_and(char::is_alphabetic);
                if !hyphenated {
                    out.push(' ');
                } else if is_word_ending(part) {
                    // "pertain-" "ing": a word broken by typesetting.
                    out.pop();
                }
            }
            push_collapsed(&mut out, part);
        }
        out
    }
}

/// Whether the start of a wrapped line after a line-end hyphen is only the
/// end of a word ("ing", "ance", "eenth"), so the hyphen was typesetting
/// (OCR of printed volumes hyphenates words). A hyphen before a word stays:
/// "cease-" "fire", "follow-" "up", "decision-" "making" are compounds, and
/// a broken word whose end is a word of its own ("thresh-" "old") cannot be
/// told from one.
fn is_word_ending(next: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ing", "ings", "ed", "ance", "ances", "ence", "ences", "ment", "ments", "tion", "tions", "sion", "sions",
        "ity", "ities", "ness", "ly", "ally", "ous", "ive", "ives", "ible", "able", "ism", "ist", "ists", "ized",
        "ised", "ization", "isation", "eenth", "ture", "tures", "ciation", "ciations", "gation", "lation",
    ];
    let word = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    !word.is_empty() && ENDINGS.contains(&word)
}

/// Append `text` with every run of whitespace turned into one space.
pub fn push_collapsed(out: &mut String, text: &str) {
    if !needs_collapse(text.as_bytes()) {
        out.push_str(text);
        return;
    }
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
}

/// Does the text hold a tab, two spaces in a row, or a no-break space?
/// It runs over every paragraph, so the scans are memchr's vectorised ones.
fn needs_collapse(b: &[u8]) -> bool {
    // A searcher built once: building one for every line cost more than
    // the search.
    static TWO_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    if TWO_SPACES.find(b).is_some() {
        return true;
    }
    // A no-break space is C2 A0; A0 alone is also the tail of letters such
    // as à, so the byte before it decides.
    memchr::memchr2_iter(b'\t', 0xA0, b).any(|i| b[i] == b'\t' || (i > 0 && b[i - 1] == 0xC2))
}

/// `Key: value` lines of resolution headers and working papers.
pub fn field(text: &str) -> Option<(&'static str, &str)> {
    const KEYS: &[(&str, &str)] = &[
        ("code", "code"),
        ("document code", "code"),
        ("committee", "committee"),
        ("organ", "committee"),
        ("topic", "topic"),
        ("title", "topic"),
        ("sponsors", "sponsors"),
        ("sponsor", "sponsors"),
        ("submitted by", "sponsors"),
        ("signatories", "signatories"),
        ("signatory", "signatories"),
        ("vote", "vote"),
        // Other Model UN headers
        ("agenda", "topic"),
        ("agenda item", "topic"),
        ("issue", "topic"),
        ("co-sponsors", "sponsors"),
        ("sponsored by", "sponsors"),
        ("submitted to", "committee"),
        // THIMUN
        ("forum", "committee"),
        ("question of", "topic"),
        ("main submitter", "sponsors"),
        ("co-submitters", "sponsors"),
        ("co-submitter", "sponsors"),
    ];
    // Keys are a word of letters (perhaps in `*bold*`), or one of two
    // two-word keys: ordinary text is turned away at its first space.
    let bytes = text.as_bytes();
    // Every key ends with a colon in the first 24 bytes; most lines have none.
    memchr::memchr(b':', &bytes[..bytes.len().min(24)])?;
    let word_end = bytes.iter().take(24).position(|&b| !(b.is_ascii_alphabetic() || b == b'*' || b == b'-'))?;
    let colon = match bytes[word_end] {
        b':' => word_end,
        b' ' => {
            let first = &text[..word_end];
            let two_words =
                ["document", "submitted", "question", "main", "agenda", "sponsored", "*document", "*submitted"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(first));
            if !two_words {
                return None;
            }
            bytes.iter().take(24).position(|&b| b == b':')?
        }
        _ => return None,
    };
    let (key, value) = (&text[..colon], &text[colon + 1..]);
    if key.len() > 20 {
        return None;
    }
    let key = key.trim().trim_matches('*').trim();
    KEYS.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, canon)| (*canon, value.trim().trim_start_matches('*').trim_start()))
}

/// Group classified lines into blocks and hand each to `emit` as soon as it
/// is complete, so a 50 MB corpus never holds all its paragraphs at once.
/// Furniture and footnote lines are skipped (the caller accounts for them).
/// Each block comes with the one after it, for the rare decision that needs
/// to look ahead (is `i` after `h` a letter, or the first of `i`, `ii`?).
/// Returns the lines that were cut into several paragraphs (see `inline`).
pub fn for_each_block<'a>(
    lines: &'a [Line<'a>],
    one_line_paragraphs: bool,
    mut emit: impl FnMut(Block<'a>, Option<&Block<'a>>),
) -> Vec<u32> {
    let mut current: Option<Block<'a>> = None;
    let mut blank_since = true;
    let mut page_break_since = false;
    let mut last_number = 0u32;
    let mut split_lines = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if one_line_paragraphs && line.kind == Kind::Text {
            // Every line is a paragraph standing alone, as between blank lines.
            blank_since = true;
            if let Some(b) = current.as_mut() {
                b.before_break = true;
            }
        }
        match line.kind {
            // A signature block ends the paragraph before it, as a blank
            // line does (its lines are kept by `parse::place_signatures`).
            Kind::Blank | Kind::Signature => {
                blank_since = true;
                if let Some(b) = current.as_mut() {
                    b.before_break = true;
                }
                continue;
            }
            Kind::Furniture | Kind::Footnote => {
                page_break_since = true;
                continue;
            }
            Kind::Text => {}
        }
        let text = line.text;
        let label = split_label(text);
        let next_text = || lines.get(index + 1..)?.iter().find(|l| l.kind == Kind::Text).map(|l| l.text);
        let after_break = blank_since || page_break_since;
        let pieces = super::inline::pieces(text, label.as_ref(), last_number, after_break, next_text);
        let Some(pieces) = pieces else {
            place(&mut current, &mut emit, line.no, text, label, (blank_since, page_break_since), &mut last_number);
            blank_since = false;
            page_break_since = false;
            continue;
        };
        split_lines.push(line.no);
        for (k, piece) in pieces.into_iter().enumerate() {
            // The next piece of a cut line stands as a paragraph of its own,
            // as if a blank line came between.
            if k > 0 {
                blank_since = true;
                if let Some(b) = current.as_mut() {
                    b.before_break = true;
                }
            }
            let label = split_label(piece);
            place(&mut current, &mut emit, line.no, piece, label, (blank_since, page_break_since), &mut last_number);
            blank_since = false;
            page_break_since = false;
        }
    }
    if let Some(mut last) = current {
        last.before_break = true;
        emit(last, None);
    }
    split_lines
}

/// Add one line (or piece of a line) to the current block, or start the
/// next block with it and hand the finished one to `emit`.
/// `after_break`: a blank line, page furniture or a cut came before it.
fn place<'a>(
    current: &mut Option<Block<'a>>,
    emit: &mut impl FnMut(Block<'a>, Option<&Block<'a>>),
    no: u32,
    text: &'a str,
    label: Option<(Label<'a>, &'a str)>,
    breaks: (bool, bool),
    last_number: &mut u32,
) {
    let (blank_since, page_break_since) = breaks;
    let continues =
        current.as_ref().is_some_and(|prev| continues(prev, text, label.is_some(), blank_since, page_break_since));
    if continues {
        if let Some(prev) = current.as_mut() {
            prev.parts.push((no, text));
            prev.before_break = false;
        }
        return;
    }
    // A heading right above a numbered paragraph stands alone as if a blank
    // line came under it (see `continues`).
    if label.is_some()
        && let Some(prev) = current.as_mut()
        && prev.after_break
        && prev_is_heading(prev)
    {
        prev.before_break = true;
    }
    let (label, first) = match label {
        Some((l, rest)) => (Some(l), rest),
        None => (None, text),
    };
    if let Some(n) = label.as_ref().and_then(number_of) {
        *last_number = n;
    }
    let next =
        Block { label, parts: vec![(no, first)], after_break: blank_since || page_break_since, before_break: false };
    if let Some(done) = current.replace(next) {
        emit(done, current.as_ref());
    }
}

/// A paragraph number's value (`12` → 12).
fn number_of(label: &Label<'_>) -> Option<u32> {
    if !label.readings.iter().any(|r| r.class == Class::Number) {
        return None;
    }
    label.printed.parse().ok()
}

/// Word's "Save as plain text" and copies from web pages put each paragraph
/// on one long line with no blank line between: hard-wrapped text never has
/// many lines that long.
pub fn paragraph_per_line(lines: &[Line<'_>]) -> bool {
    let (mut text, mut long, mut blank) = (0usize, 0usize, 0usize);
    for l in lines {
        match l.kind {
            Kind::Text => {
                text += 1;
                if l.text.len() > 200 {
                    long += 1;
                }
            }
            Kind::Blank => blank += 1,
            _ => {}
        }
    }
    text >= 5 && long * 4 >= text && blank * 10 < text
}

fn continues(prev: &Block<'_>, text: &str, labelled: bool, blank_since: bool, page_break: bool) -> bool {
    // A masthead (`layout::masthead_symbol`) opens an official text wherever
    // it is, even right under the last line of the one before (`cat *.txt`).
    if field(text).is_some() || text.starts_with('#') || super::layout::masthead_symbol(text).is_some() {
        return false;
    }
    let prev_last = without_marker(prev.parts.last().map(|p| p.1).unwrap_or(""));
    // The formula on the line right under the symbol or the title, with no
    // blank line between: "[S/726]" / "The Security Council," (the printed
    // volumes), "72/14. Title" / "The General Assembly," (`pdftotext
    // -layout`).
    let symbol_or_title =
        || (prev_last.starts_with('[') && prev_last.ends_with(']')) || super::meta::numbered_title(prev.first_text());
    if text.starts_with('T') && symbol_or_title() && super::is_formula(text) {
        return false;
    }
    // "The General Assembly" / "Adopts the following…": the formula stands
    // alone.
    if prev.parts.len() == 1 && prev.label.is_none() && prev_last.starts_with("The ") && super::is_formula(prev_last) {
        return false;
    }
    // A number alone on its line: its text follows.
    let number_alone = prev.label.as_ref().is_some_and(|l| l.readings.iter().any(|r| r.class == Class::Number));
    if number_alone && prev.parts.len() == 1 && prev_last.is_empty() && !labelled {
        return true;
    }
    if prev_last.is_empty() || (prev.parts.len() == 1 && prev.label.is_none() && is_annex_heading(prev_last)) {
        return false;
    }
    let ends_sentence = prev_last.ends_with(['.', ';', ':', '!', '?']);
    let ends_clause = ends_sentence || prev_last.ends_with([',', '—']);
    if field(prev.first_text()).is_some() && blank_since {
        return false;
    }
    // "…Congo,\nReaffirming the sovereignty…" (also over a page break): a
    // new preambular paragraph. "…June 2017,\nDecides to include…": an
    // unnumbered operative one.
    // (After a blank line without a page break the answer is the same
    // either way: only a page break can hide a new paragraph.)
    let may_hide = !blank_since || page_break;
    if may_hide && !labelled && (prev_last.ends_with([',', ';', '.', ':']) || ends_with_comma(prev_last)) {
        if ends_with_comma(prev_last) && prev.label.is_none() && starts_with_phrase(text) && first_word_is_phrase(text)
        {
            return false;
        }
        if text.starts_with(char::is_uppercase) && opening(text) == Some(Opening::Operative) {
            return false;
        }
    }
    // (Both are short lines: the length settles most lines at once.)
    let date_before = || prev_last.len() < 40 && super::front::looks_like_date(prev_last);
    if blank_since && (text.len() < 80 && is_annex_heading(text) || date_before()) {
        return false;
    }
    if blank_since {
        // After a blank line, only a page break or a lower-case start says
        // the paragraph goes on.
        let lower_start = text.chars().next().is_some_and(char::is_lowercase);
        return !labelled
            && !ends_sentence
            && (page_break || lower_start || name_goes_on(prev, prev_last, text))
            && !prev_is_heading(prev);
    }
    if labelled {
        // "Security" / "4. Recognizes…" (`pdftotext -layout` leaves no blank
        // line under a heading): a short title standing after a break is a
        // heading, and the numbered paragraph starts under it.
        let heading_above = prev.after_break && prev_is_heading(prev);
        return !(ends_clause || heading_above);
    }
    true
}

/// A clause's full line that stops inside a name, then a blank line, then
/// the name goes on ("… by the Co-Chairmen of the Steering" / "Committee of
/// the International Conference …", S/RES/827 (1993)): one paragraph. The
/// line must be a clause's, long, and end in a capitalised word with no
/// punctuation, and the next must open with a capitalised word that opens
/// no clause and end in a lower-case word (it wraps on too).
fn name_goes_on(prev: &Block<'_>, prev_last: &str, text: &str) -> bool {
    let capital =
        |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase) && w.ends_with(char::is_alphabetic));
    // (Asked of nearly every line: the tests that read a word or two come
    // first, the one that reads a phrase after them.)
    prev.label.is_none()
        && prev_last.len() >= 60
        && capital(prev_last.split_whitespace().next_back())
        && capital(text.split_whitespace().next())
        // The next line wraps on in turn ("… Yugoslavia for the"): a
        // header line ("Resolution adopted by … on 7 October 2022") or a
        // title ends otherwise.
        && text.ends_with(|c: char| c.is_lowercase())
        && text.split_whitespace().count() >= 4
        && starts_with_phrase(prev.first_text())
        && opening(text).is_none()
        && !starts_with_phrase(text)
}

fn prev_is_heading(prev: &Block<'_>) -> bool {
    prev.parts.len() == 1
        && prev.label.is_none()
        && prev.first_text().len() < 60
        && !prev.first_text().ends_with([',', ';', '.'])
        && prev.first_text().chars().next().is_some_and(char::is_uppercase)
        && prev.first_text().split_whitespace().count() <= 3
}

/// Only a participle or adjective opening ("Recalling", "Deeply concerned")
/// starts a preambular paragraph on a wrapped line: "Member States" after a
/// comma does not.
fn first_word_is_phrase(text: &str) -> bool {
    opening(text) == Some(Opening::Preambular)
}

/// "…for 2023;18": the footnote marker after the punctuation is not how
/// the line ends.
fn without_marker(text: &str) -> &str {
    // Nearly every line ends in a letter or punctuation: settled by its last byte.
    if !text.as_bytes().last().is_some_and(|b| b.is_ascii_digit() || *b >= 0x80) {
        return text;
    }
    // "…Agency; 1" (pdftotext sets the marker apart by a space) too, and a
    // range of notes ("…Auditors; 1–21").
    let bare = text.trim_end_matches(|c: char| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰–".contains(c)).trim_end();
    if bare.len() < text.len() && bare.ends_with([';', ',', '.', ':']) { bare } else { text }
}

/// "…Persons,1" and "…Persons,¹" end in a comma too: the footnote marker
/// after it does not count.
fn ends_with_comma(text: &str) -> bool {
    match text.as_bytes().last() {
        Some(b',') => return true,
        Some(b) if b.is_ascii_alphabetic() || b";.:)".contains(b) => return false,
        _ => {}
    }
    text.trim_end_matches(|c: char| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰*".contains(c)).trim_end().ends_with(',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_broken_by_typesetting_is_rejoined_a_compound_keeps_its_hyphen() {
        let joined = |a: &'static str, b: &'static str| {
            Block { label: None, parts: vec![(1, a), (2, b)], after_break: false, before_break: false }.joined()
        };
        assert_eq!(joined("rules pertain-", "ing to it"), "rules pertaining to it");
        assert_eq!(joined("its perform-", "ance,"), "its performance,");
        assert_eq!(joined("the Eight-", "eenth session"), "the Eighteenth session");
        assert_eq!(joined("a cease-", "fire"), "a cease-fire");
        assert_eq!(joined("the follow-", "up"), "the follow-up");
        assert_eq!(joined("decision-", "making"), "decision-making");
        assert_eq!(joined("the Secretary-", "General"), "the Secretary-General");
        assert_eq!(joined("at the thresh-", "old"), "at the thresh-old");
    }

    #[test]
    fn collapse_check_matches_the_plain_definition() {
        let plain = |s: &str| s.contains('\t') || s.contains("  ") || s.contains('\u{a0}');
        let pieces = ["a", " ", "\t", "\u{a0}", "à", "bc", "défg", "  ", "x\u{a0}", "1234567"];
        // Every string of up to four pieces, at every alignment.
        let mut cases = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for c in &cases {
                for p in pieces {
                    next.push(format!("{c}{p}"));
                }
            }
            cases.extend(next);
            cases.dedup();
        }
        for case in &cases {
            for pad in ["", "x", "xyz", "abcdefg"] {
                let s = format!("{pad}{case}");
                assert_eq!(needs_collapse(s.as_bytes()), plain(&s), "{s:?}");
            }
        }
    }
}
