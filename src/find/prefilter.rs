//! `reso find`'s shortcut past clauses that cannot match. It reads every
//! clause once, so this is most of its time: a clause is read word by word
//! (and scored) only when each query word matches one of its words.
//!
//! A query word matches a text word exactly, by prefix, with at most k
//! typos, or (a code or acronym) by scattered letters from its first. The
//! first three leave one of k + 1 pieces of the query word intact in the
//! text word (pigeonhole: the pieces sit one char apart, so that one edit,
//! a swap of neighbours included, touches one piece at most); the last
//! needs a word starting with the word's first letter in capitals. So the
//! pieces and
//! that capital are looked for in the whole text at once (memchr), and
//! only the words around what is found are compared with the query word:
//! the test never rules out a clause that matches, and rules out nearly
//! every one that does not, however common the pieces (`int…` of
//! `INTERPOL`). For texts that fold to ASCII (nearly all UN texts); any
//! other text is read in full.

use memchr::memmem::Finder;

use super::fold::{fold_keep_case, for_each_word};
use super::matcher::{Compiled, Memo, id_may_match};
use super::query::typos_allowed;

pub struct Prefilter {
    /// Per query word, in the order of `Compiled::words`; None when the
    /// word could also match the clause id (not in the text).
    words: Vec<Option<Word>>,
}

struct Word {
    /// Where this word's four bits are in a word mask.
    shift: usize,
    /// Each piece, and where it starts in the query word.
    pieces: Vec<(Finder<'static>, usize)>,
    /// Typos allowed: how far a piece may move in a matching text word.
    typos: usize,
    /// Its first letter in capitals (a digit as it is).
    first: u8,
}

/// Buffers reused from clause to clause.
#[derive(Default)]
pub struct Scratch {
    /// A text that is not ASCII folded (accents, quotes), case kept: one
    /// byte a char.
    keep: Vec<u8>,
    /// The text in lower case, a backquote as an apostrophe.
    lower: Vec<u8>,
    word: String,
}

impl Prefilter {
    pub fn new(q: &Compiled) -> Prefilter {
        let words = q
            .words
            .iter()
            .enumerate()
            .map(|(k, (_, chars))| {
                if id_may_match(chars) || !chars.iter().all(char::is_ascii) || chars.is_empty() {
                    return None;
                }
                let bytes: Vec<u8> = chars.iter().map(|&c| c as u8).collect();
                // k + 1 pieces as long as they can be, one char apart: an
                // edit (a swap of two neighbours included) then touches
                // at most one piece, so k edits leave one intact.
                let typos = typos_allowed(bytes.len());
                let n = typos + 1;
                let chars = bytes.len().saturating_sub(typos);
                let mut start = 0;
                let pieces = (0..n)
                    .map(|p| {
                        // The longer pieces first (`tra`, `fic`, `ng`).
                        let len = chars / n + usize::from(p < chars % n);
                        let piece =
                            (Finder::new(bytes.get(start..start + len).unwrap_or_default()).into_owned(), start);
                        start += len + 1;
                        piece
                    })
                    .collect();
                Some(Word { shift: 4 * k, pieces, typos, first: bytes.first().copied()?.to_ascii_uppercase() })
            })
            .collect();
        Prefilter { words }
    }

    /// False only when the clause cannot match: some query word matches
    /// no word of `text`. `memo` is the caller's (the words compared here
    /// are the ones the scorer then looks up).
    pub fn may_match(&self, q: &Compiled, text: &str, memo: &mut Memo, scratch: &mut Scratch) -> bool {
        if self.words.iter().all(Option::is_none) {
            return true;
        }
        let Scratch { keep: folded, lower, word } = scratch;
        // An ASCII text (nearly all) is read as it is: a backquote is an
        // apostrophe to every test below, as to `for_each_word`.
        let keep: &[u8] = if text.is_ascii() {
            text.as_bytes()
        } else {
            folded.clear();
            for c in text.chars() {
                let k = fold_keep_case(c);
                if !k.is_ascii() {
                    return true;
                }
                folded.push(k as u8);
            }
            folded
        };
        lower.clear();
        lower.resize(keep.len(), 0);
        for (l, &b) in lower.iter_mut().zip(keep) {
            *l = lower_byte(b);
        }
        // What the words compared so far matched, for every query word.
        let mut found = 0u64;
        for w in self.words.iter().flatten() {
            let bits = 0xF << w.shift;
            if found & bits != 0 {
                continue;
            }
            // A piece intact in a matching word is where it is in the query
            // word, give or take one place for each insertion or deletion
            // before it.
            let mut by_piece = false;
            'pieces: for (finder, from) in &w.pieces {
                let len = finder.needle().len();
                for at in finder.find_iter(lower.as_slice()) {
                    let offset = at - word_start(keep, at);
                    if offset + w.typos < *from || offset > from + w.typos {
                        continue;
                    }
                    found |= masks_around(q, keep, at, len, memo, word);
                    if found & bits != 0 {
                        by_piece = true;
                        break 'pieces;
                    }
                }
            }
            // A code (scattered letters) starts with the capital, and its
            // next char is no small letter (a code has two capitals at least).
            let mut by_capital = || {
                memchr::memchr_iter(w.first, keep)
                    .filter(|&at| {
                        (at == 0 || keep.get(at - 1).is_some_and(|&b| !b.is_ascii_alphanumeric()))
                            && keep.get(at + 1).is_some_and(|&b| word_char(b) && !b.is_ascii_lowercase())
                    })
                    .any(|at| {
                        found |= masks_around(q, keep, at, 1, memo, word);
                        found & bits != 0
                    })
            };
            if !by_piece && !by_capital() {
                return false;
            }
        }
        true
    }
}

/// An ASCII byte in lower case, a backquote as an apostrophe: without
/// branches, so that the loop over a text is vectorised.
fn lower_byte(b: u8) -> u8 {
    let upper = u8::from(b.wrapping_sub(b'A') < 26);
    let l = b | (upper << 5);
    l - u8::from(l == b'`') * (b'`' - b'\'')
}

/// A byte that may belong to a word of folded ASCII text: a letter, a
/// digit, or an apostrophe (which joins two words' chars).
fn word_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || is_apostrophe(b)
}

fn is_apostrophe(b: u8) -> bool {
    b == b'\'' || b == b'`'
}

/// Where the word holding `keep[at]` starts, as `for_each_word` reads
/// it: letters and digits, with a single apostrophe joining two runs.
fn word_start(keep: &[u8], at: usize) -> usize {
    let alnum = |i: usize| keep.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut start = at.min(keep.len());
    loop {
        while start > 0 && alnum(start - 1) {
            start -= 1;
        }
        if start >= 2 && keep.get(start - 1).copied().is_some_and(is_apostrophe) && alnum(start - 2) {
            start -= 1;
        } else {
            return start;
        }
    }
}

/// The masks of the words of `keep` around `keep[at..at + len]`: the span
/// is widened over every word char, so it holds every whole word that
/// overlaps it, and `for_each_word` reads them exactly as in the whole text.
fn masks_around(q: &Compiled, keep: &[u8], at: usize, len: usize, memo: &mut Memo, word: &mut String) -> u64 {
    let mut start = at.min(keep.len());
    while start > 0 && keep.get(start - 1).copied().is_some_and(word_char) {
        start -= 1;
    }
    let mut end = at.saturating_add(len).min(keep.len());
    while keep.get(end).copied().is_some_and(word_char) {
        end += 1;
    }
    // ASCII, so always UTF-8; were it not, nothing is ruled out.
    let Some(span) = keep.get(start..end).and_then(|s| std::str::from_utf8(s).ok()) else {
        return u64::MAX;
    };
    let mut mask = 0;
    for_each_word(span, word, |w, at| mask |= memo.mask(q, w, at.code));
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_byte_is_ascii_lowercase_with_backquotes_as_apostrophes() {
        for b in 0..=255u8 {
            let want = if b == b'`' { b'\'' } else { b.to_ascii_lowercase() };
            assert_eq!(lower_byte(b), want, "{b}");
        }
    }
}
