//! `reso notes merge`: take in a partner's notes. Tags are unioned;
//! differing notes are both kept, marked; orphans are all kept. Nothing is
//! dropped.

use super::model::NotesFile;

pub fn merge(mine: &NotesFile, theirs: &NotesFile, theirs_name: &str) -> NotesFile {
    let mut out = mine.clone();
    for (doc, their_doc) in &theirs.documents {
        let ours = out.documents.entry(doc.clone()).or_default();
        for (id, theirs_a) in &their_doc.clauses {
            let a = ours.clauses.entry(id.clone()).or_insert_with(|| theirs_a.clone());
            a.tags.extend(theirs_a.tags.iter().cloned());
            let (mine_note, their_note) = (a.note.trim(), theirs_a.note.trim());
            if their_note.is_empty() || mine_note == their_note {
                continue;
            }
            if mine_note.is_empty() {
                a.note = theirs_a.note.clone();
            } else if !a.note.contains(their_note) {
                a.note = format!("{}\n\n--- merged from {theirs_name} ---\n{}", a.note, theirs_a.note);
            }
        }
        for o in &their_doc.orphans {
            if !ours.orphans.contains(o) {
                ours.orphans.push(o.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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
            id: id.into(),
            tag: t.into(),
            on: true,
            fingerprint: String::new(),
            text: String::new(),
        }
    }
    fn note(id: &str, n: &str) -> Op {
        Op::Note { doc: "D".into(), id: id.into(), note: n.into(), fingerprint: String::new(), text: String::new() }
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
        // Merging again changes nothing.
        assert_eq!(merge(&m, &theirs, "partner.ron"), m);
    }
}
