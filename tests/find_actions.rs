//! Acting from the finder (issue 15, item 1): `Ctrl-t` then a tag key tags
//! the chosen result, `Ctrl-t` then the note key writes its note; the
//! finder stays open with the query selected, so the next citation is
//! typed at once. Keys go through `update::key`, as the event loop sends them.

mod common;

use common::{ctrl, press, selected_id};

use std::path::Path;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;
use reso::annotate::{Notes, Store};
use reso::document::{Document, sample};
use reso::tui::App;
use reso::tui::app::Mode;
use reso::tui::update;

fn app<'a>(docs: &'a [Document], notes: &Path) -> App<'a> {
    common::app_with_notes(docs, notes)
}

/// Type `text` and let the engine answer, as the event loop's ticks do.
fn type_text(app: &mut App<'_>, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        update::tick(app);
        if !app.finder().is_some_and(|f| f.running && !f.citation) {
            break;
        }
        assert!(Instant::now() < deadline, "matching never finished");
        std::thread::sleep(Duration::from_millis(5));
    }
    app.refresh();
}

fn query(app: &App<'_>) -> String {
    app.finder().map(|f| f.query.clone()).unwrap_or_default()
}

/// The tags on a clause, read back from the notes file by a fresh store.
fn tags_in_file(docs: &[Document], path: &Path, id: &str) -> Vec<String> {
    let notes = Notes::open(Store::open(path).expect("store"), docs).expect("notes");
    notes.get(0, id).map(|a| a.tags.iter().cloned().collect()).unwrap_or_default()
}

fn screen(app: &App<'_>) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|f| reso::tui::views::draw(app, f)).expect("draw");
    format!("{}", terminal.backend())
}

/// Is the query drawn reversed over its whole length on the prompt line?
fn query_drawn_selected(app: &App<'_>, query: &str) -> bool {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|f| reso::tui::views::draw(app, f)).expect("draw");
    let buffer = terminal.backend().buffer();
    // The prompt: row 1, after the border and "/ ".
    (0..query.chars().count() as u16)
        .all(|i| buffer.cell((3 + i, 1)).is_some_and(|c| c.modifier.contains(Modifier::REVERSED)))
        && buffer.cell((3, 1)).is_some_and(|c| c.symbol() == "1")
}

#[test]
fn ctrl_t_and_a_tag_key_tag_the_hit_and_the_finder_stays_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    let start = app.selected;
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "1/3 op 4 a");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.mode(), Mode::Find, "the finder stays open");
    assert_eq!(app.message.as_deref(), Some("support on CCPCJ/1/3:op.4.a"), "names the clause");
    assert_eq!(tags_in_file(&docs, &path, "CCPCJ/1/3:op.4.a"), ["support"], "saved at once");
    // The row shows the tag it now carries (from the next frame's tick).
    update::tick(&mut app);
    let f = app.finder().expect("finder");
    assert!(f.rows.first().is_some_and(|r| r.haystack.contains("#support")), "{:?}", f.rows.first());
    // The query is drawn selected (reversed), as it will be replaced.
    assert!(query_drawn_selected(&app, "1/3 op 4 a"));
    // The next citation is typed at once: it replaces the query.
    type_text(&mut app, "1/2 PP3");
    assert_eq!(query(&app), "1/2 PP3");
    assert!(!query_drawn_selected(&app, "1/2 PP3"), "typing ends the selection");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.message.as_deref(), Some("amend on CCPCJ/1/2:pre.3"));
    // A second tag on the same clause: the query is still selected.
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('5'));
    assert_eq!(tags_in_file(&docs, &path, "CCPCJ/1/2:pre.3"), ["amend", "priority"]);
    // Again toggles it off, through the same notes code as the reader.
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('5'));
    assert_eq!(app.message.as_deref(), Some("priority off CCPCJ/1/2:pre.3"));
    assert_eq!(tags_in_file(&docs, &path, "CCPCJ/1/2:pre.3"), ["amend"]);
    // Tagging never moved the reader; Esc goes back to where it was.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.selected, start);
}

#[test]
fn after_an_action_editing_keys_edit_and_backspace_clears() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "1/3 op 4");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('2'));
    // Moving the cursor keeps the query: the delegate refines it.
    press(&mut app, KeyCode::End);
    type_text(&mut app, " b");
    assert_eq!(query(&app), "1/3 op 4 b");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(query(&app), "", "Backspace clears the selected query");
    assert_eq!(tags_in_file(&docs, &path, "CCPCJ/1/3:op.4"), ["oppose"]);
    assert_eq!(tags_in_file(&docs, &path, "CCPCJ/1/3:op.4.b"), ["oppose"]);
}

#[test]
fn a_word_hit_is_tagged_and_esc_after_ctrl_t_cancels_only_the_prefix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "'amount of arrests");
    ctrl(&mut app, 't');
    assert!(app.message.as_deref().unwrap_or("").contains("CCPCJ/1/2:op.1.a.iv"), "{:?}", app.message);
    let shown = screen(&app);
    assert!(shown.contains("CCPCJ/1/2:op.1.a.iv: tag key 1-5, or a for its note"), "says what comes next: {shown}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Find, "Esc cancels Ctrl-t, not the finder");
    assert_eq!(query(&app), "'amount of arrests");
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(query(&app), "'amount of arrests4", "a digit without Ctrl-t is query text");
    assert!(tags_in_file(&docs, &path, "CCPCJ/1/2:op.1.a.iv").is_empty());
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(tags_in_file(&docs, &path, "CCPCJ/1/2:op.1.a.iv"), ["question"]);
    // A key that is neither a tag nor the note key says so and does nothing.
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('z'));
    assert!(app.message.as_deref().unwrap_or("").starts_with("no tag on z"), "{:?}", app.message);
    assert_eq!(query(&app), "'amount of arrests");
}

#[test]
fn a_citation_that_names_no_single_clause_is_not_tagged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "1/3 op 99");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.mode(), Mode::Find);
    // Its candidates are listed, but none is the cited clause until chosen.
    assert!(app.message.as_deref().unwrap_or("").starts_with("pick the clause"), "{:?}", app.message);
    assert!(!path.exists() || !std::fs::read_to_string(&path).unwrap_or_default().contains("support"));
    assert_eq!(query(&app), "1/3 op 99", "the query is kept to be corrected");
}

#[test]
fn the_note_key_after_ctrl_t_writes_the_hits_note_and_returns_to_the_finder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    let start = selected_id(&app);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "CCPCJ/1/4:op.17.d");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::EditNote);
    assert!(screen(&app).contains("Note on CCPCJ/1/4:op.17.d"), "{}", screen(&app));
    for c in "France asks to delete".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Find, "back to the finder");
    assert_eq!(app.message.as_deref(), Some("note saved on CCPCJ/1/4:op.17.d"));
    let notes = Notes::open(Store::open(&path).expect("store"), &docs).expect("notes");
    assert_eq!(notes.get(0, "CCPCJ/1/4:op.17.d").map(|a| a.note.as_str()), Some("France asks to delete"));
    // The next citation replaces the query; Enter jumps as before.
    type_text(&mut app, "1/3 op 7");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(selected_id(&app), "CCPCJ/1/3:op.7");
    assert_ne!(selected_id(&app), start);
}

#[test]
fn the_hint_line_and_help_show_ctrl_t() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    press(&mut app, KeyCode::Char('/'));
    let shown = screen(&app);
    assert!(shown.contains("Ctrl-t 1-5 tag") && shown.contains("Ctrl-t a note"), "{shown}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('?'));
    let help: Vec<String> = app.help().iter().map(|l| format!("{l:?}")).collect();
    assert!(help.iter().any(|l| l.contains("Ctrl-t then a tag key")), "{help:?}");
}

#[path = "common/debate.rs"]
mod debate;

use debate::{DEBATE, Press};

fn run(app: &mut App<'_>, script: &[Press]) {
    for &p in script {
        match p {
            Press::Char(c) => press(app, KeyCode::Char(c)),
            Press::Enter => press(app, KeyCode::Enter),
            Press::Esc => press(app, KeyCode::Esc),
            Press::CtrlT => ctrl(app, 't'),
        }
    }
}

/// The scripted debate tagged the old way (`/`, citation, Enter, tag key)
/// and from the finder: the same tags on the same clauses, in fewer keys,
/// and the reader was not moved ten times.
#[test]
fn the_debate_tags_the_same_clauses_in_fewer_keys() {
    let docs = [sample()];
    let dir = tempfile::tempdir().expect("tempdir");
    let (old, new) = (dir.path().join("old.ron"), dir.path().join("new.ron"));
    let mut a = app(&docs, &old);
    run(&mut a, &debate::before());
    let mut b = app(&docs, &new);
    let start = b.selected;
    let after = debate::after();
    // Everything but the final Enter: the reader has not moved.
    run(&mut b, &after[..after.len() - 1]);
    assert_eq!(b.mode(), Mode::Find);
    assert_eq!(b.selected, start, "tagging from the finder never moved the reader");
    run(&mut b, &after[after.len() - 1..]);
    for (cite, id, _, tag) in DEBATE {
        assert_eq!(tags_in_file(&docs, &old, id), [tag], "{cite} the old way");
        assert_eq!(tags_in_file(&docs, &new, id), [tag], "{cite} from the finder");
    }
    let last = DEBATE[DEBATE.len() - 1].1;
    assert_eq!(selected_id(&a), last);
    assert_eq!(selected_id(&b), last);
    let (before, after) = (debate::before().len(), after.len());
    eprintln!("keystrokes for the debate: before {before}, after {after}");
    assert!(after < before, "{after} keys from the finder, {before} the old way");
}

/// After acting on a clause of 1/3, `op 7` without a resolution means 1/3's,
/// wherever the reader is; before any action, the reader's resolution.
#[test]
fn a_citation_without_a_resolution_follows_the_last_clause_acted_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    common::select(&mut app, "CCPCJ/1/1:op.1");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "op 2");
    ctrl(&mut app, 't');
    assert!(app.message.as_deref().unwrap_or("").starts_with("CCPCJ/1/1:op.2:"), "{:?}", app.message);
    press(&mut app, KeyCode::Esc);
    ctrl(&mut app, 'u');
    type_text(&mut app, "1/3 op 4 a");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('1'));
    type_text(&mut app, "op 7");
    ctrl(&mut app, 't');
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.message.as_deref(), Some("oppose on CCPCJ/1/3:op.7"));
    // Esc: the reader is where it was, and a new finder starts from there.
    press(&mut app, KeyCode::Esc);
    assert_eq!(selected_id(&app), "CCPCJ/1/1:op.1");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "op 7");
    ctrl(&mut app, 't');
    assert!(app.message.as_deref().unwrap_or("").starts_with("CCPCJ/1/1:op.7:"), "{:?}", app.message);
}

#[test]
fn the_hint_line_fits_at_80_and_40_columns() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = [sample()];
    let mut app = app(&docs, &dir.path().join("notes.ron"));
    press(&mut app, KeyCode::Char('/'));
    for (w, h) in [(80u16, 24u16), (40, 15)] {
        app.resize(w, h);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal.draw(|f| reso::tui::views::draw(&app, f)).expect("draw");
        let buffer = terminal.backend().buffer();
        let status: String = (0..w).filter_map(|x| buffer.cell((x, h - 1)).map(|c| c.symbol().to_string())).collect();
        // Whole hints only, most useful first: Enter, then Ctrl-t at 80.
        assert!(status.contains("Enter jump"), "{w}: {status}");
        assert_eq!(status.contains("Ctrl-t 1-5 tag"), w >= 80, "{w}: {status}");
        assert!(!status.contains("Ctrl-t 1-5 ta "), "never cut mid-hint: {status}");
    }
}
