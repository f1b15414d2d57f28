//! Keeping up with a debate: the jump list, narrowing to one resolution,
//! `{` / `}` putting a resolution at the top, resuming where the reader
//! was, and the status line.

mod common;

use common::{node_of, select, selected_id};

use reso::document::{Document, sample};
use reso::tui::App;
use reso::tui::keymap::Action;
use reso::tui::resume;
use reso::tui::update::update;

fn app(docs: &[Document]) -> App<'_> {
    let mut app = App::new(docs, 45);
    app.resize(120, 40);
    app
}

#[test]
fn ctrl_o_walks_back_through_the_jumps_and_forward_again() {
    let docs = [sample()];
    let mut app = app(&docs);
    assert_eq!(selected_id(&app), "CCPCJ/1/1");
    update(&mut app, Action::NextResolution);
    update(&mut app, Action::NextResolution);
    assert_eq!(selected_id(&app), "CCPCJ/1/3");
    // Steps are not jumps: j does not enter the list.
    update(&mut app, Action::Down);
    let here = selected_id(&app);
    update(&mut app, Action::Bottom);
    update(&mut app, Action::JumpBack);
    assert_eq!(selected_id(&app), here);
    update(&mut app, Action::JumpBack);
    assert_eq!(selected_id(&app), "CCPCJ/1/2");
    update(&mut app, Action::JumpBack);
    assert_eq!(selected_id(&app), "CCPCJ/1/1");
    update(&mut app, Action::JumpBack);
    assert_eq!(app.message.as_deref(), Some("no earlier place"));
    update(&mut app, Action::JumpForward);
    assert_eq!(selected_id(&app), "CCPCJ/1/2");
    // ` toggles between the last two places.
    update(&mut app, Action::JumpToggle);
    assert_eq!(selected_id(&app), "CCPCJ/1/1");
    update(&mut app, Action::JumpToggle);
    assert_eq!(selected_id(&app), "CCPCJ/1/2");
}

#[test]
fn narrowing_keeps_the_tree_inside_one_resolution_until_widened() {
    let docs = [sample()];
    let mut app = app(&docs);
    select(&mut app, "CCPCJ/1/3:op.4");
    update(&mut app, Action::Narrow);
    let res = node_of(&app, "CCPCJ/1/3");
    assert_eq!(app.narrow, Some(res));
    assert_eq!(app.rows.first(), Some(&res));
    let end = app.nodes[res].end;
    assert!(app.rows.iter().all(|&r| r >= res && r < end));
    update(&mut app, Action::Bottom);
    assert!(selected_id(&app).starts_with("CCPCJ/1/3"), "G stays inside: {}", selected_id(&app));
    update(&mut app, Action::Top);
    assert_eq!(selected_id(&app), "CCPCJ/1/3");
    // A jump elsewhere widens.
    let other = node_of(&app, "CCPCJ/1/1:op.1");
    app.reveal(other);
    assert_eq!(app.narrow, None);
    update(&mut app, Action::Narrow);
    update(&mut app, Action::Narrow);
    assert_eq!(app.narrow, None);
    assert_eq!(app.message.as_deref(), Some("widened: every resolution"));
}

#[test]
fn next_resolution_is_shown_at_the_top_of_the_tree() {
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::NextResolution);
    update(&mut app, Action::NextResolution);
    let row = app.selected_row();
    assert_eq!(app.tree_offset, row - reso::tui::app::SCROLL_OFF, "CCPCJ/1/3 near the top, not the bottom");
}

#[test]
fn esc_closes_help() {
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::Help);
    update(&mut app, Action::ClearFilter);
    assert_eq!(app.mode(), reso::tui::app::Mode::Normal);
}

#[test]
fn resume_restores_the_selection_folds_and_narrowing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.ron");
    let docs = [sample()];
    let mut app = app(&docs);
    select(&mut app, "CCPCJ/1/4:op.17.d");
    update(&mut app, Action::Narrow);
    let open_before = app.open.clone();
    resume::save(&app, &path).expect("saves");

    let mut again = App::new(&docs, 45);
    again.resize(120, 40);
    assert_eq!(resume::restore(&mut again, &path).as_deref(), Some("back where you left off"));
    assert_eq!(selected_id(&again), "CCPCJ/1/4:op.17.d");
    assert_eq!(again.narrow, Some(node_of(&again, "CCPCJ/1/4")));
    assert_eq!(again.open, open_before);
}

#[test]
fn a_damaged_or_missing_state_file_is_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let docs = [sample()];
    let mut app = app(&docs);
    assert_eq!(resume::restore(&mut app, &dir.path().join("none.ron")), None);
    assert_eq!(selected_id(&app), "CCPCJ/1/1");
    let bad = dir.path().join("state.ron");
    std::fs::write(&bad, "(documents: {\"x\": (selected: ").unwrap();
    let message = resume::restore(&mut app, &bad).expect("a message");
    assert!(message.contains("damaged, ignored") && message.contains("state.ron:1:"), "{message}");
    assert_eq!(selected_id(&app), "CCPCJ/1/1");
    // Saving over it works and keeps nothing broken.
    resume::save(&app, &bad).expect("saves over a damaged file");
    assert_eq!(resume::restore(&mut app, &bad).as_deref(), Some("back where you left off"));
}

#[test]
fn clearing_a_filter_puts_the_folds_back() {
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::CycleTree); // contents → everything unfolded…
    update(&mut app, Action::CycleTree); // … → overview: resolutions folded
    let before = app.open.clone();
    let hit = node_of(&app, "CCPCJ/1/4:op.17.d");
    let other = node_of(&app, "CCPCJ/1/2:op.1.a");
    app.apply_filter("hotline".into(), vec![hit, other]);
    assert_ne!(app.open, before, "the filter opened the hits' ancestors");
    app.reveal(hit);
    update(&mut app, Action::ClearFilter);
    assert_eq!(selected_id(&app), "CCPCJ/1/4:op.17.d", "still on the clause read");
    // Every fold as before, except the way down to that clause.
    let mut ancestors = Vec::new();
    let mut p = app.nodes[hit].parent;
    while let Some(i) = p {
        ancestors.push(i);
        p = app.nodes[i].parent;
    }
    for (i, (&now, &was)) in app.open.iter().zip(&before).enumerate() {
        if !ancestors.contains(&i) {
            assert_eq!(now, was, "fold of node {i} changed");
        }
    }
    assert!(!app.open[node_of(&app, "CCPCJ/1/2")], "the other hit's resolution is folded again");
}
