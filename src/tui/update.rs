//! Keys: the overlay on top (finder, note editor, …) takes them and says
//! what should happen (`apply` does it); otherwise the keymap's actions,
//! and tag keys on clauses, act on the tree here.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Mode, TreeView};
pub use super::apply::Effect;
use super::apply::apply;
use super::keymap::Action;
use super::outline::Kind;
use super::overlay::{Annotations, Cx, Help, NoteEditor, Outcome, Overlay, TagPick};
use super::{hits, notes};

/// A key press: to the overlay on top, else the keymap, and tag keys on
/// clauses.
pub fn key(app: &mut App<'_>, key: &KeyEvent) -> Effect {
    if let Some(plain) = esc_then(app, key) {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        if self::key(app, &esc) == Effect::Quit {
            return Effect::Quit;
        }
        return self::key(app, &plain);
    }
    let (from, mode) = (app.selected, app.mode());
    let effect = if app.overlays.is_empty() {
        match app.keymap.action(key) {
            Some(action) => update(app, action),
            None => {
                if let KeyCode::Char(c) = key.code
                    && !key.modifiers.contains(KeyModifiers::CONTROL)
                {
                    app.message = None;
                    notes::tag_key(app, c);
                }
                Effect::None
            }
        }
    } else {
        on_top(app, |overlay, cx| overlay.key(key, cx))
    };
    // A jump from the finder or the notes list is a jump like any other.
    if matches!(mode, Mode::Find | Mode::Annotations) && app.mode() == Mode::Normal && app.selected != from {
        app.jumps.record(from);
    }
    app.refresh();
    effect
}

/// Every frame: the overlay on top takes what it waits for (the finder its
/// engine's answer).
pub fn tick(app: &mut App<'_>) {
    if !app.overlays.is_empty() {
        on_top(app, |overlay, cx| {
            overlay.tick(cx);
            Outcome::Stay
        });
        app.refresh();
    }
}

/// Hand the overlay on top what the reader offers it, then do what it
/// asks. It is taken off the stack meanwhile, so that it and the rest of
/// the reader can be borrowed apart; `apply` finds it back on top.
fn on_top(app: &mut App<'_>, f: impl FnOnce(&mut Overlay, &mut Cx<'_, '_>) -> Outcome) -> Effect {
    let Some(mut top) = app.overlays.pop() else { return Effect::None };
    let outcome = f(&mut top, &mut app.cx());
    app.overlays.push(top);
    apply(app, outcome)
}

/// `Esc` and a key typed quickly after it reach reso as that key with Alt
/// held when they pass through tmux (within its `escape-time`) or some
/// terminals. reso binds no Alt key unless the configuration does, so such
/// a key is taken as the two keys that were pressed. Not in the note
/// editor, where Alt keys move by words.
fn esc_then(app: &App<'_>, key: &KeyEvent) -> Option<KeyEvent> {
    let alt_char = key.modifiers.contains(KeyModifiers::ALT) && matches!(key.code, KeyCode::Char(_));
    if !alt_char || app.mode() == Mode::EditNote || app.keymap.action(key).is_some() {
        return None;
    }
    Some(KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT))
}

/// A keymap action: on the tree, or to help when it is open (its keys are
/// the keymap's).
pub fn update(app: &mut App<'_>, action: Action) -> Effect {
    app.message = None;
    match app.overlays.last() {
        None => {}
        Some(Overlay::Help(_)) => {
            let effect = on_top(app, |overlay, cx| match overlay {
                Overlay::Help(help) => help.action(action, cx),
                _ => Outcome::Stay,
            });
            app.refresh();
            return effect;
        }
        Some(_) => return Effect::None,
    }
    let page = app.tree_height().max(1);
    let from = app.selected;
    match action {
        Action::Quit => return Effect::Quit,
        Action::Help => app.overlays.push(Overlay::Help(Help::default())),
        Action::Down => move_rows(app, 1),
        Action::Up => move_rows(app, -1),
        Action::PageDown => move_rows(app, page as isize),
        Action::PageUp => move_rows(app, -(page as isize)),
        Action::HalfPageDown => move_rows(app, (page / 2).max(1) as isize),
        Action::HalfPageUp => move_rows(app, -((page / 2).max(1) as isize)),
        Action::Top => select_row(app, 0),
        Action::Bottom => select_row(app, app.rows.len().saturating_sub(1)),
        Action::FoldOrParent => {
            let n = app.selected;
            if app.has_children(n) && app.open[n] {
                set_open(app, n, false);
            } else if let Some(p) = app.nodes[n].parent {
                app.selected = p;
            }
        }
        Action::UnfoldOrChild => {
            let n = app.selected;
            if app.has_children(n) {
                if app.open[n] {
                    app.selected = n + 1;
                } else {
                    set_open(app, n, true);
                }
            }
        }
        Action::Toggle => {
            let n = app.selected;
            if app.has_children(n) {
                set_open(app, n, !app.open[n]);
            }
        }
        Action::CycleNode => cycle_node(app),
        Action::NextChange => super::compare::step(app, true),
        Action::PrevChange => super::compare::step(app, false),
        Action::ToggleStruck => super::compare::toggle_struck(app),
        Action::CycleTree => {
            let next = match app.tree_view {
                TreeView::Overview => TreeView::Contents,
                TreeView::Contents => TreeView::Everything,
                TreeView::Everything => TreeView::Overview,
            };
            app.set_tree_view(next);
            app.message = Some(
                match next {
                    TreeView::Overview => "overview: resolutions",
                    TreeView::Contents => "contents: clauses",
                    TreeView::Everything => "everything unfolded",
                }
                .into(),
            );
        }
        Action::Parent => {
            if let Some(p) = app.nodes[app.selected].parent {
                app.selected = p;
            }
        }
        Action::NextSibling => {
            let n = app.selected;
            let end = app.nodes[n].end;
            let parent_end = app.nodes[n].parent.map(|p| app.nodes[p].end).unwrap_or(app.nodes.len());
            if end < parent_end {
                app.selected = end;
            }
        }
        Action::PrevSibling => {
            if let Some(s) = prev_sibling(app, app.selected) {
                app.selected = s;
            }
        }
        Action::NextResolution => {
            let after = app.selected + 1;
            if let Some(i) = (after..app.nodes.len()).find(|&i| is_resolution(app, i)) {
                app.reveal(i);
                to_top(app);
            }
        }
        Action::PrevResolution => {
            if let Some(i) = (0..app.selected).rev().find(|&i| is_resolution(app, i)) {
                app.reveal(i);
                to_top(app);
            }
        }
        Action::JumpBack => jump(app, |j, here| j.back(here), "no earlier place"),
        Action::JumpForward => jump(app, |j, here| j.forward(here), "no later place"),
        Action::JumpToggle => jump(app, |j, here| j.toggle(here), "no other place yet"),
        Action::Narrow => narrow(app),
        Action::DetailDown => app.detail_scroll += 3,
        Action::DetailUp => app.detail_scroll = app.detail_scroll.saturating_sub(3),
        Action::ShrinkTree => app.tree_percent = app.tree_percent.saturating_sub(5).max(20),
        Action::GrowTree => app.tree_percent = (app.tree_percent + 5).min(80),
        Action::Center => hits::center(app),
        Action::OpenFinder => hits::open(app, false),
        Action::OpenFilter => hits::open(app, true),
        Action::NextHit => hits::next_hit(app, true),
        Action::PrevHit => hits::next_hit(app, false),
        Action::ClearFilter => hits::clear_filter(app),
        Action::EditNote => match NoteEditor::open(&app.cx(), from) {
            Ok(editor) => app.overlays.push(Overlay::Editor(Box::new(editor))),
            Err(why) => app.message = Some(why),
        },
        Action::EditNoteExternal => {
            if let Some(node) = notes::external_editor(app) {
                app.refresh();
                return Effect::EditExternally(node);
            }
        }
        Action::Annotations => {
            let list = Annotations::open(&app.cx(), from);
            app.overlays.push(Overlay::Annotations(list));
        }
        Action::TagFilter => {
            app.message = Some(TagPick::prompt(&app.cx()));
            app.overlays.push(Overlay::TagPick(TagPick));
        }
    }
    if is_jump(action) && app.selected != from {
        app.jumps.record(from);
    }
    app.refresh();
    Effect::None
}

/// Actions that take the reader somewhere else, rather than one step.
fn is_jump(action: Action) -> bool {
    matches!(
        action,
        Action::Top
            | Action::Bottom
            | Action::PrevResolution
            | Action::NextResolution
            | Action::NextHit
            | Action::PrevHit
            | Action::NextChange
            | Action::PrevChange
    )
}

/// Back, forward or toggle through the jump list.
fn jump(app: &mut App<'_>, step: impl Fn(&mut super::jumps::Jumps, usize) -> Option<usize>, none: &str) {
    match step(&mut app.jumps, app.selected) {
        Some(to) if to < app.nodes.len() => {
            app.reveal(to);
            let (back, forward) = app.jumps.counts();
            app.message = Some(format!("jump list: {back} back, {forward} forward"));
        }
        _ => app.message = Some(none.into()),
    }
}

/// `o`: the tree narrowed to the selected node's resolution, or widened.
fn narrow(app: &mut App<'_>) {
    if app.narrow.take().is_some() {
        app.message = Some("widened: every resolution".into());
    } else {
        let mut r = Some(app.selected);
        while let Some(i) = r.filter(|&i| !is_resolution(app, i)) {
            r = app.nodes[i].parent;
        }
        match r {
            Some(r) => {
                app.narrow = Some(r);
                app.tree_offset = 0;
                app.message = None;
            }
            None => app.message = Some("select a resolution or a clause to narrow to".into()),
        }
    }
    app.recompute_rows();
}

/// The selected row at the top of the tree pane (with the usual rows of
/// context above it), as `{` / `}` put a resolution.
fn to_top(app: &mut App<'_>) {
    app.tree_offset = app.selected_row().saturating_sub(super::app::SCROLL_OFF);
}

fn is_resolution(app: &App<'_>, i: usize) -> bool {
    matches!(app.nodes[i].kind, Kind::Resolution(_))
}

fn move_rows(app: &mut App<'_>, delta: isize) {
    let row = app.selected_row() as isize + delta;
    let last = app.rows.len().saturating_sub(1) as isize;
    select_row(app, row.clamp(0, last.max(0)) as usize);
}

fn select_row(app: &mut App<'_>, row: usize) {
    if let Some(&node) = app.rows.get(row) {
        app.selected = node;
    }
}

fn set_open(app: &mut App<'_>, node: usize, open: bool) {
    app.open[node] = open;
    app.recompute_rows();
}

/// The sibling just before `node`: walk up from the row before it until
/// reaching a node with the same parent.
fn prev_sibling(app: &App<'_>, node: usize) -> Option<usize> {
    let parent = app.nodes[node].parent;
    let mut j = node.checked_sub(1)?;
    if Some(j) == parent {
        return None;
    }
    while app.nodes[j].parent != parent {
        j = app.nodes[j].parent?;
    }
    Some(j)
}

/// Tab: folded → children → whole subtree → folded.
fn cycle_node(app: &mut App<'_>) {
    let n = app.selected;
    if !app.has_children(n) {
        return;
    }
    let end = app.nodes[n].end;
    let subtree_open = (n + 1..end).all(|i| !app.has_children(i) || app.open[i]);
    if !app.open[n] {
        app.open[n] = true;
        for i in n + 1..end {
            app.open[i] = false;
        }
        app.message = Some("children".into());
    } else if !subtree_open {
        for i in n..end {
            app.open[i] = true;
        }
        app.message = Some("subtree".into());
    } else {
        app.open[n] = false;
        app.message = Some("folded".into());
    }
    app.recompute_rows();
}
