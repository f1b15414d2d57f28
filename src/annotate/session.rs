//! The notes of the documents that are open: the store, and for each
//! document the entry it owns and its annotations anchored to the clauses
//! as they are now.
//!
//! Opening, reading, finding and quitting never write: anchoring happens in
//! memory. A change the user makes writes, under the lock, on the file as
//! it is then: first what anchoring found for *that* document (notes that
//! followed a revised clause, new orphans, notes taken in from a loose
//! format-1 entry, the document's identity), then the change itself.
//! Entries of other documents are left as they are.

use super::anchor::{Anchored, From, adopt, anchor, resolution_text};
use std::sync::OnceLock;

use super::identity::{Fingerprints, Known, Wanted, assign, fingerprint_cache, known, new_key, wanted};
use super::model::{Annotation, NotesFile, Orphan, Target, fingerprint, hex};
use super::store::{Op, Store, apply_to, slot};
use crate::document::Document;

pub struct Notes {
    pub store: Store,
    /// Per open document (same order).
    pub docs: Vec<DocView>,
    /// Per open document, its fingerprints once computed.
    cache: Vec<OnceLock<Fingerprints>>,
}

#[derive(Debug, Clone, Default)]
pub struct DocView {
    /// The entry of the file this document owns, if any.
    pub entry: Option<String>,
    pub anchored: Anchored,
}

/// Every open document's view of the file.
pub fn views(file: &NotesFile, docs: &[Document], cache: &[OnceLock<Fingerprints>]) -> Vec<DocView> {
    let wanted = wanted(file);
    views_of(file, &known(docs, cache, &wanted))
}

fn views_of(file: &NotesFile, known: &[Known<'_>]) -> Vec<DocView> {
    let claims = assign(file, known);
    let mut anchored: Vec<Anchored> = claims
        .own
        .iter()
        .zip(known)
        .map(|(own, k)| match own.as_ref().and_then(|key| file.documents.get(key).map(|n| (key, n))) {
            Some((key, notes)) => anchor(key, notes, k),
            None => Anchored::default(),
        })
        .collect();
    if !claims.loose.is_empty() {
        adopt(file, &claims.loose, known, &mut anchored);
    }
    claims.own.into_iter().zip(anchored).map(|(entry, anchored)| DocView { entry, anchored }).collect()
}

/// Write what anchoring found for document `d` into the file, and return
/// the name of its entry (created if it had none).
pub fn settle(file: &mut NotesFile, docs: &[Document], cache: &[OnceLock<Fingerprints>], d: usize) -> Option<String> {
    let wanted = wanted(file);
    let known = known(docs, cache, &wanted);
    let k = known.get(d)?;
    let view = views_of(file, &known).into_iter().nth(d)?;
    let key = view.entry.clone().unwrap_or_else(|| new_key(file, &k.doc.title));
    // Take everything that moves out first, so a chain of moves (op.5 →
    // op.6, op.6 → op.7) cannot overwrite itself.
    let mut orphaning = Vec::new();
    for from in &view.anchored.new_orphans {
        if let Some(a) = take(file, &key, from) {
            orphaning.push(Orphan { id: from_id(from).to_string(), annotation: a });
        }
    }
    let mut moving = Vec::new();
    for m in &view.anchored.moves {
        if let Some(a) = take(file, &m.entry, &m.from) {
            moving.push((m, a));
        }
    }
    let notes = file.documents.entry(key.clone()).or_default();
    for (m, mut a) in moving {
        a.fingerprint.clone_from(&m.fingerprint);
        a.text.clone_from(&m.text);
        let place = slot(notes, &m.to);
        if place.is_empty() && place.fingerprint.is_empty() {
            *place = a;
        } else {
            // Someone annotated the target meanwhile: keep both.
            notes.orphans.push(Orphan { id: from_id(&m.from).to_string(), annotation: a });
        }
    }
    notes.orphans.extend(orphaning);
    notes.title.clone_from(&k.doc.title);
    notes.codes.clone_from(&k.codes);
    notes.fingerprint = hex(k.index().whole);
    Some(key)
}

fn from_id(from: &From) -> &str {
    match from {
        From::Clause(id) | From::Resolution(id) | From::Orphan(id) => id,
    }
}

/// Remove an annotation from an entry.
fn take(file: &mut NotesFile, key: &str, from: &From) -> Option<Annotation> {
    let notes = file.documents.get_mut(key)?;
    let a = match from {
        From::Clause(id) => notes.clauses.remove(id),
        From::Resolution(code) => notes.resolutions.remove(code),
        From::Orphan(id) => {
            let pos = notes.orphans.iter().position(|o| &o.id == id)?;
            Some(notes.orphans.remove(pos).annotation)
        }
    };
    if notes.is_empty() {
        file.documents.remove(key);
    }
    a
}

/// The fingerprint and text an annotation on `target` keeps.
pub fn describe(doc: &Document, target: &Target) -> Option<(String, String)> {
    match target {
        Target::Clause(id) => {
            doc.all_clauses().find(|c| c.id == id.as_str()).map(|c| (fingerprint(&c.text), c.text.to_string()))
        }
        Target::Resolution(code) => {
            let (fps, none) = (OnceLock::new(), Wanted::default());
            let known = Known::new(doc, &fps, &none);
            let fp = hex(*known.index().resolutions.get(code.as_str())?);
            Some((fp, resolution_text(&known, code)))
        }
        Target::Document => {
            let (fps, none) = (OnceLock::new(), Wanted::default());
            let known = Known::new(doc, &fps, &none);
            let fp = hex(known.index().whole);
            Some((fp, doc.title.clone()))
        }
    }
}

impl Notes {
    /// Anchor every document's notes, in memory only: opening never writes.
    pub fn open(store: Store, docs: &[Document]) -> Result<Notes, String> {
        Ok(Notes::view(store, docs))
    }

    /// The same as `open` (kept for the commands that only read).
    pub fn view(store: Store, docs: &[Document]) -> Notes {
        let mut notes = Notes { store, docs: Vec::new(), cache: fingerprint_cache(docs) };
        notes.reanchor(docs);
        notes
    }

    pub fn reanchor(&mut self, docs: &[Document]) {
        if self.cache.len() != docs.len() {
            self.cache = fingerprint_cache(docs);
        }
        self.docs = views(&self.store.file, docs, &self.cache);
    }

    /// A clause's annotation.
    pub fn get(&self, doc: usize, id: &str) -> Option<&Annotation> {
        self.docs.get(doc).and_then(|v| v.anchored.by_id.get(id))
    }

    pub fn get_target(&self, doc: usize, target: &Target) -> Option<&Annotation> {
        let a = &self.docs.get(doc)?.anchored;
        match target {
            Target::Document => a.document.as_ref(),
            Target::Resolution(code) => a.resolutions.get(code),
            Target::Clause(id) => a.by_id.get(id),
        }
    }

    pub fn orphans(&self, doc: usize) -> &[Orphan] {
        self.docs.get(doc).map(|v| v.anchored.orphans.as_slice()).unwrap_or(&[])
    }

    /// Toggle a tag; returns whether it is now on.
    pub fn toggle_tag(&mut self, docs: &[Document], doc: usize, target: &Target, tag: &str) -> Result<bool, String> {
        let on = !self.get_target(doc, target).is_some_and(|a| a.tags.contains(tag));
        self.set_tag(docs, doc, target, tag, on)?;
        Ok(on)
    }

    /// Turn a tag on or off; returns false (and writes nothing) if it
    /// already was.
    pub fn set_tag(
        &mut self,
        docs: &[Document],
        doc: usize,
        target: &Target,
        tag: &str,
        on: bool,
    ) -> Result<bool, String> {
        if self.get_target(doc, target).is_some_and(|a| a.tags.contains(tag)) == on {
            return Ok(false);
        }
        let (fingerprint, text) = describe_in(docs, doc, target)?;
        let (target, tag) = (target.clone(), tag.to_string());
        self.change(docs, doc, move |key| Op::Tag { doc: key, target, tag, on, fingerprint, text })?;
        Ok(true)
    }

    /// Set (or clear, with "") a note; returns false (and writes nothing)
    /// if it was already so.
    pub fn set_note(&mut self, docs: &[Document], doc: usize, target: &Target, note: &str) -> Result<bool, String> {
        let note = note.trim_end().to_string();
        if self.get_target(doc, target).map_or(String::new(), |a| a.note.trim_end().to_string()) == note {
            return Ok(false);
        }
        let (fingerprint, text) = describe_in(docs, doc, target)?;
        let target = target.clone();
        self.change(docs, doc, move |key| Op::Note { doc: key, target, note, fingerprint, text })?;
        Ok(true)
    }

    /// Re-attach an orphan of document `doc` by hand.
    pub fn attach(&mut self, docs: &[Document], doc: usize, orphan: &str, target: &Target) -> Result<(), String> {
        let (fingerprint, text) = describe_in(docs, doc, target)?;
        let (orphan, target) = (orphan.to_string(), target.clone());
        self.change(docs, doc, move |key| Op::Attach { doc: key, orphan, target, fingerprint, text })
    }

    /// Pick up another instance's changes; true if any.
    pub fn reload(&mut self, docs: &[Document]) -> bool {
        if self.store.reload_if_changed() {
            self.reanchor(docs);
            return true;
        }
        false
    }

    /// One change on document `doc`: settle its anchoring, then apply the
    /// change to its entry, all under the lock.
    fn change(&mut self, docs: &[Document], doc: usize, op: impl FnOnce(String) -> Op) -> Result<(), String> {
        if doc >= docs.len() {
            return Err("no such document".into());
        }
        if self.cache.len() != docs.len() {
            self.cache = fingerprint_cache(docs);
        }
        let cache = &self.cache;
        self.store.change(|file| {
            if let Some(key) = settle(file, docs, cache, doc) {
                apply_to(file, &op(key));
            }
        })?;
        self.reanchor(docs);
        Ok(())
    }
}

fn describe_in(docs: &[Document], doc: usize, target: &Target) -> Result<(String, String), String> {
    docs.get(doc).and_then(|d| describe(d, target)).ok_or_else(|| format!("no {} in this document", target.name()))
}
