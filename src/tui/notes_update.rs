//! The notes side of `update`: one-key tags, the note editor, the tag
//! filter, the list of every annotation, and the notes-file problem prompt.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders};
use ratatui_textarea::{TextArea, WrapMode};

use super::app::{AnnotationsView, App, Entry, Mode};
use super::find_update::center;
use super::update::Effect;
use crate::annotate::{Notes, Target};

/// How a target is named in messages.
fn label(target: &Target) -> String {
    match target {
        Target::Document => "the document".into(),
        other => other.name().to_string(),
    }
}

const SELECT_FIRST: &str = "tags and notes go on a clause, a resolution or a document: select one first";

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
    true
}

pub fn open_editor(app: &mut App<'_>) {
    open_editor_on(app, app.selected);
}

/// The note editor on `node`. Opened from the finder, it returns to the
/// finder when it closes (`close_editor`).
pub fn open_editor_on(app: &mut App<'_>, node: usize) {
    let Some((_, target)) = app.target(node) else {
        app.message = Some(SELECT_FIRST.into());
        return;
    };
    if app.notes.as_ref().is_some_and(|n| n.store.is_read_only()) {
        app.message = Some("notes are read-only (the notes file could not be read)".into());
        return;
    }
    let note = app.annotation(node).map(|a| a.note.clone()).unwrap_or_default();
    let mut area = TextArea::new(note.lines().map(str::to_string).collect());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(Style::default());
    area.set_block(
        Block::default()
            .borders(Borders::ALL)
            .title(format!(" Note on {} — Esc or Ctrl-s keeps, Ctrl-g discards ", label(&target)))
            .title_style(Style::default().add_modifier(Modifier::BOLD)),
    );
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    app.editor = Some((node, area));
    app.mode = Mode::EditNote;
}

/// A key in the note editor.
pub fn editor_key(app: &mut App<'_>, key: &KeyEvent) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => close_editor(app, true),
        KeyCode::Char('s') if ctrl => close_editor(app, true),
        KeyCode::Char('g') if ctrl => close_editor(app, false),
        _ => {
            if let Some((_, area)) = app.editor.as_mut() {
                area.input(*key);
            }
        }
    }
}

fn close_editor(app: &mut App<'_>, keep: bool) {
    // Back to the finder if it was opened from there: the next citation
    // can be typed at once.
    app.mode = if app.finder.is_some() { Mode::Find } else { Mode::Normal };
    let Some((node, area)) = app.editor.take() else { return };
    if !keep {
        app.message = Some("note discarded".into());
        return;
    }
    let text = area.lines().join("\n");
    save_note(app, node, &text);
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

/// `E`: hand the terminal to $VISUAL / $EDITOR (the run loop does that).
pub fn external_editor(app: &mut App<'_>) -> Effect {
    match app.target(app.selected) {
        Some(_) if app.notes.as_ref().is_some_and(|n| n.store.is_read_only()) => {
            app.message = Some("notes are read-only (the notes file could not be read)".into());
            Effect::None
        }
        Some(_) => Effect::EditExternally(app.selected),
        None => {
            app.message = Some(SELECT_FIRST.into());
            Effect::None
        }
    }
}

/// The key after `t`: filter to clauses with that tag.
pub fn tag_pick_key(app: &mut App<'_>, key: &KeyEvent) {
    app.mode = Mode::Normal;
    let KeyCode::Char(c) = key.code else {
        app.message = None;
        return;
    };
    match app.tags.iter().find(|t| t.key == c).map(|t| t.name.clone()) {
        Some(tag) => filter_by_tag(app, &tag),
        None => app.message = Some(format!("no tag on {c}")),
    }
}

pub fn filter_by_tag(app: &mut App<'_>, tag: &str) {
    let hits: Vec<usize> =
        (0..app.nodes.len()).filter(|&i| app.annotation(i).is_some_and(|a| a.tags.contains(tag))).collect();
    app.apply_filter(format!("#{tag}"), hits);
}

/// `A`: every noted or tagged document, resolution and clause, then the
/// orphans.
pub fn open_annotations(app: &mut App<'_>) {
    let mut entries: Vec<Entry> =
        (0..app.nodes.len()).filter(|&i| app.annotation(i).is_some()).map(|node| Entry::Clause { node }).collect();
    if let Some(notes) = &app.notes {
        for doc in 0..app.docs.len() {
            entries.extend(notes.orphans(doc).iter().map(|o| Entry::Orphan { doc, id: o.id.clone() }));
        }
    }
    app.annotations = Some(AnnotationsView { entries, selected: 0, target: app.selected });
    app.mode = Mode::Annotations;
}

pub fn annotations_key(app: &mut App<'_>, key: &KeyEvent) {
    let Some(view) = app.annotations.as_mut() else {
        app.mode = Mode::Normal;
        return;
    };
    let last = view.entries.len().saturating_sub(1);
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('A') => {
            app.mode = Mode::Normal;
            app.annotations = None;
        }
        KeyCode::Down | KeyCode::Char('j') => view.selected = (view.selected + 1).min(last),
        KeyCode::Up | KeyCode::Char('k') => view.selected = view.selected.saturating_sub(1),
        KeyCode::Enter => {
            if let Some(Entry::Clause { node }) = view.entries.get(view.selected).cloned() {
                app.mode = Mode::Normal;
                app.annotations = None;
                app.reveal(node);
                center(app);
            }
        }
        KeyCode::Char('r') => {
            let target = view.target;
            if let Some(Entry::Orphan { doc, id }) = view.entries.get(view.selected).cloned() {
                match app.target(target) {
                    Some((tdoc, to)) if tdoc == doc => {
                        with_notes(app, |notes, docs| {
                            notes.attach(docs, doc, &id, &to)?;
                            Ok(format!("re-attached {id} to {}", label(&to)))
                        });
                        open_annotations(app);
                        if let Some(v) = app.annotations.as_mut() {
                            v.target = target;
                        }
                    }
                    _ => {
                        app.message = Some(
                            "select a clause (or resolution) of the same document in the tree first, then A and r"
                                .into(),
                        )
                    }
                }
            }
        }
        _ => {}
    }
}

/// The notes file could not be read: `r` reads on without saving, `q` quits.
pub fn problem_key(app: &mut App<'_>, key: &KeyEvent) -> Effect {
    match key.code {
        KeyCode::Char('r') => {
            app.mode = Mode::Normal;
            app.message = Some("notes are read-only this session; the file is left as it is".into());
            Effect::None
        }
        KeyCode::Char('q') | KeyCode::Esc => Effect::Quit,
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Effect::Quit,
        _ => Effect::None,
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
