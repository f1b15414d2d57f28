//! Whole screens on ratatui's TestBackend, compared with committed insta
//! snapshots (`tests/snapshots/`), at 120×40 and 60×20.

mod common;

use common::select;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reso::document::{Document, load_bytes, sample};
use reso::tui::App;
use reso::tui::keymap::Action;
use reso::tui::outline::Kind;
use reso::tui::update::update;
use reso::tui::views::draw;

fn screen(app: &mut App<'_>, width: u16, height: u16) -> Terminal<TestBackend> {
    app.resize(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|f| draw(app, f)).expect("draws");
    terminal
}

fn docs() -> Vec<Document> {
    vec![sample()]
}

#[test]
fn sample_opened() {
    let docs = docs();
    for (w, h) in [(120, 40), (60, 20)] {
        let mut app = App::new(&docs, 45);
        insta::assert_snapshot!(format!("sample_opened_{w}x{h}"), screen(&mut app, w, h).backend());
    }
}

#[test]
fn resolution_with_vote_chart() {
    let docs = docs();
    for (w, h) in [(120, 40), (60, 20)] {
        let mut app = App::new(&docs, 45);
        select(&mut app, "CCPCJ/1/3");
        let t = screen(&mut app, w, h);
        let text = format!("{}", t.backend());
        assert!(text.contains("21 in favour"), "{text}");
        insta::assert_snapshot!(format!("resolution_1_3_{w}x{h}"), t.backend());
    }
}

#[test]
fn deep_sub_clause() {
    let docs = docs();
    for (w, h) in [(120, 40), (60, 20)] {
        let mut app = App::new(&docs, 45);
        select(&mut app, "CCPCJ/1/2:op.1.a.iv");
        let t = screen(&mut app, w, h);
        insta::assert_snapshot!(format!("deep_clause_{w}x{h}"), t.backend());
    }
}

#[test]
fn help_overlay() {
    let docs = docs();
    for (w, h) in [(120, 40), (60, 20)] {
        let mut app = App::new(&docs, 45);
        app.resize(w, h);
        update(&mut app, Action::Help);
        let t = screen(&mut app, w, h);
        insta::assert_snapshot!(format!("help_{w}x{h}"), t.backend());
    }
}

#[test]
fn every_size_down_to_one_by_one_draws() {
    let docs = docs();
    let mut app = App::new(&docs, 45);
    update(&mut app, Action::CycleTree);
    for w in [1u16, 2, 3, 5, 10, 40, 79, 80, 81, 200] {
        for h in [1u16, 2, 3, 4, 7, 20, 60] {
            update(&mut app, Action::Down);
            screen(&mut app, w, h);
            update(&mut app, Action::Help);
            screen(&mut app, w, h);
            update(&mut app, Action::Help);
        }
    }
}

#[test]
fn hostile_text_never_reaches_the_screen_as_escapes() {
    let evil = "The Council,\n\nRecalling \u{1b}[31mred\u{1b}[0m \u{1b}]0;owned\u{7} \u{202e}reversed, 日本語 and 👍🏽 wide,\n\n1. Decides\tto\u{c}act \u{85}now;\n";
    let docs = vec![load_bytes(evil.as_bytes(), "evil.txt").expect("decodes")];
    let mut app = App::new(&docs, 45);
    let node = app.nodes.iter().position(|n| matches!(n.kind, Kind::Clause(_))).expect("a clause");
    app.reveal(node);
    app.refresh();
    let t = screen(&mut app, 100, 20);
    let buffer = t.backend().buffer();
    for cell in buffer.content() {
        let s = cell.symbol();
        assert!(!s.chars().any(|c| c.is_control()), "control character in cell: {s:?}");
    }
    let text = format!("{}", t.backend());
    assert!(!text.contains("[31m") && !text.contains("owned"));
    assert!(text.contains("日本語"));
}

#[test]
fn help_lists_the_configured_tags_and_the_note_keys() {
    let docs = docs();
    let mut app = App::new(&docs, 45);
    app.tags[2].name = "co-sponsor".into();
    update(&mut app, Action::Help);
    // To the end of the help, where the tags and the note keys are.
    for _ in 0..500 {
        update(&mut app, Action::Down);
    }
    let text = format!("{}", screen(&mut app, 120, 40).backend());
    assert!(text.contains("toggle the tag co-sponsor on this clause"), "{text}");
    assert!(text.contains("in the note editor: discard the edit"), "{text}");
}

#[test]
fn help_scrolls_no_further_than_its_last_line() {
    let docs = docs();
    let mut app = App::new(&docs, 45);
    app.resize(100, 20);
    update(&mut app, Action::Help);
    let (last_keys, last_what) = reso::tui::keymap::NOTES_KEYS[reso::tui::keymap::NOTES_KEYS.len() - 1];
    for _ in 0..500 {
        update(&mut app, Action::Down);
    }
    let bottom = format!("{}", screen(&mut app, 100, 20).backend());
    assert!(bottom.contains(last_what), "{last_keys}: {bottom}");
    // The last line is on the box's last row: one more key changes nothing,
    // and one key up shows one more line at the top.
    update(&mut app, Action::Down);
    assert_eq!(format!("{}", screen(&mut app, 100, 20).backend()), bottom);
    assert_eq!(app.help_scroll(), app.max_help_scroll());
    assert!(app.max_help_scroll() > 0, "20 rows cannot show the whole help");
    update(&mut app, Action::Up);
    assert_eq!(app.help_scroll() + 1, app.max_help_scroll());
}

#[test]
fn every_size_with_and_without_colour() {
    let docs = docs();
    for (w, h) in [(200, 60), (120, 40), (80, 24), (40, 15)] {
        for color in [true, false] {
            let mut app = App::new(&docs, 45);
            app.palette.color = color;
            select(&mut app, "CCPCJ/1/4:op.17");
            let t = screen(&mut app, w, h);
            let text = format!("{}", t.backend());
            // The status line never overflows and the clause is shown.
            assert!(text.contains("READ"), "{w}x{h}: {text}");
            let mode = if color { "colour" } else { "no_colour" };
            insta::assert_snapshot!(format!("clause_17_{w}x{h}_{mode}"), t.backend());
        }
    }
    // At 200 columns a tree row uses the width instead of stopping after a
    // few words.
    let mut app = App::new(&docs, 45);
    select(&mut app, "CCPCJ/1/4:op.17");
    let text = format!("{}", screen(&mut app, 200, 60).backend());
    let row = text.lines().find(|l| l.contains("17 Recommends")).unwrap_or("");
    assert!(row.contains("universal hotline for human trafficking"), "{row}");
}
