//! Navigation without a terminal: `update` on the app state.

mod common;

use common::{node_of, selected_id};

use reso::document::{Document, sample};
use reso::tui::App;
use reso::tui::app::TreeView;
use reso::tui::keymap::Action;
use reso::tui::update::{Effect, update};

fn app(docs: &[Document]) -> App<'_> {
    let mut app = App::new(docs, 45);
    app.resize(120, 40);
    app
}

fn press(app: &mut App<'_>, actions: &[Action]) {
    for a in actions {
        update(app, *a);
    }
}

#[test]
fn starts_on_the_first_resolution_with_clauses_folded() {
    let docs = [sample()];
    let app = app(&docs);
    assert_eq!(selected_id(&app), "CCPCJ/1/1");
    assert_eq!(app.tree_view, TreeView::Contents);
    // Sub-clauses are hidden: op.1.a is not a row.
    let a = node_of(&app, "CCPCJ/1/1:op.1.a");
    assert!(app.rows.binary_search(&a).is_err());
}

#[test]
fn moving_skips_folded_subtrees() {
    let docs = [sample()];
    let mut app = app(&docs);
    let op1 = node_of(&app, "CCPCJ/1/1:op.1");
    app.reveal(op1);
    update(&mut app, Action::Down);
    assert_eq!(selected_id(&app), "CCPCJ/1/1:op.2", "op.1's items are folded");
    update(&mut app, Action::UnfoldOrChild);
    update(&mut app, Action::UnfoldOrChild);
    assert_eq!(selected_id(&app), "CCPCJ/1/1:op.2.a");
    update(&mut app, Action::FoldOrParent);
    assert_eq!(selected_id(&app), "CCPCJ/1/1:op.2");
    update(&mut app, Action::FoldOrParent);
    assert!(!app.open[app.selected]);
}

#[test]
fn tab_cycles_folded_children_subtree() {
    let docs = [sample()];
    let mut app = app(&docs);
    let op5 = node_of(&app, "CCPCJ/1/1:op.5");
    let a = node_of(&app, "CCPCJ/1/1:op.5.a");
    let ai = node_of(&app, "CCPCJ/1/1:op.5.a.i");
    app.reveal(op5);
    let visible = |app: &App<'_>, n: usize| app.rows.binary_search(&n).is_ok();
    assert!(!visible(&app, a));
    update(&mut app, Action::CycleNode);
    assert!(visible(&app, a) && !visible(&app, ai), "children");
    update(&mut app, Action::CycleNode);
    assert!(visible(&app, ai), "subtree");
    update(&mut app, Action::CycleNode);
    assert!(!visible(&app, a), "folded");
}

#[test]
fn shift_tab_cycles_the_whole_tree() {
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::CycleTree);
    assert_eq!(app.tree_view, TreeView::Everything);
    assert_eq!(app.rows.len(), app.nodes.len());
    update(&mut app, Action::CycleTree);
    assert_eq!(app.tree_view, TreeView::Overview);
    assert_eq!(app.rows.len(), 1 + 4, "the document and its four resolutions");
    update(&mut app, Action::CycleTree);
    assert_eq!(app.tree_view, TreeView::Contents);
}

#[test]
fn sibling_parent_and_resolution_jumps() {
    let docs = [sample()];
    let mut app = app(&docs);
    let op3 = node_of(&app, "CCPCJ/1/2:op.3");
    app.reveal(op3);
    update(&mut app, Action::NextSibling);
    assert_eq!(selected_id(&app), "CCPCJ/1/2:op.4");
    press(&mut app, &[Action::PrevSibling, Action::PrevSibling]);
    assert_eq!(selected_id(&app), "CCPCJ/1/2:op.2");
    // No sibling before the first: stays.
    press(&mut app, &[Action::PrevSibling, Action::PrevSibling]);
    assert_eq!(selected_id(&app), "CCPCJ/1/2:op.1");
    update(&mut app, Action::Parent);
    assert_eq!(selected_id(&app), "group");
    update(&mut app, Action::NextResolution);
    assert_eq!(selected_id(&app), "CCPCJ/1/3");
    press(&mut app, &[Action::PrevResolution, Action::PrevResolution]);
    assert_eq!(selected_id(&app), "CCPCJ/1/1");
}

#[test]
fn reveal_unfolds_ancestors_of_a_deep_clause() {
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::CycleTree);
    update(&mut app, Action::CycleTree); // overview: everything folded
    let deep = node_of(&app, "CCPCJ/1/2:op.1.a.iv");
    app.reveal(deep);
    app.refresh();
    assert!(app.rows.binary_search(&deep).is_ok());
    assert_eq!(selected_id(&app), "CCPCJ/1/2:op.1.a.iv");
    let row = app.selected_row();
    assert!(row >= app.tree_offset && row < app.tree_offset + app.tree_height());
    assert!(app.detail.iter().any(|l| l.to_string().contains("CCPCJ/1/2 › Operative 1 › a › iv")));
}

#[test]
fn paging_keeps_the_selection_in_view_and_quit_quits() {
    let docs = [sample()];
    let mut app = app(&docs);
    for _ in 0..5 {
        update(&mut app, Action::PageDown);
        let row = app.selected_row();
        assert!(row >= app.tree_offset && row < app.tree_offset + app.tree_height());
    }
    update(&mut app, Action::Bottom);
    assert_eq!(app.selected_row(), app.rows.len() - 1);
    update(&mut app, Action::Top);
    assert_eq!(app.selected_row(), 0);
    assert_eq!(update(&mut app, Action::Quit), Effect::Quit);
}

#[test]
fn folding_a_parent_moves_the_selection_to_it() {
    let docs = [sample()];
    let mut app = app(&docs);
    let c = node_of(&app, "CCPCJ/1/3:op.4.b.ii");
    app.reveal(c);
    let group = app.nodes[node_of(&app, "CCPCJ/1/3:op.4")].parent.unwrap();
    app.open[group] = false;
    app.recompute_rows();
    assert_eq!(app.selected, group);
}

#[test]
fn a_click_selects_the_row_under_it_and_outside_does_nothing() {
    let docs = [sample()];
    let mut app = app(&docs);
    // Tree pane interior starts at column 1, row 1; the third visible row.
    let expected = app.rows[app.tree_offset + 2];
    app.click(5, 3);
    assert_eq!(app.selected, expected);
    let before = app.selected;
    app.click(110, 3); // the detail pane
    assert_eq!(app.selected, before);
}
