//! A query as the finder reads it: space-separated atoms, every one of
//! which a clause must satisfy. fzf's syntax marks the special ones:
//!
//! - `word` matches a word of the clause: exactly, as its start
//!   (`traffick` → trafficking), or with a typo (one edit from five
//!   letters, two from nine). Scattered letters match only codes and
//!   acronyms (`intrpl` → INTERPOL) and the clause id, never prose.
//! - `'exact` the text contains it; `^prefix` the text starts with it;
//!   `suffix$` ends with it; `!not` does not contain it. A capital makes
//!   these case-sensitive (smart case).
//! - `#tag` the clause carries that tag.

use super::fold::{folded, folded_keep_case, words};

/// How well a query word matched a word of the text: better is greater.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quality {
    /// Scattered letters of a code or acronym, or of the clause id.
    Scattered = 1,
    Typo = 2,
    Prefix = 3,
    Exact = 4,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Exact,
    Prefix,
    Suffix,
    Not,
    Tag,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    pub kind: Kind,
    /// Folded, without its syntax (`'`, `^`, `$`, `!`, `#`); case kept when
    /// `case_sensitive`.
    pub text: String,
    pub case_sensitive: bool,
    /// Its folded words: how the index finds clauses that may match.
    pub words: Vec<String>,
}

impl Atom {
    /// Atoms that look for something (all but `!not`).
    pub fn is_positive(&self) -> bool {
        self.kind != Kind::Not
    }

    /// An `'exact` or `!not` atom that is one plain word, case ignored: it
    /// occurs in a text exactly when it occurs inside one of its words, so
    /// a word index answers it without reading the text.
    pub fn indexed(&self) -> bool {
        matches!(self.kind, Kind::Exact | Kind::Not)
            && !self.case_sensitive
            && self.words.len() == 1
            && self.words[0] == self.text
    }
}

/// Parse a query into its atoms. Plain words joined by punctuation
/// (`1800-DELITO`, `data/sharing`) become one word atom each.
pub fn parse(query: &str) -> Vec<Atom> {
    let mut atoms = Vec::new();
    for raw in query.split_whitespace() {
        let (kind, body) = if let Some(rest) = raw.strip_prefix('!') {
            (Kind::Not, rest.trim_start_matches('\''))
        } else if let Some(rest) = raw.strip_prefix('\'') {
            (Kind::Exact, rest)
        } else if let Some(rest) = raw.strip_prefix('^') {
            (Kind::Prefix, rest)
        } else if let Some(rest) = raw.strip_suffix('$').filter(|r| !r.is_empty()) {
            (Kind::Suffix, rest)
        } else if let Some(rest) = raw.strip_prefix('#').filter(|r| !r.is_empty()) {
            (Kind::Tag, rest)
        } else {
            (Kind::Word, raw)
        };
        if body.is_empty() {
            continue;
        }
        if kind == Kind::Word {
            for w in words(body) {
                atoms.push(Atom { kind, text: w.clone(), case_sensitive: false, words: vec![w] });
            }
            continue;
        }
        let case_sensitive = matches!(kind, Kind::Exact | Kind::Prefix | Kind::Suffix | Kind::Not)
            && body.chars().any(char::is_uppercase);
        let text = if case_sensitive { folded_keep_case(body) } else { folded(body) };
        atoms.push(Atom { kind, text, case_sensitive, words: words(body) });
    }
    atoms
}

/// Edits a query word of `len` chars may differ by and still match.
pub fn typos_allowed(len: usize) -> usize {
    match len {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// How query word `q` matches text word `w` (both folded), if it does.
/// `code`: `w` is a code or an acronym, where scattered letters may match.
pub fn match_word(q: &[char], w: &str, code: bool) -> Option<Quality> {
    let mut wc = [0 as char; 48];
    let mut n = 0;
    for c in w.chars() {
        if n == wc.len() {
            break;
        }
        wc[n] = c;
        n += 1;
    }
    let w = &wc[..n];
    if w.starts_with(q) {
        return Some(if w.len() == q.len() { Quality::Exact } else { Quality::Prefix });
    }
    let k = typos_allowed(q.len());
    if k > 0 && prefix_distance(q, w, k) <= k {
        return Some(Quality::Typo);
    }
    if code && q.len() >= 2 && q.first() == w.first() && scattered(q, w) {
        return Some(Quality::Scattered);
    }
    None
}

/// Scattered letters in a code or acronym (`intrpl` → INTERPOL): nucleo's
/// fuzzy matcher, fzf's algorithm, kept for what it is good at. (In prose it
/// matched letters strewn across words; there words match words.)
fn scattered(q: &[char], w: &[char]) -> bool {
    use std::cell::RefCell;
    thread_local! {
        // One matcher per thread: making one costs ~135 KB.
        static MATCHER: RefCell<nucleo::Matcher> = RefCell::new(nucleo::Matcher::new(nucleo::Config::DEFAULT));
    }
    MATCHER.with(|m| m.borrow_mut().fuzzy_match(nucleo::Utf32Str::Unicode(w), nucleo::Utf32Str::Unicode(q)).is_some())
}

/// The fewest edits (insert, delete, substitute, swap two neighbours) that
/// turn `q` into some start of `w`; anything above `max` reads as `max + 1`.
pub fn prefix_distance(q: &[char], w: &[char], max: usize) -> usize {
    const N: usize = 50;
    if q.len() >= N || w.len() >= N {
        return max + 1;
    }
    // rows[i][j]: edits from q[..i] to w[..j]; three rows kept for swaps.
    let mut prev2 = [0usize; N];
    let mut prev = [0usize; N];
    let mut cur = [0usize; N];
    for (j, v) in prev.iter_mut().enumerate().take(w.len() + 1) {
        *v = j;
    }
    for i in 1..=q.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=w.len() {
            let cost = usize::from(q[i - 1] != w[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && q[i - 1] == w[j - 2] && q[i - 2] == w[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return max + 1;
        }
        prev2 = prev;
        prev = cur;
    }
    // Some start of `w`: the best of the last row.
    prev[..=w.len()].iter().copied().min().unwrap_or(max + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(q: &str, w: &str, code: bool) -> Option<Quality> {
        let q: Vec<char> = q.chars().collect();
        match_word(&q, w, code)
    }

    #[test]
    fn words_match_exactly_by_prefix_or_with_a_typo() {
        assert_eq!(m("hotline", "hotline", false), Some(Quality::Exact));
        assert_eq!(m("hotline", "hotlines", false), Some(Quality::Prefix));
        assert_eq!(m("traffick", "trafficking", false), Some(Quality::Prefix));
        assert_eq!(m("trafficing", "trafficking", false), Some(Quality::Typo));
        assert_eq!(m("trafifcking", "trafficking", false), Some(Quality::Typo), "a swap is one edit");
        assert_eq!(m("hotlnie", "hotline", false), Some(Quality::Typo));
        // Four letters: no typo allowed.
        assert_eq!(m("data", "date", false), None);
        // Scattered letters never match prose…
        assert_eq!(m("hotline", "thoroughly", false), None);
        assert_eq!(m("intrpl", "international", false), None);
        // …but do match an acronym.
        assert_eq!(m("intrpl", "interpol", true), Some(Quality::Scattered));
        assert_eq!(m("ntrpl", "interpol", true), None, "from its first letter");
    }

    #[test]
    fn nine_letters_allow_two_edits() {
        assert_eq!(m("trafikking", "trafficking", false), Some(Quality::Typo));
        assert_eq!(m("hotlien", "hotel", false), None);
        assert_eq!(prefix_distance(&['a', 'b'], &['a', 'b', 'c'], 2), 0);
    }

    #[test]
    fn syntax() {
        let atoms = parse("'Exact ^pre suf$ !not #amend 1800-DELITO");
        let kinds: Vec<Kind> = atoms.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, [Kind::Exact, Kind::Prefix, Kind::Suffix, Kind::Not, Kind::Tag, Kind::Word, Kind::Word]);
        assert!(atoms[0].case_sensitive && !atoms[1].case_sensitive);
        assert_eq!(atoms[5].text, "1800");
        assert_eq!(atoms[6].text, "delito");
        assert_eq!(parse("Iraq’s")[0].text, "iraq's");
    }
}
