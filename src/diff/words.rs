//! The word-level difference of a reworded clause: which words were kept,
//! struck and inserted (similar's Myers diff over words). Emphasis marks
//! are not words: `*Urges*` and `Urges` are the same word.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum WordOp {
    Equal(String),
    Delete(String),
    Insert(String),
}

/// The words of `old` and `new`, kept, struck and inserted, each run
/// trimmed (the runs are separated by single spaces): `[Equal("Urges"),
/// Insert("all"), Equal("Member States to"), Delete("share"), …]`. Within a
/// changed stretch the struck words come first, then the inserted ones.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let (old, new) = (plain(old), plain(new));
    let diff = TextDiff::from_words(old.as_str(), new.as_str());
    let mut out: Vec<WordOp> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    for change in diff.iter_all_changes() {
        let t = change.value();
        match change.tag() {
            ChangeTag::Delete => del.push_str(t),
            ChangeTag::Insert => ins.push_str(t),
            // A space between changed words belongs to the change.
            ChangeTag::Equal if t.trim().is_empty() => {
                for run in [&mut del, &mut ins] {
                    if !run.is_empty() {
                        run.push_str(t);
                    }
                }
            }
            ChangeTag::Equal => {
                flush(&mut out, &mut del, &mut ins);
                push(&mut out, WordOp::Equal(t.to_string()));
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

fn flush(out: &mut Vec<WordOp>, del: &mut String, ins: &mut String) {
    push(out, WordOp::Delete(std::mem::take(del)));
    push(out, WordOp::Insert(std::mem::take(ins)));
}

/// Append a trimmed run, joining it to the last one when of the same kind.
fn push(out: &mut Vec<WordOp>, op: WordOp) {
    let text = text_of(&op).trim();
    if text.is_empty() {
        return;
    }
    if let Some(last) = out.last_mut()
        && std::mem::discriminant(last) == std::mem::discriminant(&op)
    {
        let (WordOp::Equal(t) | WordOp::Delete(t) | WordOp::Insert(t)) = last;
        t.push(' ');
        t.push_str(text);
        return;
    }
    out.push(match op {
        WordOp::Equal(_) => WordOp::Equal(text.to_string()),
        WordOp::Delete(_) => WordOp::Delete(text.to_string()),
        WordOp::Insert(_) => WordOp::Insert(text.to_string()),
    });
}

pub fn text_of(op: &WordOp) -> &str {
    match op {
        WordOp::Equal(t) | WordOp::Delete(t) | WordOp::Insert(t) => t,
    }
}

/// Clause text without emphasis marks and with single spaces.
pub fn plain(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c| c == '*' || c == '_'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(d: &[WordOp]) -> Vec<(char, String)> {
        d.iter()
            .map(|op| match op {
                WordOp::Equal(t) => ('=', t.clone()),
                WordOp::Delete(t) => ('-', t.clone()),
                WordOp::Insert(t) => ('+', t.clone()),
            })
            .collect()
    }

    #[test]
    fn inserted_and_struck_words_exactly() {
        let d = word_diff("*Urges* Member States to share data;", "*Urges* all Member States to exchange data;");
        assert_eq!(
            ops(&d),
            vec![
                ('=', "Urges".into()),
                ('+', "all".into()),
                ('=', "Member States to".into()),
                ('-', "share".into()),
                ('+', "exchange".into()),
                ('=', "data;".into()),
            ]
        );
    }

    #[test]
    fn the_same_words_are_one_equal_run() {
        assert_eq!(ops(&word_diff("*Urges*  States", "Urges States")), vec![('=', "Urges States".into())]);
        assert_eq!(
            ops(&word_diff("a b c d", "a x y d")),
            vec![('=', "a".into()), ('-', "b c".into()), ('+', "x y".into()), ('=', "d".into())]
        );
    }
}
