//! Every clause of every document, in document order, and a clause as one
//! line of text (for fzf and the benchmarks).

use crate::document::{Clause, Document, Resolution};

#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub doc: usize,
    pub clause: &'a Clause,
}

/// Every clause of every document, in document order (`all_clauses`'s
/// pre-order, walked with one stack rather than one per top clause).
pub fn candidates(docs: &[Document]) -> Vec<Candidate<'_>> {
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for (doc, d) in docs.iter().enumerate() {
        for r in &d.resolutions {
            walk(r, &mut stack, |clause| out.push(Candidate { doc, clause }));
        }
    }
    out
}

/// Call `f` with every clause of `r` in document order: the preamble, the
/// operative part, then each annex's, each clause before its children (as
/// `Resolution::all_clauses`). `stack` is scratch space, reused.
pub fn walk<'a>(r: &'a Resolution, stack: &mut Vec<std::slice::Iter<'a, Clause>>, mut f: impl FnMut(&'a Clause)) {
    let annexes = r.annexes.iter().flat_map(|a| [a.preamble.as_slice(), a.operative.as_slice()]);
    for list in [r.preamble.as_slice(), r.operative.as_slice()].into_iter().chain(annexes) {
        stack.clear();
        stack.push(list.iter());
        while let Some(top) = stack.last_mut() {
            match top.next() {
                Some(clause) => {
                    f(clause);
                    if !clause.children.is_empty() {
                        stack.push(clause.children.iter());
                    }
                }
                None => {
                    stack.pop();
                }
            }
        }
    }
}

/// A clause as one line of text, `text  id ` (emphasis marks removed,
/// lines joined): what `scripts/bench-find.sh` gives fzf, and the
/// benchmarks' corpus.
pub fn haystack_into(clause: &Clause, out: &mut String) {
    haystack_of(&clause.text, &clause.id, out);
}

/// The same from a clause's text and id.
pub fn haystack_of(text: &str, id: &str, out: &mut String) {
    out.clear();
    // Copied in runs between the few `*` and newlines (ASCII, so every cut
    // is on a char boundary), without decoding characters.
    let mut from = 0;
    for at in memchr::memchr2_iter(b'*', b'\n', text.as_bytes()) {
        out.push_str(&text[from..at]);
        if text.as_bytes()[at] == b'\n' {
            out.push(' ');
        }
        from = at + 1;
    }
    out.push_str(&text[from..]);
    out.push_str("  ");
    out.push_str(id);
    out.push(' ');
}

pub fn haystack(clause: &Clause) -> String {
    let mut s = String::with_capacity(clause.id.len() + clause.text.len() + 8);
    haystack_into(clause, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_every_clause_in_document_order() {
        let annexed = include_str!("../../tests/fixtures/S_RES_1454_2002.txt");
        let docs = [crate::document::sample(), crate::document::parse::parse(annexed, "S_RES_1454_2002.txt")];
        assert!(docs[1].resolutions.iter().any(|r| r.annexes.iter().any(|a| !a.operative.is_empty())), "an annex");
        let got: Vec<(usize, &str)> = candidates(&docs).iter().map(|c| (c.doc, c.clause.id.as_str())).collect();
        let want: Vec<(usize, &str)> =
            docs.iter().enumerate().flat_map(|(doc, d)| d.all_clauses().map(move |c| (doc, c.id.as_str()))).collect();
        assert!(want.len() > 200, "the sample has its clauses");
        assert!(want.iter().any(|(_, id)| id.contains(".a")), "nested clauses too");
        assert_eq!(got, want);
    }

    #[test]
    fn haystack_drops_emphasis_marks_and_joins_lines() {
        let clause =
            Clause { id: "X/1:op.2".into(), text: "*Urges* States\nto act — *now*".into(), ..Clause::default() };
        assert_eq!(haystack(&clause), "Urges States to act — now  X/1:op.2 ");
        let plain = Clause { id: "X/1:pre.1".into(), text: "Recalling".into(), ..Clause::default() };
        assert_eq!(haystack(&plain), "Recalling  X/1:pre.1 ");
    }
}
