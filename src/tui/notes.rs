//! What the reader does to notes and tags: toggle a tag, keep a note,
//! filter by a tag, re-attach an orphan, hand a note to the user's editor,
//! and pick up another instance's changes. The overlays ask for these (in
//! an `Outcome`); the notes code below does the work.

use super::app::App;
use super::search::note_set;
use crate::annotate::{Notes, Target};

/// How a target is named in messages.
pub fn label(target: &Target) -> String {
    match target {
        Target::Document => "the document".into(),
        other => other.name().to_string(),
    }
}

pub const SELECT_FIRST: &str = "tags and notes go on a clause, a resolution or a document: select one first";

/// Run a change on the notes, reporting the outcome in the status line.
fn with_notes(
    app: &mut App<'_>,
    change: impl FnOnce(&mut Notes, &[crate::document::Document]) -> Result<String, String>,
) {
    let docs = app.docs;
    let result = match app.notes.as_mut() {
        Some(notes) => change(notes, docs),
        None => Err("notes are not loaded".into()),
    };
    app.message = Some(match result {
        Ok(m) => m,
        Err(e) => e,
    });
    app.notes_changed();
}

/// A tag key on the selected clause. Returns false if `c` is no tag's key.
pub fn tag_key(app: &mut App<'_>, c: char) -> bool {
    tag_node(app, app.selected, c)
}

/// A tag key on `node` (the selected clause, or the finder's hit): the one
/// way a tag is toggled. Returns false if `c` is no tag's key.
pub fn tag_node(app: &mut App<'_>, node: usize, c: char) -> bool {
    let Some(tag) = app.tags.iter().find(|t| t.key == c).map(|t| t.name.clone()) else { return false };
    let Some((doc, target)) = app.target(node) else {
        app.message = Some(SELECT_FIRST.into());
        return true;
    };
    with_notes(app, |notes, docs| {
        let on = notes.toggle_tag(docs, doc, &target, &tag)?;
        Ok(format!("{tag} {} {}", if on { "on" } else { "off" }, label(&target)))
    });
    // The engine searches tags too (`#tag`): give it the new set.
    let notes = note_set(app.notes.as_ref());
    if let Some(e) = app.engine.as_mut() {
        e.set_notes(notes);
    }
    true
}

pub fn save_note(app: &mut App<'_>, node: usize, text: &str) {
    let Some((doc, target)) = app.target(node) else { return };
    let unchanged =
        app.annotation(node).map(|a| a.note.trim_end() == text.trim_end()).unwrap_or(text.trim().is_empty());
    if unchanged {
        app.message = Some("note unchanged".into());
        return;
    }
    with_notes(app, |notes, docs| {
        notes.set_note(docs, doc, &target, text)?;
        Ok(format!("note saved on {}", label(&target)))
    });
}

/// `E`: the node whose note the user's editor ($VISUAL / $EDITOR) may
/// take (the run loop hands it the terminal), or None and a message why not.
pub fn external_editor(app: &mut App<'_>) -> Option<usize> {
    match app.target(app.selected) {
        Some(_) if app.notes.as_ref().is_some_and(|n| n.store.is_read_only()) => {
            app.message = Some("notes are read-only (the notes file could not be read)".into());
            None
        }
        Some(_) => Some(app.selected),
        None => {
            app.message = Some(SELECT_FIRST.into());
            None
        }
    }
}

pub fn filter_by_tag(app: &mut App<'_>, tag: &str) {
    let hits: Vec<usize> =
        (0..app.nodes.len()).filter(|&i| app.annotation(i).is_some_and(|a| a.tags.contains(tag))).collect();
    app.apply_filter(format!("#{tag}"), hits);
}

/// Re-attach an orphaned annotation of `doc` to the node `to`, which must
/// be a clause (or resolution) of the same document. True if it was.
pub fn attach(app: &mut App<'_>, doc: usize, id: &str, to: usize) -> bool {
    match app.target(to) {
        Some((tdoc, target)) if tdoc == doc => {
            with_notes(app, |notes, docs| {
                notes.attach(docs, doc, id, &target)?;
                Ok(format!("re-attached {id} to {}", label(&target)))
            });
            true
        }
        _ => {
            app.message =
                Some("select a clause (or resolution) of the same document in the tree first, then A and r".into());
            false
        }
    }
}

/// Pick up another instance's changes to the notes file.
/// True if another instance changed the notes (the screen needs a frame).
pub fn poll(app: &mut App<'_>) -> bool {
    let docs = app.docs;
    let changed = app.notes.as_mut().is_some_and(|n| n.reload(docs));
    if changed {
        app.notes_changed();
    }
    changed
}
