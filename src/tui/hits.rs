//! What a find leaves in the reader: the jump to its best hit, the hits
//! that `n` / `N` visit, or the tree filtered to them — at once, or when
//! the engine has answered a find accepted while it was still matching.

use super::app::App;
use super::overlay::finder::{Accepted, Saved};
use super::overlay::{Finder, Overlay};
use super::search::{Collecting, Engine};

/// Start the search engine (its index builds on its own thread).
pub fn start_engine(app: &mut App<'_>) {
    if app.engine.is_none() {
        app.engine = Some(Engine::new(&app.nodes));
    }
}

/// `/` or `f`: the finder opens where the reader is.
pub fn open(app: &mut App<'_>, filter: bool) {
    start_engine(app);
    let saved = Saved {
        selected: app.selected,
        open: app.open.clone(),
        tree_offset: app.tree_offset,
        detail_scroll: app.detail_scroll,
    };
    // A new find replaces one still being collected.
    app.collecting = None;
    let finder = Finder::open(filter, saved, &mut app.cx());
    app.overlays.push(Overlay::Finder(Box::new(finder)));
}

/// Esc in the finder: the reader exactly where it was.
pub fn restore(app: &mut App<'_>, saved: Saved) {
    app.selected = saved.selected;
    app.open = saved.open;
    app.recompute_rows();
    app.tree_offset = saved.tree_offset;
    app.detail_scroll = saved.detail_scroll;
}

/// Enter in the finder: the query carried out. A citation, or a query the
/// engine has answered, at once; otherwise when the answer comes.
pub fn accepted(app: &mut App<'_>, found: Accepted) {
    let Some(engine) = app.engine.as_mut() else {
        return;
    };
    let running = engine.tick();
    let marks = (!found.citation).then(|| engine.compiled().clone());
    app.set_marks(marks);
    let pending = Collecting {
        query: found.query,
        filter: found.filter,
        pinned: found.pinned,
        jumped: false,
        selected: app.selected,
    };
    let Some(engine) = app.engine.as_mut() else {
        return;
    };
    if !running || found.citation {
        let hits = all_hits(engine, &pending.pinned, found.citation);
        finish(app, pending, hits, found.chosen);
        return;
    }
    // The engine is still answering (its index building on a very large
    // corpus): do not make the reader wait. The jump to the best hit, the
    // hits for `n` / `N` and the filter follow when the answer comes
    // (`collect`, called every frame).
    let total = engine.total;
    app.hits.clear();
    app.message = Some(if pending.filter {
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
