//! The finder's side of `update`: opening it, typing in it, choosing a
//! result, jumping, filtering, and `n` / `N`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Mode};
use super::detail::breadcrumb;
use super::finder::{Collecting, Engine, Finder, Row, Saved, pinned};
use super::outline::Kind;
use crate::find::candidate::push_annotation;
use crate::find::haystack;

pub fn open(app: &mut App<'_>, filter: bool) {
    if app.engine.is_none() {
        app.engine = Some(Engine::new(&app.nodes, app.notes.as_ref()));
    }
    let saved = Saved {
        selected: app.selected,
        open: app.open.clone(),
        tree_offset: app.tree_offset,
        detail_scroll: app.detail_scroll,
    };
    let total = app.engine.as_ref().map(|e| e.total).unwrap_or(0);
    // A new find replaces one still being collected.
    app.collecting = None;
    app.finder = Some(Finder::new(filter, saved, total));
    app.mode = Mode::Find;
    set_query(app, String::new());
}

/// A key pressed while the prompt is open.
pub fn key(app: &mut App<'_>, key: &KeyEvent) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Esc => cancel(app),
        KeyCode::Enter => accept(app),
        KeyCode::Up => choose(app, -1),
        KeyCode::Down => choose(app, 1),
        KeyCode::Char('p') if ctrl => choose(app, -1),
        KeyCode::Char('n') if ctrl => choose(app, 1),
        KeyCode::Char('c') if ctrl => cancel(app),
        KeyCode::Char('u') if ctrl => set_query(app, String::new()),
        KeyCode::PageDown => choose(app, 10),
        KeyCode::PageUp => choose(app, -10),
        KeyCode::Backspace => {
            let mut q = app.finder.as_ref().map(|f| f.query.clone()).unwrap_or_default();
            q.pop();
            set_query(app, q);
        }
        KeyCode::Char(c) if !ctrl => {
            let mut q = app.finder.as_ref().map(|f| f.query.clone()).unwrap_or_default();
            q.push(c);
            set_query(app, q);
        }
        _ => {}
    }
    app.refresh();
}

fn set_query(app: &mut App<'_>, query: String) {
    let pins = pinned(&app.nodes, &query);
    if let Some(engine) = app.engine.as_mut() {
        engine.set_query(&query);
    }
    if let Some(f) = app.finder.as_mut() {
        f.query = query;
        f.pinned = pins;
        f.selected = 0;
        f.offset = 0;
    }
    tick(app);
}

fn choose(app: &mut App<'_>, delta: isize) {
    if let Some(f) = app.finder.as_mut() {
        let last = f.len().saturating_sub(1) as isize;
        f.selected = (f.selected as isize + delta).clamp(0, last.max(0)) as usize;
    }
    tick(app);
}

/// Called every frame while the finder is open: take nucleo's progress,
/// and refresh the rows in view (with highlights) and the preview.
pub fn tick(app: &mut App<'_>) {
    let height = app.tree_height().saturating_sub(1).max(1);
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
    let mut rows = Vec::new();
    for index in finder.offset..(finder.offset + height).min(len) {
        let Some(node) = finder.result(engine, index) else {
            continue;
        };
        let Kind::Clause(clause) = app.nodes[node].kind else {
            continue;
        };
        let mut text = haystack(clause);
        push_annotation(&mut text, app.notes.as_ref().and_then(|n| n.get(app.nodes[node].doc, &clause.id)));
        let highlights = engine.highlights(&text);
        rows.push(Row { node, breadcrumb: breadcrumb(&app.nodes, node), haystack: text, highlights });
    }
    finder.rows = rows;
    app.preview = finder.result(engine, finder.selected);
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
    let Some(finder) = app.finder.take() else {
        return;
    };
    app.mode = Mode::Normal;
    app.preview = None;
    let Some(engine) = app.engine.as_mut() else {
        return;
    };
    let running = engine.tick();
    let mut pending = Collecting {
        query: finder.query.clone(),
        filter: finder.filter,
        pinned: finder.pinned.clone(),
        jumped: false,
        selected: app.selected,
    };
    if !running {
        let hits = all_hits(engine, &pending.pinned);
        let chosen = finder.result(engine, finder.selected);
        finish(app, pending, hits, chosen);
        return;
    }
    // Matching still runs (a very large corpus and a broad query): do not
    // make the reader wait. Until it ends, nucleo's list may still be an
    // earlier query's, so its top row is not trusted: the jump to the best
    // hit, the hits for `n` / `N` and the filter follow when matching ends
    // (`collect`, called every frame). A row the reader chose in the list,
    // or a clause reference, is jumped to at once.
    let total = engine.total;
    let chosen = finder.selected > 0 || !finder.pinned.is_empty();
    let chosen = finder.result(engine, finder.selected).filter(|_| chosen);
    app.hits.clear();
    if finder.filter {
        app.message = Some(format!("filtering: matching {total} clauses…"));
    } else if let Some(node) = chosen {
        app.reveal(node);
        center(app);
        pending.jumped = true;
        app.message = Some(format!("matching {total} clauses for n / N…"));
    } else {
        app.message = Some(format!("matching {total} clauses…"));
    }
    app.collecting = Some(pending);
}

/// Every frame while a find is being collected: once matching has ended,
/// the hits are complete.
pub fn collect(app: &mut App<'_>) {
    let (Some(engine), Some(_)) = (app.engine.as_mut(), app.collecting.as_ref()) else {
        return;
    };
    if engine.tick() {
        return;
    }
    let Some(pending) = app.collecting.take() else { return };
    let hits = all_hits(engine, &pending.pinned);
    // Jump to the best hit, unless the reader has jumped or moved since.
    let jump = !pending.jumped && app.selected == pending.selected;
    let best = if jump { pending.pinned.first().copied().or_else(|| engine.nth(0)) } else { None };
    finish(app, pending, hits, best);
}

/// Every match (and clause answering the query as a reference), in
/// document order.
fn all_hits(engine: &Engine, pinned: &[usize]) -> Vec<usize> {
    let mut hits = engine.all_matches();
    for &p in pinned {
        if hits.binary_search(&p).is_err() {
            hits.push(p);
        }
    }
    hits.sort_unstable();
    hits
}

/// Filter by the hits, or remember them for `n` / `N` and jump to `chosen`.
fn finish(app: &mut App<'_>, pending: Collecting, hits: Vec<usize>, chosen: Option<usize>) {
    if pending.filter {
        app.apply_filter(pending.query, hits);
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
        format!("{} hits — n / N for the next / previous", app.hits.len())
    });
}

pub fn clear_filter(app: &mut App<'_>) {
    if app.collecting.as_ref().is_some_and(|c| c.filter) {
        app.collecting = None;
        app.message = Some("filter cancelled".into());
        return;
    }
    if app.filter.take().is_some() {
        app.recompute_rows();
        app.message = Some("filter cleared".into());
    }
}

/// `n` / `N`: the next hit after (or before) the selection, wrapping.
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
    let pos = app.hits.partition_point(|&h| h <= here);
    let target = if forward {
        app.hits.get(pos).or(app.hits.first())
    } else {
        let before = app.hits.partition_point(|&h| h < here);
        before.checked_sub(1).and_then(|i| app.hits.get(i)).or(app.hits.last())
    };
    if let Some(&node) = target {
        let k = app.hits.binary_search(&node).map(|k| k + 1).unwrap_or(0);
        app.reveal(node);
        center(app);
        app.message = Some(format!("hit {k} of {}", app.hits.len()));
    }
}

pub fn center(app: &mut App<'_>) {
    let row = app.selected_row();
    app.tree_offset = row.saturating_sub(app.tree_height() / 2);
}
