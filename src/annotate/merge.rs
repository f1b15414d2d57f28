//! `reso notes merge`: take in a partner's notes. Tags are unioned;
//! differing notes are both kept, marked; orphans are all kept. Nothing is
//! dropped.

use super::model::{Annotation, NotesFile};

pub fn merge(mine: &NotesFile, theirs: &NotesFile, theirs_name: &str) -> NotesFile {
    let mut out = mine.clone();
    // The result may hold what only format 2 has (from either side).
    out.format = super::model::FORMAT_VERSION;
    for (doc, their_doc) in &theirs.documents {
        let ours = out.documents.entry(doc.clone()).or_default();
        // The identity of an entry only MINE had no record of (format 1).
        if ours.is_legacy() {
            ours.title.clone_from(&their_doc.title);
            ours.codes.clone_from(&their_doc.codes);
            ours.fingerprint.clone_from(&their_doc.fingerprint);
        }
        if let Some(theirs_a) = &their_doc.document {
            let a = ours.document.get_or_insert_with(|| theirs_a.clone());
            combine(a, theirs_a, theirs_name);
        }
        for (code, theirs_a) in &their_doc.resolutions {
            let a = ours.resolutions.entry(code.clone()).or_insert_with(|| theirs_a.clone());
            combine(a, theirs_a, theirs_name);
        }
        for (id, theirs_a) in &their_doc.clauses {
            let a = ours.clauses.entry(id.clone()).or_insert_with(|| theirs_a.clone());
            combine(a, theirs_a, theirs_name);
        }
        for o in &their_doc.orphans {
            if !ours.orphans.contains(o) {
                ours.orphans.push(o.clone());
            }
        }
    }
    out
}

/// Their annotation into mine: tags unioned, both notes kept unless equal.
fn combine(a: &mut Annotation, theirs_a: &Annotation, theirs_name: &str) {
    a.tags.extend(theirs_a.tags.iter().cloned());
    let (mine_note, their_note) = (a.note.trim(), theirs_a.note.trim());
    if their_note.is_empty() || mine_note == their_note {
        return;
    }
    // Both texts are kept unless equal. Their text is added under a
    // mark naming its source; the same mark and text already there
    // (a merge done before) is not added twice. A note merely
    // *containing* theirs is not the same note: "do not support X"
    // and "support X" say opposite things.
    let marked = format!("--- merged from {theirs_name} ---\n{their_note}");
    if mine_note.is_empty() {
        a.note = theirs_a.note.clone();
    } else if !already_merged(&a.note, &marked) {
        a.note = format!("{}\n\n{marked}", a.note.trim_end());
    }
}

/// Whether `note` holds `marked` as one of its merged parts: after a blank
/// line, and followed by the end or by the next merged part.
fn already_merged(note: &str, marked: &str) -> bool {
    let needle = format!("\n\n{marked}");
    note.match_indices(&needle).any(|(at, _)| {
        let after = note[at + needle.len()..].trim_end();
        after.is_empty() || after.starts_with("\n\n--- merged from ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::model::Target;
    use crate::annotate::store::{Op, apply_to};

    fn with(ops: &[Op]) -> NotesFile {
        let mut f = NotesFile::new();
        for op in ops {
            apply_to(&mut f, op);
        }
        f
    }
    fn tag(id: &str, t: &str) -> Op {
        Op::Tag {
            doc: "D".into(),
            target: Target::Clause(id.into()),
            tag: t.into(),
            on: true,
            fingerprint: String::new(),
            text: String::new(),
        }
    }
    fn note(id: &str, n: &str) -> Op {
        let target = if id == "doc" { Target::Document } else { Target::Clause(id.into()) };
        Op::Note { doc: "D".into(), target, note: n.into(), fingerprint: String::new(), text: String::new() }
    }

    #[test]
    fn tags_union_and_both_notes_kept() {
        let mine = with(&[tag("a", "support"), note("a", "we back this"), tag("b", "amend")]);
        let theirs = with(&[tag("a", "priority"), note("a", "ask France"), note("c", "new")]);
        let m = merge(&mine, &theirs, "partner.ron");
        let d = &m.documents["D"];
        assert_eq!(d.clauses["a"].tags.iter().collect::<Vec<_>>(), ["priority", "support"]);
        assert!(d.clauses["a"].note.contains("we back this") && d.clauses["a"].note.contains("ask France"));
        assert!(d.clauses["a"].note.contains("merged from partner.ron"));
        assert_eq!(d.clauses["c"].note, "new");
        assert!(d.clauses.contains_key("b"));
        // Notes on the document merge the same way.
        let (mine_doc, theirs_doc) = (with(&[note("doc", "we sponsor")]), with(&[note("doc", "vote yes")]));
        let m2 = merge(&mine_doc, &theirs_doc, "partner.ron");
        let whole = m2.documents["D"].document.as_ref().map(|a| a.note.clone()).unwrap_or_default();
        assert!(whole.contains("we sponsor") && whole.contains("vote yes"), "{whole}");
        // Merging again changes nothing.
        assert_eq!(merge(&m, &theirs, "partner.ron"), m);
    }

    #[test]
    fn a_note_inside_mine_is_still_kept_as_theirs() {
        let mine = with(&[note("a", "do not support the hotline")]);
        let theirs = with(&[note("a", "support the hotline")]);
        let m = merge(&mine, &theirs, "partner.ron");
        let n = &m.documents["D"].clauses["a"].note;
        assert!(n.starts_with("do not support the hotline"), "{n}");
        assert!(n.ends_with("--- merged from partner.ron ---\nsupport the hotline"), "{n}");
        assert_eq!(merge(&m, &theirs, "partner.ron"), m, "merging again adds nothing");
        // Their note equal to mine apart from surrounding space: one copy.
        let same = with(&[note("a", "do not support the hotline\n")]);
        assert_eq!(merge(&mine, &same, "partner.ron").documents["D"].clauses["a"].note, "do not support the hotline");
    }
}
