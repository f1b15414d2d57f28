//! Which chars of a text a query matched, for highlighting: every word the
//! query's words match, and every place an `'exact` atom occurs.

use super::fold::{fold, for_each_word};
use super::matcher::Compiled;
use super::query::Kind;

/// Sorted, unique char positions in `text` that `q` matched.
pub fn positions(q: &Compiled, text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut buf = String::new();
    if !q.words.is_empty() {
        for_each_word(text, &mut buf, |w, at| {
            if q.word_mask(w, at.code) != 0 {
                out.extend(at.start..at.end);
            }
        });
    }
    // `'exact`, `^prefix`, `suffix$`: the atom's text wherever it occurs
    // (a char of the text folds to one char, so positions line up).
    let folded: Vec<char> = text.chars().map(fold).collect();
    for a in q.atoms.iter().filter(|a| matches!(a.kind, Kind::Exact | Kind::Prefix | Kind::Suffix)) {
        let needle: Vec<char> = a.text.chars().flat_map(char::to_lowercase).collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - needle.len() {
            if folded[start..start + needle.len()] == needle[..] {
                out.extend(start..start + needle.len());
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(query: &str, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        positions(&Compiled::new(query), text).iter().map(|&i| chars[i]).collect()
    }

    #[test]
    fn whole_words_and_exact_runs() {
        assert_eq!(shown("hotline", "a universal hotline; hotlines"), "hotlinehotlines");
        assert_eq!(shown("razvan", "Chair Răzvan-Mihalcea"), "Răzvan");
        assert_eq!(shown("'campaigns", "— “campaigns” here"), "campaigns");
        assert_eq!(shown("hotline", "the hot line"), "", "no scattered letters");
    }
}
