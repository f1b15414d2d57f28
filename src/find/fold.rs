//! Text as the finder compares it: words, folded so that case, accents and
//! the kind of apostrophe or quote never decide whether a word matches
//! (`Iraq’s` = `iraq's`, `résumé` = `resume`).

use nucleo::chars::{normalize, to_lower_case};

/// A char as matched without regard to case.
pub fn fold(c: char) -> char {
    to_lower_case(fold_keep_case(c))
}

/// A char with its accent and its kind of quote or dash removed, its case
/// kept (for a smart-case `'Exact` atom).
pub fn fold_keep_case(c: char) -> char {
    if c.is_ascii() {
        return if c == '`' { '\'' } else { c };
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => ' ',
        _ => normalize(c),
    }
}

/// `text` folded into `out` (cleared first).
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    out.extend(text.chars().map(fold));
}

pub fn folded(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    fold_into(text, &mut s);
    s
}

/// `text` folded, its case kept.
pub fn folded_keep_case(text: &str) -> String {
    text.chars().map(fold_keep_case).collect()
}

/// One word of a text: where it is (in chars, for highlighting), and
/// whether it reads as a code or an acronym (`INTERPOL`, `SDG5`: capitals,
/// no small letters), where letters may be matched scattered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordAt {
    pub start: usize,
    pub end: usize,
    pub code: bool,
}

/// Call `f` with each word of `text`, folded, in order. A word is a run of
/// letters and digits; an apostrophe between two of them joins
/// (`Iraq’s`), anything else separates (`data-sharing` is two words, as
/// `*Urges*` is one).
pub fn for_each_word(text: &str, word: &mut String, mut f: impl FnMut(&str, WordAt)) {
    word.clear();
    let mut start = 0;
    let mut upper = 0usize;
    let mut lower = 0usize;
    // An apostrophe seen after a word char, kept only if a word char follows.
    let mut pending_quote = false;
    // After an apostrophe (`INTERPOL’s`) case no longer tells a code.
    let mut quoted = false;
    let mut end = 0;
    for (i, c) in text.chars().enumerate() {
        // ASCII (nearly all of a UN text) without the Unicode tables.
        let (k, alnum) = if c.is_ascii() {
            let k = if c == '`' { '\'' } else { c };
            (k, k.is_ascii_alphanumeric())
        } else {
            let k = fold_keep_case(c);
            (k, k.is_alphanumeric())
        };
        if alnum {
            if word.is_empty() {
                start = i;
                upper = 0;
                lower = 0;
                quoted = false;
            } else if pending_quote {
                word.push('\'');
                quoted = true;
            }
            pending_quote = false;
            if k.is_ascii() {
                if k.is_ascii_uppercase() {
                    upper += 1;
                    word.push(k.to_ascii_lowercase());
                } else {
                    if !k.is_ascii_digit() {
                        lower += usize::from(!quoted);
                    }
                    word.push(k);
                }
            } else {
                if k.is_uppercase() {
                    upper += 1;
                } else if k.is_lowercase() {
                    lower += usize::from(!quoted);
                }
                word.push(to_lower_case(k));
            }
            end = i + 1;
        } else if k == '\'' && !word.is_empty() && !pending_quote {
            pending_quote = true;
        } else if !word.is_empty() {
            f(word, WordAt { start, end, code: upper >= 2 && lower == 0 });
            word.clear();
            pending_quote = false;
        }
    }
    if !word.is_empty() {
        f(word, WordAt { start, end, code: upper >= 2 && lower == 0 });
        word.clear();
    }
}

/// The folded words of `text`.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_word(text, &mut buf, |w, _| out.push(w.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        let mut buf = String::new();
        for_each_word(text, &mut buf, |w, at| out.push((w.to_string(), at.code)));
        out
    }

    #[test]
    fn words_fold_case_accents_and_apostrophes() {
        assert_eq!(words("*Urges* Iraq’s résumé, data-sharing"), ["urges", "iraq's", "resume", "data", "sharing"]);
        assert_eq!(words("Iraq's"), words("IRAQ’S"));
        assert_eq!(words("‘quoted’ ends’"), ["quoted", "ends"]);
        assert_eq!(
            spans("INTERPOL and SDG5 or 1800 a UN"),
            [
                ("interpol".into(), true),
                ("and".into(), false),
                ("sdg5".into(), true),
                ("or".into(), false),
                ("1800".into(), false),
                ("a".into(), false),
                ("un".into(), true)
            ]
        );
        assert_eq!(spans("INTERPOL’s"), [("interpol's".into(), true)]);
    }

    #[test]
    fn word_positions_are_chars() {
        let mut at = Vec::new();
        let mut buf = String::new();
        for_each_word("— Café now", &mut buf, |_, w| at.push((w.start, w.end)));
        assert_eq!(at, [(2, 6), (7, 10)]);
    }
}
