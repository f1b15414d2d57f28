//! One clause against a query: does it match, and how well. Both the scan
//! (`reso find`) and the reader's index use this, so they always agree;
//! they differ only in how they learn how each word matches (`Lookup`).

use super::fold::{fold, fold_keep_case, for_each_word};
use super::fx::FxMap;
use super::query::{Atom, Kind, Quality, match_word, parse};

/// At most this many plain words of a query are matched (each takes four
/// bits of a word's mask); more would be unusual in a finder.
pub const MAX_WORDS: usize = 16;

/// A query compiled for matching.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub atoms: Vec<Atom>,
    /// Indices (into `atoms`) of the plain word atoms, and their chars.
    pub words: Vec<(usize, Vec<char>)>,
}

/// What a clause offers the matcher: its text, id, tags and note.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub text: &'a str,
    pub id: &'a str,
    pub tags: &'a [String],
    pub note: &'a str,
}

/// How well a clause matched: compare as numbers, greater is better.
pub type Score = u64;

impl Compiled {
    pub fn new(query: &str) -> Compiled {
        let atoms = parse(query);
        let words = atoms
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == Kind::Word)
            .take(MAX_WORDS)
            .map(|(i, a)| (i, a.text.chars().collect()))
            .collect();
        Compiled { atoms, words }
    }

    pub fn is_empty(&self) -> bool {
        self.atoms.is_empty()
    }

    /// How one text word matches each plain word of the query: four bits
    /// per query word, the `Quality` (0 = no match).
    pub fn word_mask(&self, w: &str, code: bool) -> u64 {
        let mut mask = 0;
        for (k, (_, q)) in self.words.iter().enumerate() {
            if let Some(quality) = match_word(q, w, code) {
                mask |= (quality as u64) << (4 * k);
            }
        }
        mask
    }

    /// Does the clause match, and how well? `lookup` gives a text word's
    /// mask (`word_mask`, remembered or looked up in an index).
    pub fn score(&self, s: Subject<'_>, lookup: &mut impl FnMut(&str, bool) -> u64) -> Option<Score> {
        if !self.passes_filters(s) {
            return None;
        }
        let n = self.words.len();
        let mut best = [0u8; MAX_WORDS];
        // Word positions of each query word's matches (the first few).
        let mut at: [[u32; 8]; MAX_WORDS] = [[0; 8]; MAX_WORDS];
        let mut count = [0u8; MAX_WORDS];
        let phrase_end = phrase_end(s.text);
        let mut in_phrase = false;
        let mut index = 0u32;
        let mut buf = String::new();
        if n > 0 {
            let mut visit = |w: &str, code: bool, start: usize, index: u32| {
                let mask = lookup(w, code);
                if mask == 0 {
                    return;
                }
                for k in 0..n {
                    let q = ((mask >> (4 * k)) & 0xF) as u8;
                    if q == 0 {
                        continue;
                    }
                    best[k] = best[k].max(q);
                    if (count[k] as usize) < 8 {
                        at[k][count[k] as usize] = index;
                        count[k] += 1;
                    }
                    if start < phrase_end {
                        in_phrase = true;
                    }
                }
            };
            for_each_word(s.text, &mut buf, |w, wa| {
                visit(w, wa.code, wa.start, index);
                index += 1;
            });
            // The note, far from the text: it may match, never adjacently.
            index += 1000;
            for_each_word(s.note, &mut buf, |w, wa| {
                visit(w, wa.code, usize::MAX, index);
                index += 1;
            });
            for (k, (_, q)) in self.words.iter().enumerate() {
                if best[k] == 0 && id_matches(q, s.id) {
                    best[k] = Quality::Scattered as u8;
                }
            }
            if best[..n].contains(&0) {
                return None;
            }
        }
        let exact = best[..n].iter().filter(|&&q| q == Quality::Exact as u8).count() as u64;
        let quality: u64 = best[..n].iter().map(|&q| u64::from(q)).sum();
        let (adjacent, span) = closeness(&at[..n], &count[..n]);
        let len = s.text.len().min(0x3FFF_FFFF) as u64;
        Some(
            (exact << 58)
                | (quality.min(0xFF) << 50)
                | ((adjacent as u64).min(0xF) << 46)
                | ((255 - span.min(255)) << 38)
                | (u64::from(in_phrase) << 37)
                | (0x3FFF_FFFF - len),
        )
    }

    /// The atoms other than plain words: `'exact`, `^prefix`, `suffix$`,
    /// `!not`, `#tag`.
    pub fn passes_filters(&self, s: Subject<'_>) -> bool {
        self.filters(s, false)
    }

    /// The same, leaving out the atoms an index answers itself
    /// (`Atom::indexed`).
    pub fn filters(&self, s: Subject<'_>, skip_indexed: bool) -> bool {
        let mut plain: Option<String> = None;
        let mut cased: Option<String> = None;
        for a in &self.atoms {
            let ok = match a.kind {
                Kind::Word => continue,
                _ if skip_indexed && a.indexed() => continue,
                Kind::Tag => s.tags.iter().any(|t| t.eq_ignore_ascii_case(&a.text)),
                Kind::Prefix => starts_with(s.text, &a.text, a.case_sensitive),
                Kind::Suffix => ends_with(s.text, &a.text, a.case_sensitive),
                Kind::Exact | Kind::Not => {
                    let hay = if a.case_sensitive {
                        cased.get_or_insert_with(|| haystack(s, fold_keep_case))
                    } else {
                        plain.get_or_insert_with(|| haystack(s, fold))
                    };
                    hay.contains(a.text.as_str()) == (a.kind == Kind::Exact)
                }
            };
            if !ok {
                return false;
            }
        }
        true
    }
}

/// The text as `'exact` and `!not` see it: emphasis marks dropped, lines
/// joined, then the note. (Not the id: citations find ids.)
fn haystack(s: Subject<'_>, f: fn(char) -> char) -> String {
    let mut out = String::with_capacity(s.text.len() + s.note.len() + 2);
    for c in s.text.chars() {
        match c {
            '*' => {}
            '\n' => out.push(' '),
            c => out.push(f(c)),
        }
    }
    out.push_str("  ");
    out.extend(s.note.chars().map(f));
    out
}

/// Chars of `text` as `^` and `$` compare them: emphasis marks and
/// surrounding white space do not count.
fn significant(c: &char) -> bool {
    *c != '*'
}

fn starts_with(text: &str, prefix: &str, case_sensitive: bool) -> bool {
    let f = if case_sensitive { fold_keep_case } else { fold };
    let mut t = text.trim_start().chars().filter(significant).map(f);
    prefix.chars().all(|p| t.next() == Some(p))
}

fn ends_with(text: &str, suffix: &str, case_sensitive: bool) -> bool {
    let f = if case_sensitive { fold_keep_case } else { fold };
    let trimmed = text.trim_end();
    // `trafficking$` finds `… trafficking;` and `… trafficking.`: closing
    // punctuation is ignored unless the suffix itself ends with some.
    let trimmed = if suffix.chars().last().is_some_and(char::is_alphanumeric) {
        trimmed.trim_end_matches(|c: char| !c.is_alphanumeric())
    } else {
        trimmed
    };
    let mut t = trimmed.chars().rev().filter(significant).map(f);
    suffix.chars().rev().all(|p| t.next() == Some(p))
}

/// Scattered letters of a query word that holds a digit (`ccpcj14`,
/// `op17d`) against the clause id's resolution code or its path.
pub fn id_may_match(q: &[char]) -> bool {
    q.len() >= 2 && q.iter().any(char::is_ascii_digit) && q.iter().any(|c| c.is_alphabetic())
}

pub fn id_matches(q: &[char], id: &str) -> bool {
    if !id_may_match(q) {
        return false;
    }
    let (code, path) = id.rsplit_once(':').unwrap_or((id, ""));
    [code, path].iter().any(|part| {
        let mut p = part.chars().map(fold);
        p.clone().next().as_ref() == q.first() && q.iter().all(|c| p.any(|x| x == *c))
    })
}

/// Where the clause's leading phrase (`*Recommends*`) ends, in chars.
fn phrase_end(text: &str) -> usize {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    match t.strip_prefix('*').and_then(|rest| rest.find('*')) {
        Some(end) => text[..lead + 1 + end].chars().count(),
        None => 0,
    }
}

/// How close the query words are: the number of neighbouring query words
/// found side by side in order, and the span (in words) of the shortest
/// stretch holding every query word.
fn closeness(at: &[[u32; 8]], count: &[u8]) -> (usize, u64) {
    if at.len() < 2 {
        return (0, 0);
    }
    let mut adjacent = 0;
    for k in 1..at.len() {
        let prev = &at[k - 1][..count[k - 1] as usize];
        let here = &at[k][..count[k] as usize];
        if prev.iter().any(|p| here.contains(&(p + 1))) {
            adjacent += 1;
        }
    }
    // Smallest window over every (word, position) pair holding each word.
    let mut all: Vec<(u32, usize)> = at
        .iter()
        .zip(count)
        .enumerate()
        .flat_map(|(k, (p, &c))| p[..c as usize].iter().map(move |&x| (x, k)))
        .collect();
    all.sort_unstable();
    let mut seen = vec![0usize; at.len()];
    let mut have = 0;
    let mut best = u64::MAX;
    let mut lo = 0;
    for hi in 0..all.len() {
        if seen[all[hi].1] == 0 {
            have += 1;
        }
        seen[all[hi].1] += 1;
        while have == at.len() {
            best = best.min(u64::from(all[hi].0 - all[lo].0));
            seen[all[lo].1] -= 1;
            if seen[all[lo].1] == 0 {
                have -= 1;
            }
            lo += 1;
        }
    }
    (adjacent, best)
}

/// Remembers each distinct text word's mask: prose repeats its words, so
/// most are computed once. (One map for words read as codes, one for the
/// rest: scattered letters match only the former.)
#[derive(Default)]
pub struct Memo {
    masks: [FxMap<Box<str>, u64>; 2],
}

impl Memo {
    pub fn mask(&mut self, compiled: &Compiled, w: &str, code: bool) -> u64 {
        let map = &mut self.masks[usize::from(code)];
        if let Some(&m) = map.get(w) {
            return m;
        }
        let m = compiled.word_mask(w, code);
        map.insert(w.into(), m);
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(query: &str, text: &str) -> Option<Score> {
        let c = Compiled::new(query);
        let mut memo = Memo::default();
        c.score(Subject { text, id: "X/1:op.2", tags: &[], note: "" }, &mut |w, code| memo.mask(&c, w, code))
    }

    #[test]
    fn every_word_must_match_a_word() {
        assert!(score("hotline", "*Recommends* a universal hotline;").is_some());
        assert!(score("hotline", "the hot line of the outline").is_none(), "scattered letters");
        assert!(score("data sharing", "sharing of data").is_some());
        assert!(score("data sharing", "data only").is_none());
        assert!(score("trafficing", "human trafficking").is_some());
    }

    #[test]
    fn ranking_prefers_exact_then_close_then_short() {
        let exact = score("hotline", "a hotline here");
        let prefix = score("hotline", "hotlines here");
        assert!(exact > prefix);
        let close = score("data sharing", "on data sharing between States and others");
        let far = score("data sharing", "on data between States and others sharing");
        assert!(close > far);
        let short = score("hotline", "a hotline");
        assert!(short > exact);
        let phrase = score("recommends", "*Recommends* that all States act on it now");
        let later = score("recommends", "*Notes* what it recommends");
        assert!(phrase > later);
    }

    #[test]
    fn fzf_atoms() {
        assert!(score("^urges", "*Urges* all States").is_some());
        assert!(score("^States", "*Urges* all States").is_none());
        assert!(score("trafficking$", "against trafficking;").is_some());
        assert!(score("'Iraq's", "Iraq’s obligations").is_some());
        assert!(score("'iraq's", "IRAQ’S obligations").is_some());
        assert!(score("'Iraq's", "IRAQ’S obligations").is_none(), "smart case");
        assert!(score("data !privacy", "data and privacy").is_none());
        assert!(score("data !privacy", "data alone").is_some());
        assert!(score("op2", "nothing").is_some(), "the id, by scattered letters");
        assert!(score("12", "nothing").is_none(), "a number is a word, not an id");
    }
}
