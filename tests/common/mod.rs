//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use reso::document::{Clause, Document, Resolution, load_bytes};
use reso::tui::App;
use reso::tui::outline::Kind;

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn fixture(name: &str) -> Document {
    let bytes = std::fs::read(fixture_path(name)).expect("fixture exists");
    load_bytes(&bytes, name).expect("fixture decodes")
}

pub mod pty;

pub fn parse_str(text: &str) -> Document {
    load_bytes(text.as_bytes(), "test.txt").expect("decodes")
}

/// (preambular, operative, second-level, third-level) in the main body.
pub fn counts(res: &Resolution) -> (usize, usize, usize, usize) {
    let second: usize = res.operative.iter().map(|c| c.children.len()).sum();
    let third: usize = res.operative.iter().flat_map(|c| &c.children).map(|c| c.children.len()).sum();
    (res.preamble.len(), res.operative.len(), second, third)
}

pub fn find<'a>(doc: &'a Document, id: &str) -> &'a Clause {
    doc.all_clauses().find(|c| c.id == id).unwrap_or_else(|| panic!("no clause {id}"))
}

/// The reader's node for a clause id or a resolution code.
pub fn node_of(app: &App<'_>, id: &str) -> usize {
    app.nodes
        .iter()
        .position(|n| match n.kind {
            Kind::Clause(c) => c.id == id,
            Kind::Resolution(r) => r.code == id,
            _ => false,
        })
        .unwrap_or_else(|| panic!("no node {id}"))
}

/// Select a clause (or resolution) in the reader, unfolding its ancestors.
pub fn select(app: &mut App<'_>, id: &str) {
    let node = node_of(app, id);
    app.reveal(node);
    app.refresh();
}

/// The selected node as a test names it: clause id, resolution code, or
/// the kind of row.
pub fn selected_id(app: &App<'_>) -> String {
    match app.nodes[app.selected].kind {
        Kind::Clause(c) => c.id.to_string(),
        Kind::Resolution(r) => r.code.to_string(),
        Kind::Group(_) => "group".into(),
        Kind::Section(s) => s.to_string(),
        Kind::Document(_) => "document".into(),
    }
}

/// Every non-blank line is claimed exactly once by the model.
pub fn assert_nothing_lost(text: &str, doc: &Document) {
    let blank: Vec<u32> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{c}').is_empty())
        .map(|(i, _)| i as u32 + 1)
        .collect();
    let mut claimed: Vec<u32> = doc.claimed_lines().into_iter().filter(|l| blank.binary_search(l).is_err()).collect();
    claimed.sort_unstable();
    let before = claimed.len();
    claimed.dedup();
    assert_eq!(before, claimed.len(), "a line is claimed twice");
    let expected: Vec<u32> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{c}').is_empty())
        .map(|(i, _)| i as u32 + 1)
        .collect();
    let missing: Vec<&u32> = expected.iter().filter(|n| claimed.binary_search(n).is_err()).collect();
    assert!(missing.is_empty(), "lines not placed anywhere: {missing:?}");
}

/// The reader on `docs` at 120×40 with the notes in `notes` (a real store).
pub fn app_with_notes<'a>(docs: &'a [Document], notes: &std::path::Path) -> App<'a> {
    let mut app = App::new(docs, 45);
    app.resize(120, 40);
    app.notes =
        Some(reso::annotate::Notes::open(reso::annotate::Store::open(notes).expect("store"), docs).expect("notes"));
    app.notes_changed();
    app
}

/// A key press, as the terminal sends it.
pub fn press(app: &mut App<'_>, code: ratatui::crossterm::event::KeyCode) {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    reso::tui::update::key(app, &KeyEvent::new(code, KeyModifiers::NONE));
}

/// Ctrl and a letter.
pub fn ctrl(app: &mut App<'_>, c: char) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    reso::tui::update::key(app, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}
