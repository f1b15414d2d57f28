//! The finder's side of `update`: opening it, editing the query, choosing a
//! result, jumping, filtering, and `n` / `N`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Mode};
use super::detail::breadcrumb;
use super::finder::{Collecting, Engine, Finder, Row, Saved, cite, note_set};
use super::keymap::Action;
use super::notes_update;
use super::outline::Kind;

/// Start the search engine (its index builds on its own thread).
pub fn start_engine(app: &mut App<'_>) {
    if app.engine.is_none() {
        app.engine = Some(Engine::new(&app.nodes));
    }
}

pub fn open(app: &mut App<'_>, filter: bool) {
    start_engine(app);
    let saved = Saved {
        selected: app.selected,
        open: app.open.clone(),
        tree_offset: app.tree_offset,
        detail_scroll: app.detail_scroll,
    };
    let notes = note_set(app.notes.as_ref());
    let total = app.engine.as_mut().map(|e| {
        e.set_notes(notes);
        e.total
    });
    // A new find replaces one still being collected.
    app.collecting = None;
    app.finder = Some(Finder::new(filter, saved, total.unwrap_or(0)));
    app.mode = Mode::Find;
    set_query(app, String::new(), 0);
}

/// A key pressed while the prompt is open. The prompt edits like a shell's:
/// Left/Right, Home/End (Ctrl-a/Ctrl-e), Backspace/Delete, Ctrl-w deletes
/// the word before the cursor, Ctrl-u the whole line.
pub fn key(app: &mut App<'_>, key: &KeyEvent) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if app.finder.as_ref().is_some_and(|f| f.acting) {
        act(app, key);
        app.refresh();
        return;
    }
    let replace = app.finder.as_mut().map(|f| std::mem::take(&mut f.replace)).unwrap_or(false);
    let (query, cursor) = app.finder.as_ref().map(|f| (f.query.clone(), f.cursor)).unwrap_or_default();
    let mut chars: Vec<char> = query.chars().collect();
    let cursor = cursor.min(chars.len());
    // After an action the query is selected: typing replaces it, as in a
    // browser's address bar, and Backspace clears it.
    let (mut chars, cursor) = match key.code {
        KeyCode::Char(_) | KeyCode::Backspace if replace && !ctrl => {
            if key.code == KeyCode::Backspace {
                set_query(app, String::new(), 0);
                app.refresh();
                return;
            }
            (Vec::new(), 0)
        }
        _ => (std::mem::take(&mut chars), cursor),
    };
    let mut edit = |chars: Vec<char>, cursor: usize| set_query(app, chars.into_iter().collect(), cursor);
    match key.code {
        KeyCode::Esc => cancel(app),
        KeyCode::Enter => accept(app),
        KeyCode::Up => choose_keeping(app, -1, replace),
        KeyCode::Down => choose_keeping(app, 1, replace),
        KeyCode::Char('p') if ctrl => choose_keeping(app, -1, replace),
        KeyCode::Char('n') if ctrl => choose_keeping(app, 1, replace),
        KeyCode::Char('c') if ctrl => cancel(app),
        KeyCode::Char('t') if ctrl => start_acting(app),
        KeyCode::PageDown => choose(app, 10),
        KeyCode::PageUp => choose(app, -10),
        KeyCode::Left => move_cursor(app, cursor.saturating_sub(1)),
        KeyCode::Right => move_cursor(app, (cursor + 1).min(chars.len())),
        KeyCode::Home => move_cursor(app, 0),
        KeyCode::End => move_cursor(app, chars.len()),
        KeyCode::Char('a') if ctrl => move_cursor(app, 0),
        KeyCode::Char('e') if ctrl => move_cursor(app, chars.len()),
        KeyCode::Char('u') if ctrl => edit(Vec::new(), 0),
        KeyCode::Char('w') if ctrl => {
            // The word before the cursor, and the spaces after it.
            let mut start = cursor;
            while start > 0 && chars[start - 1] == ' ' {
                start -= 1;
            }
            while start > 0 && chars[start - 1] != ' ' {
                start -= 1;
            }
            chars.drain(start..cursor);
            edit(chars, start);
        }
        KeyCode::Backspace if cursor > 0 => {
            chars.remove(cursor - 1);
            edit(chars, cursor - 1);
        }
        KeyCode::Delete if cursor < chars.len() => {
            chars.remove(cursor);
            edit(chars, cursor);
        }
        KeyCode::Char(c) if !ctrl => {
            chars.insert(cursor, c);
            edit(chars, cursor + 1);
        }
        _ => {}
    }
    app.refresh();
}

/// `Ctrl-t`: the next key acts on the selected result. A prefix, because
/// digits (the default tag keys) are query text; not Alt, because `Esc`
/// then a key typed quickly arrives as Alt and that key through tmux
/// (`update::esc_then`), where it means "leave the finder, then the key".
fn start_acting(app: &mut App<'_>) {
    let note = app.keymap.keys_for(Action::EditNote).split(" / ").next().unwrap_or("").to_string();
    let keys: String = match (app.tags.first(), app.tags.last()) {
        (Some(a), Some(b)) if app.tags.len() > 1 => format!("{}-{}", a.key, b.key),
        (Some(a), _) => a.key.to_string(),
        _ => "none".into(),
    };
    // The key after Ctrl-t is taken in any case (never typed into the
    // query): Ctrl-t 1 is one gesture; `act` says why it cannot be done.
    if let Some(f) = app.finder.as_mut() {
        f.acting = true;
        f.replace = false;
    }
    app.message = Some(match selected_hit(app) {
        Ok(node) => {
            let name = app.target(node).map(|(_, t)| t.name().to_string()).unwrap_or_default();
            format!("{name}: tag key {keys}, or {note} for its note (Esc cancels)")
        }
        Err(e) => e.into(),
    });
}

/// The key after `Ctrl-t`, on the selected result: a tag key toggles the
/// tag (through the same notes code as in the reader), the note key opens
/// the note editor, which comes back to the finder. The finder stays open
/// with the query selected, so the next citation can be typed at once.
fn act(app: &mut App<'_>, key: &KeyEvent) {
    if let Some(f) = app.finder.as_mut() {
        f.acting = false;
    }
    let KeyCode::Char(c) = key.code else {
        app.message = None;
        return;
    };
    let node = match selected_hit(app) {
        Ok(node) => node,
        Err(e) => {
            app.message = Some(e.into());
            return;
        }
    };
    let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::CONTROL - KeyModifiers::ALT);
    if notes_update::tag_node(app, node, c) {
        // The engine searches tags too (`#tag`): give it the new set.
        let notes = note_set(app.notes.as_ref());
        if let Some(e) = app.engine.as_mut() {
            e.set_notes(notes);
        }
    } else if app.keymap.action(&plain) == Some(Action::EditNote) {
        notes_update::open_editor_on(app, node);
        if app.mode != Mode::EditNote {
            // Refused (read-only notes): the message says why; nothing changes.
            return;
        }
    } else {
        app.message = Some(format!("no tag on {c}: Ctrl-t then a tag key, or the note key"));
        return;
    }
    if let Some(f) = app.finder.as_mut() {
        f.replace = true;
        f.context = Some(node);
    }
}

/// The result the finder's actions apply to: the selected row. A citation
/// that names no single clause must be chosen first, as for Enter.
fn selected_hit(app: &App<'_>) -> Result<usize, &'static str> {
    let (Some(f), Some(engine)) = (app.finder.as_ref(), app.engine.as_ref()) else {
        return Err("no result to act on");
    };
    if f.citation && f.note.is_some() && !f.chosen {
        return Err(if f.pinned.is_empty() {
            "this citation names no clause: change it"
        } else {
            "pick the clause with ↑ / ↓ first, then Ctrl-t"
        });
    }
    f.result(engine, f.selected).ok_or("no result to act on")
}

/// ↑ / ↓ after an action: the query stays selected (typing replaces it).
fn choose_keeping(app: &mut App<'_>, delta: isize, replace: bool) {
    choose(app, delta);
    if let Some(f) = app.finder.as_mut() {
        f.replace = replace;
    }
}

fn move_cursor(app: &mut App<'_>, to: usize) {
    if let Some(f) = app.finder.as_mut() {
        f.cursor = to;
    }
}

fn set_query(app: &mut App<'_>, query: String, cursor: usize) {
    let context = app.finder.as_ref().map(|f| f.context.unwrap_or(f.saved.selected)).unwrap_or(app.selected);
    let cited = cite(&app.nodes, &query, context);
    if let Some(engine) = app.engine.as_mut() {
        // A citation is answered here, at once; words by the engine.
        engine.set_query(if cited.is_some() { "" } else { query.as_str() });
    }
    if let Some(f) = app.finder.as_mut() {
        f.query = query;
        f.cursor = cursor;
        f.citation = cited.is_some();
        (f.pinned, f.note) = cited.unwrap_or_default();
        f.selected = 0;
        f.offset = 0;
        f.chosen = false;
    }
    tick(app);
}

fn choose(app: &mut App<'_>, delta: isize) {
    if let Some(f) = app.finder.as_mut() {
        let last = f.len().saturating_sub(1) as isize;
        f.selected = (f.selected as isize + delta).clamp(0, last.max(0)) as usize;
        f.chosen = true;
    }
    tick(app);
}

/// The text a result row shows and highlights: the clause text without
/// emphasis marks, lines joined, then its note.
fn row_text(app: &App<'_>, node: usize) -> String {
    let Some(Kind::Clause(clause)) = app.nodes.get(node).map(|n| n.kind) else {
        return String::new();
    };
    let mut text: String =
        clause.text.chars().filter(|&c| c != '*').map(|c| if c.is_control() { ' ' } else { c }).collect();
    if let Some(a) = app.annotation(node) {
        for t in &a.tags {
            text.push_str(" #");
            text.push_str(t);
        }
        if !a.note.is_empty() {
            text.push_str("  ");
            text.extend(a.note.chars().map(|c| if c.is_control() { ' ' } else { c }));
        }
    }
    text
}

/// Called every frame while the finder is open: take the engine's answer,
/// and refresh the rows in view (with highlights) and the preview.
pub fn tick(app: &mut App<'_>) {
    let height = app.tree_height().saturating_sub(2).max(1);
    let (Some(engine), Some(finder)) = (app.engine.as_mut(), app.finder.as_mut()) else {
        return;
    };
    finder.running = engine.tick();
    finder.matched = engine.matched();
    finder.total = engine.total;
    let len = finder.len();
    if finder.selected >= len {
        finder.selected = len.saturating_sub(1);
    }
    if finder.selected < finder.offset {
        finder.offset = finder.selected;
    } else if finder.selected >= finder.offset + height {
        finder.offset = finder.selected + 1 - height;
    }
    let Some(finder) = app.finder.as_ref() else { return };
    let Some(engine) = app.engine.as_ref() else { return };
    let mut rows = Vec::new();
    for index in finder.offset..(finder.offset + height).min(len) {
        let Some(node) = finder.result(engine, index) else {
            continue;
        };
        let citation = index < finder.pinned.len();
        let text = row_text(app, node);
        let highlights = if citation { Vec::new() } else { engine.highlights(&text) };
        rows.push(Row { node, breadcrumb: breadcrumb(&app.nodes, node), haystack: text, highlights, citation });
    }
    // No result, no preview: the detail goes back to the selected clause.
    let preview = finder.result(engine, finder.selected);
    if let Some(f) = app.finder.as_mut() {
        f.rows = rows;
    }
    app.preview = preview;
}

fn cancel(app: &mut App<'_>) {
    if let Some(f) = app.finder.take() {
        app.selected = f.saved.selected;
        app.open = f.saved.open;
        app.recompute_rows();
        app.tree_offset = f.saved.tree_offset;
        app.detail_scroll = f.saved.detail_scroll;
    }
    app.preview = None;
    app.mode = Mode::Normal;
}

fn accept(app: &mut App<'_>) {
    // A citation that names no single clause: the reader must choose one
    // of the candidates (↑/↓), never be taken to another clause unasked.
    if let Some(f) = app.finder.as_mut()
        && f.citation
        && f.note.is_some()
        && !f.chosen
    {
        // Said where the reader is looking: the finder's own status line.
        let ask =
            if f.pinned.is_empty() { "change the citation, or Esc" } else { "pick with ↑ / ↓ then Enter, or Esc" };
        if let Some(note) = f.note.as_mut()
            && !note.starts_with(ask)
        {
            *note = format!("{ask} — {note}");
        }
        return;
    }
    let Some(finder) = app.finder.take() else {
        return;
    };
    app.mode = Mode::Normal;
    app.preview = None;
    let Some(engine) = app.engine.as_mut() else {
        return;
    };
    let running = engine.tick();
    let marks = (!finder.citation).then(|| engine.compiled().clone());
    app.set_marks(marks);
    let pending = Collecting {
        query: finder.query.clone(),
        filter: finder.filter,
        pinned: finder.pinned.clone(),
        jumped: false,
        selected: app.selected,
    };
    let Some(engine) = app.engine.as_mut() else {
        return;
    };
    if !running || finder.citation {
        let hits = all_hits(engine, &pending.pinned, finder.citation);
        let chosen = finder.result(engine, finder.selected);
        finish(app, pending, hits, chosen);
        return;
    }
    // The engine is still answering (its index building on a very large
    // corpus): do not make the reader wait. The jump to the best hit, the
    // hits for `n` / `N` and the filter follow when the answer comes
    // (`collect`, called every frame).
    let total = engine.total;
    app.hits.clear();
    app.message = Some(if finder.filter {
        format!("filtering: matching {total} clauses…")
    } else {
        format!("matching {total} clauses…")
    });
    app.collecting = Some(pending);
}

/// Every frame while a find is being collected: once the engine has
/// answered, the hits are complete.
pub fn collect(app: &mut App<'_>) {
    let (Some(engine), Some(_)) = (app.engine.as_mut(), app.collecting.as_ref()) else {
        return;
    };
    if engine.tick() {
        return;
    }
    let Some(pending) = app.collecting.take() else { return };
    let hits = all_hits(engine, &pending.pinned, false);
    // Jump to the best hit, unless the reader has jumped or moved since.
    let jump = !pending.jumped && app.selected == pending.selected;
    let best = if jump { pending.pinned.first().copied().or_else(|| engine.nth(0)) } else { None };
    finish(app, pending, hits, best);
}

/// Every hit, in document order: the cited clauses, or the word matches.
fn all_hits(engine: &Engine, pinned: &[usize], citation: bool) -> Vec<usize> {
    let mut hits = if citation { pinned.to_vec() } else { engine.all_matches() };
    hits.sort_unstable();
    hits.dedup();
    hits
}

/// Filter by the hits, or remember them for `n` / `N` and jump to `chosen`.
fn finish(app: &mut App<'_>, pending: Collecting, hits: Vec<usize>, chosen: Option<usize>) {
    if pending.filter {
        let n = hits.len();
        app.apply_filter(pending.query, hits);
        app.message = Some(if n == 0 {
            "no match: nothing to show (Esc clears the filter)".into()
        } else {
            format!("{n} matching clauses marked ▌ (context dimmed) — n / N visit them")
        });
        return;
    }
    app.hits = hits;
    if let Some(node) = chosen {
        app.reveal(node);
        center(app);
    }
    app.message = Some(if app.hits.is_empty() {
        "no match".into()
    } else {
        let k = app.hits.binary_search(&app.selected).map(|k| format!("hit {} of ", k + 1)).unwrap_or_default();
        format!("{k}{} hits — n / N for the next / previous", app.hits.len())
    });
}

pub fn clear_filter(app: &mut App<'_>) {
    if app.collecting.as_ref().is_some_and(|c| c.filter) {
        app.collecting = None;
        app.message = Some("filter cancelled".into());
        return;
    }
    if let Some(filter) = app.filter.take() {
        app.set_marks(None);
        // The folds as they were, with the clause now selected still shown.
        let here = app.selected;
        app.open = filter.open_before;
        app.recompute_rows();
        app.reveal(here);
        app.message = Some("filter cleared".into());
    }
}

/// `n` / `N`: the next hit after (or before) the selection, in document
/// order, wrapping round (and saying so).
pub fn next_hit(app: &mut App<'_>, forward: bool) {
    if app.collecting.is_some() {
        app.message = Some("still matching: n / N work when it ends".into());
        return;
    }
    if app.hits.is_empty() {
        app.message = Some("no hits: find with / first".into());
        return;
    }
    let here = app.selected;
    let (target, wrapped) = if forward {
        let pos = app.hits.partition_point(|&h| h <= here);
        match app.hits.get(pos) {
            Some(&h) => (h, false),
            None => (app.hits[0], true),
        }
    } else {
        let before = app.hits.partition_point(|&h| h < here);
        match before.checked_sub(1).and_then(|i| app.hits.get(i)) {
            Some(&h) => (h, false),
            None => (app.hits[app.hits.len() - 1], true),
        }
    };
    let k = app.hits.binary_search(&target).map(|k| k + 1).unwrap_or(0);
    app.reveal(target);
    center(app);
    let wrap = match (wrapped, forward) {
        (true, true) => " — wrapped to the first",
        (true, false) => " — wrapped to the last",
        _ => "",
    };
    app.message = Some(format!("hit {k} of {}{wrap}", app.hits.len()));
}

pub fn center(app: &mut App<'_>) {
    let row = app.selected_row();
    app.tree_offset = row.saturating_sub(app.tree_height() / 2);
}
