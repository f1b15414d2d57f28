//! Two revisions in the reader (`--compare`): change marks in the tree,
//! struck clauses as ghost rows, `c` / `C` through the changes, `x` to hide
//! the struck ones, the word-level difference in the detail pane.

mod common;

use common::{fixture, selected_id};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reso::document::Document;
use reso::tui::App;
use reso::tui::keymap::Action;
use reso::tui::update::update;
use reso::tui::views::draw;

fn revisions() -> Vec<Document> {
    vec![fixture("revisions/draft.txt"), fixture("revisions/revision.txt")]
}

fn app(docs: &[Document]) -> App<'_> {
    let mut app = App::comparing(docs, 45, 0, 1);
    app.resize(140, 45);
    app.palette.color = false;
    app.refresh();
    app
}

fn screen(app: &mut App<'_>) -> String {
    let mut terminal = Terminal::new(TestBackend::new(140, 45)).expect("test backend");
    terminal.draw(|f| draw(app, f)).expect("draws");
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

const NEW: &str = "Working Paper 3.1 (revised)";

#[test]
fn c_steps_through_every_change_in_order_and_wraps() {
    let docs = revisions();
    let mut app = app(&docs);
    let mut seen = Vec::new();
    for _ in 0..11 {
        update(&mut app, Action::NextChange);
        seen.push(selected_id(&app));
    }
    let want = [
        format!("{NEW}:op.2"),
        format!("{NEW}:op.3"),
        format!("{NEW}:op.4"),
        format!("{NEW}:op.4.b"),
        format!("{NEW}:op.5"),
        format!("{NEW}:op.6"),
        // The ghost row of struck operative 5, a clause of the draft.
        "Working Paper 3.1:op.5".to_string(),
        format!("{NEW}:op.7"),
        format!("{NEW}:op.8"),
        format!("{NEW}:op.8.a"),
        format!("{NEW}:op.9"),
    ];
    assert_eq!(seen, want);
    assert_eq!(app.message.as_deref(), Some("change 11 of 11"));
    update(&mut app, Action::NextChange);
    assert_eq!(selected_id(&app), want[0]);
    assert_eq!(app.message.as_deref(), Some("change 1 of 11 (wrapped)"));
    update(&mut app, Action::PrevChange);
    assert_eq!(selected_id(&app), want[10]);
}

#[test]
fn struck_clauses_are_ghost_rows_that_can_be_hidden() {
    let docs = revisions();
    let mut app = app(&docs);
    let text = screen(&mut app);
    // Marks as signs (no colour here): added, reworded, renumbered, split,
    // struck, merged; the ghost row stands after operative 6.
    for row in
        ["+ 2 Welcomes", "~ 3 Encourages", "# 4 Requests", "< 5 Invites", "< 6 Further", "− 5 Urges", "> 7 Emphasizes"]
    {
        assert!(text.contains(row), "no row {row:?}:\n{text}");
    }
    assert!(text.find("< 6 Further").unwrap_or(0) < text.find("− 5 Urges").unwrap_or(0));
    update(&mut app, Action::ToggleStruck);
    assert_eq!(app.message.as_deref(), Some("struck clauses hidden"));
    let text = screen(&mut app);
    assert!(!text.contains("Urges Member States"), "{text}");
    // Hidden ghosts are not stepped to either.
    let mut seen = Vec::new();
    for _ in 0..10 {
        update(&mut app, Action::NextChange);
        seen.push(selected_id(&app));
    }
    assert!(!seen.iter().any(|id| id.starts_with("Working Paper 3.1:")), "{seen:?}");
    assert_eq!(app.message.as_deref(), Some("change 10 of 10"));
}

#[test]
fn the_detail_shows_the_word_level_difference_and_the_summary() {
    let docs = revisions();
    let mut app = app(&docs);
    update(&mut app, Action::NextChange);
    update(&mut app, Action::NextChange);
    let text = screen(&mut app);
    assert!(text.contains("Since the older revision: reworded (was op.2)"), "{text}");
    assert!(text.contains("Encourages Member States to [-share-] {+exchange+} data"), "{text}");
    // The resolution row sums the changes up.
    common::select(&mut app, NEW);
    let text = screen(&mut app);
    assert!(text.contains("Since the older revision (Working Paper 3.1): 2 added, 1 struck"), "{text}");
    assert!(text.contains("1 moved, 1 reworded, 1 split, 1 merged"), "{text}");
}

#[test]
fn without_a_comparison_c_says_how_to_get_one() {
    let docs = vec![reso::document::sample()];
    let mut app = App::new(&docs, 45);
    update(&mut app, Action::NextChange);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("--compare")));
}
