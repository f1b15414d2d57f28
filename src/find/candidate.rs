//! What a search looks at for each clause: its full text (emphasis marks
//! removed so `*Encourages*` reads as a word; the phrase is its start) and
//! then its id. Text first, so `^Urges` finds clauses that open with it.

use crate::annotate::Annotation;
use crate::document::{Clause, Document};

#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub doc: usize,
    pub clause: &'a Clause,
}

/// Every clause of every document, in document order.
pub fn candidates(docs: &[Document]) -> Vec<Candidate<'_>> {
    docs.iter().enumerate().flat_map(|(doc, d)| d.all_clauses().map(move |clause| Candidate { doc, clause })).collect()
}

/// The searchable text of a clause, written into `out` (reused by callers
/// that score many clauses): `text  id `.
///
/// The trailing space works around nucleo-matcher 0.3.1 missing an exact
/// (`'word`) match that ends a non-ASCII haystack (helix-editor/nucleo#104);
/// `suffix$` matching ignores trailing white space, so it is unaffected.
pub fn haystack_into(clause: &Clause, out: &mut String) {
    out.clear();
    out.extend(clause.text.chars().filter(|&c| c != '*').map(|c| if c == '\n' { ' ' } else { c }));
    out.push_str("  ");
    out.push_str(&clause.id);
    out.push(' ');
}

/// Append a clause's tags (as `#tag`) and note to its haystack, so the
/// finder searches them too.
pub fn push_annotation(out: &mut String, annotation: Option<&Annotation>) {
    let Some(a) = annotation else { return };
    for t in &a.tags {
        out.push_str(" #");
        out.push_str(t);
    }
    if !a.note.is_empty() {
        out.push_str("  ");
        out.extend(a.note.chars().map(|c| if c.is_control() { ' ' } else { c }));
    }
    out.push(' ');
}

pub fn haystack(clause: &Clause) -> String {
    let mut s = String::with_capacity(clause.id.len() + clause.text.len() + 8);
    haystack_into(clause, &mut s);
    s
}
