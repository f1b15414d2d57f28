//! The notes of the documents that are open: the store, and for each
//! document its annotations anchored to the clauses as they are now.

use super::anchor::{Anchored, anchor};
use super::model::{Annotation, Orphan, doc_key, fingerprint};
use super::store::{Op, Store};
use crate::document::{Clause, Document};

pub struct Notes {
    pub store: Store,
    /// Per open document (same order): its key in the file and its
    /// anchored annotations.
    pub docs: Vec<(String, Anchored)>,
}

impl Notes {
    /// Anchor every document's notes in memory only: for reading (search,
    /// export), which must never write.
    pub fn view(store: Store, docs: &[Document]) -> Notes {
        let mut notes = Notes { store, docs: Vec::new() };
        notes.reanchor(docs);
        notes
    }

    /// Anchor every document's notes; annotations that followed a revised
    /// clause, or became orphans, are saved as such (unless read-only).
    pub fn open(store: Store, docs: &[Document]) -> Result<Notes, String> {
        let mut notes = Notes::view(store, docs);
        if !notes.store.is_read_only() {
            let relocations: Vec<Op> = notes
                .docs
                .iter()
                .filter(|(_, a)| a.changed())
                .map(|(key, a)| Op::Relocate {
                    doc: key.clone(),
                    moves: a.moves.clone(),
                    orphans: a.new_orphans.clone(),
                })
                .collect();
            for op in &relocations {
                notes.store.apply(op)?;
            }
            if !relocations.is_empty() {
                notes.reanchor(docs);
            }
        }
        Ok(notes)
    }

    pub fn reanchor(&mut self, docs: &[Document]) {
        self.docs = docs
            .iter()
            .map(|d| {
                let key = doc_key(d);
                let anchored = match self.store.file.documents.get(&key) {
                    Some(n) => anchor(n, d),
                    None => Anchored::default(),
                };
                (key, anchored)
            })
            .collect();
    }

    pub fn get(&self, doc: usize, id: &str) -> Option<&Annotation> {
        self.docs.get(doc).and_then(|(_, a)| a.by_id.get(id))
    }

    pub fn orphans(&self, doc: usize) -> &[Orphan] {
        self.docs.get(doc).map(|(_, a)| a.orphans.as_slice()).unwrap_or(&[])
    }

    /// Toggle a tag; returns whether it is now on.
    pub fn toggle_tag(&mut self, docs: &[Document], doc: usize, clause: &Clause, tag: &str) -> Result<bool, String> {
        let on = !self.get(doc, &clause.id).is_some_and(|a| a.tags.contains(tag));
        self.set_tag(docs, doc, clause, tag, on)?;
        Ok(on)
    }

    pub fn set_tag(
        &mut self,
        docs: &[Document],
        doc: usize,
        clause: &Clause,
        tag: &str,
        on: bool,
    ) -> Result<(), String> {
        let op = Op::Tag {
            doc: self.key(doc)?,
            id: clause.id.to_string(),
            tag: tag.to_string(),
            on,
            fingerprint: fingerprint(&clause.text),
            text: clause.text.to_string(),
        };
        self.apply(docs, &op)
    }

    pub fn set_note(&mut self, docs: &[Document], doc: usize, clause: &Clause, note: &str) -> Result<(), String> {
        let op = Op::Note {
            doc: self.key(doc)?,
            id: clause.id.to_string(),
            note: note.trim_end().to_string(),
            fingerprint: fingerprint(&clause.text),
            text: clause.text.to_string(),
        };
        self.apply(docs, &op)
    }

    pub fn attach(&mut self, docs: &[Document], doc: usize, orphan: &str, clause: &Clause) -> Result<(), String> {
        let op = Op::Attach {
            doc: self.key(doc)?,
            orphan: orphan.to_string(),
            id: clause.id.to_string(),
            fingerprint: fingerprint(&clause.text),
            text: clause.text.to_string(),
        };
        self.apply(docs, &op)
    }

    /// Pick up another instance's changes; true if any.
    pub fn reload(&mut self, docs: &[Document]) -> bool {
        if self.store.reload_if_changed() {
            self.reanchor(docs);
            return true;
        }
        false
    }

    fn key(&self, doc: usize) -> Result<String, String> {
        self.docs.get(doc).map(|(k, _)| k.clone()).ok_or_else(|| "no such document".to_string())
    }

    fn apply(&mut self, docs: &[Document], op: &Op) -> Result<(), String> {
        self.store.apply(op)?;
        self.reanchor(docs);
        Ok(())
    }
}
