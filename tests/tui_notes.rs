//! Tags and notes in the reader, on the real notes store in a temp folder.

mod common;

use common::{ctrl, node_of, press, select, selected_id};

use std::path::Path;

use ratatui::crossterm::event::KeyCode;
use reso::annotate::{Notes, Store, Target};
use reso::document::{Document, sample};
use reso::tui::App;
use reso::tui::app::Mode;
use reso::tui::notes;
use reso::tui::outline::Kind;
use reso::tui::overlay::{Overlay, Problem};

fn app<'a>(docs: &'a [Document], notes: &Path) -> App<'a> {
    common::app_with_notes(docs, notes)
}

fn detail(app: &App<'_>) -> String {
    app.detail.iter().map(|l| l.to_string()).collect::<Vec<_>>().join("\n")
}

#[test]
fn one_key_tags_toggle_and_show() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    select(&mut app, "CCPCJ/1/3:op.4");
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.message.as_deref(), Some("amend on CCPCJ/1/3:op.4"));
    assert!(detail(&app).contains("Tags: support, amend"), "{}", detail(&app));
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("\"CCPCJ/1/3:op.4\"") && saved.contains("\"amend\""));
    // The resolution counts clauses per tag.
    let res = node_of(&app, "CCPCJ/1/3");
    app.selected = res;
    app.refresh();
    assert!(detail(&app).contains("support 1 · amend 1"), "{}", detail(&app));
    // Toggle off again.
    select(&mut app, "CCPCJ/1/3:op.4");
    press(&mut app, KeyCode::Char('1'));
    assert!(detail(&app).contains("Tags: amend") && !detail(&app).contains("support"));
}

#[test]
fn the_note_editor_keeps_or_discards() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    select(&mut app, "CCPCJ/1/4:op.17");
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::EditNote);
    for c in "Hotline: we co-sponsor".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    for c in "second line".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(detail(&app).contains("Hotline: we co-sponsor") && detail(&app).contains("second line"));
    let file = reso::annotate::store::read(&path).unwrap();
    let note = &file.documents.values().next().unwrap().clauses["CCPCJ/1/4:op.17"].note;
    assert_eq!(note, "Hotline: we co-sponsor\nsecond line");
    // Ctrl-g discards an edit.
    press(&mut app, KeyCode::Char('a'));
    for c in " DISCARD ME".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    ctrl(&mut app, 'g');
    assert!(!detail(&app).contains("DISCARD"));
    // Ctrl-s keeps.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('!'));
    ctrl(&mut app, 's');
    assert!(detail(&app).contains("second line!"));
}

#[test]
fn tag_filter_and_the_annotations_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    for id in ["CCPCJ/1/1:op.5.a.ii", "CCPCJ/1/4:op.2"] {
        select(&mut app, id);
        press(&mut app, KeyCode::Char('3'));
    }
    select(&mut app, "CCPCJ/1/2:pre.1");
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.mode(), Mode::TagPick);
    press(&mut app, KeyCode::Char('3'));
    let f = app.filter.as_ref().expect("filtered");
    assert_eq!((f.query.as_str(), f.matches), ("#amend", 2));
    let shown: Vec<String> = app
        .rows
        .iter()
        .filter_map(|&i| match app.nodes[i].kind {
            Kind::Clause(c) => Some(c.id.to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(shown, ["CCPCJ/1/1:op.5", "CCPCJ/1/1:op.5.a", "CCPCJ/1/1:op.5.a.ii", "CCPCJ/1/4:op.2"]);
    press(&mut app, KeyCode::Esc);
    assert!(app.filter.is_none());

    press(&mut app, KeyCode::Char('A'));
    assert_eq!(app.mode(), Mode::Annotations);
    assert_eq!(app.annotations().unwrap().entries.len(), 3);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(selected_id(&app), "CCPCJ/1/2:pre.1");
}

#[test]
fn another_instances_changes_are_picked_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    select(&mut app, "CCPCJ/1/1:op.1");
    press(&mut app, KeyCode::Char('1'));
    // A second instance (a script) tags another clause meanwhile.
    let mut other = Notes::open(Store::open(&path).unwrap(), &docs).unwrap();
    let clause = docs[0].all_clauses().find(|c| c.id == "CCPCJ/1/1:op.2").unwrap();
    other.set_tag(&docs, 0, &Target::Clause(clause.id.to_string()), "oppose", true).unwrap();
    // Make sure the file's timestamp moves on coarse file systems.
    std::thread::sleep(std::time::Duration::from_millis(20));
    notes::poll(&mut app);
    let op2 = app.nodes.iter().position(|n| matches!(n.kind, Kind::Clause(c) if c.id == "CCPCJ/1/1:op.2")).unwrap();
    assert!(app.annotation(op2).is_some_and(|a| a.tags.contains("oppose")), "picked up");
    // And this instance's next change keeps the other's.
    select(&mut app, "CCPCJ/1/1:op.3");
    press(&mut app, KeyCode::Char('2'));
    let file = reso::annotate::store::read(&path).unwrap();
    assert_eq!(file.documents.values().next().unwrap().clauses.len(), 3);
}

#[test]
fn a_damaged_file_opens_read_only_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    std::fs::write(&path, "(format: 1, documents: {").unwrap();
    let docs = [sample()];
    let problem = Store::open(&path).unwrap_err();
    let mut app = App::new(&docs, 45);
    app.notes = Some(Notes::open(Store::read_only(&path, problem.clone()), &docs).unwrap());
    app.overlays.push(Overlay::Problem(Problem::new(problem)));
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.mode(), Mode::Normal);
    select(&mut app, "CCPCJ/1/1:op.1");
    press(&mut app, KeyCode::Char('1'));
    assert!(app.message.as_deref().unwrap_or("").contains("read-only"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(format: 1, documents: {");
}

#[test]
fn an_orphan_is_listed_and_reattached_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let title = "The Commission on Crime Prevention and Criminal Justice (CCPCJ) — Conference A";
    // A format-1 file: one note whose clause is still there word for word
    // (so the entry is the sample's), one whose clause the text dropped.
    let docs = [sample()];
    let kept = docs[0].all_clauses().find(|c| c.id == "CCPCJ/1/1:op.2").unwrap();
    std::fs::write(
        &path,
        format!(
            "(format: 1, documents: {{ {title:?}: (clauses: {{ \"CCPCJ/1/1:op.99\": (tags: [\"priority\"], note: \"keep me\", \
             fingerprint: \"0\", text: \"A clause that the final text dropped\"), \"CCPCJ/1/1:op.2\": (tags: [\"support\"], \
             fingerprint: {:?}, text: {:?}) }}) }})",
            reso::annotate::fingerprint(&kept.text),
            kept.text.to_string()
        ),
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut app = app(&docs, &path);
    // Opening shows it as an orphan (never dropped, never guessed) and
    // writes nothing.
    assert_eq!(app.notes.as_ref().unwrap().orphans(0).len(), 1);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    select(&mut app, "CCPCJ/1/1:op.7");
    press(&mut app, KeyCode::Char('A'));
    let entries = &app.annotations().unwrap().entries;
    assert_eq!(entries.len(), 2);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.message.as_deref(), Some("re-attached CCPCJ/1/1:op.99 to CCPCJ/1/1:op.7"));
    press(&mut app, KeyCode::Esc);
    assert!(detail(&app).contains("keep me") && detail(&app).contains("Tags: priority"));
    let file = reso::annotate::store::read(&path).unwrap();
    assert!(file.documents[title].orphans.is_empty());
    assert_eq!(file.documents[title].clauses.keys().collect::<Vec<_>>(), ["CCPCJ/1/1:op.2", "CCPCJ/1/1:op.7"]);
    // The change made it a format-2 entry that records its document.
    assert_eq!((file.format, file.documents[title].title.as_str()), (2, title));
}

#[test]
fn no_color_leaves_markers_readable_without_colour() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    app.palette = reso::config::theme::Palette::new(&reso::config::Theme::default(), true);
    select(&mut app, "CCPCJ/1/1:op.1");
    press(&mut app, KeyCode::Char('2'));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| reso::tui::views::draw(&app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    assert!(buffer.content().iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset), "a colour under NO_COLOR");
    let text = format!("{}", terminal.backend());
    assert!(text.contains("O 1 Encourages"), "the oppose tag as a letter: {text}");
}

#[path = "common/same_title.rs"]
mod same_title;

fn screen(app: &App<'_>) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| reso::tui::views::draw(app, f)).unwrap();
    format!("{}", terminal.backend())
}

#[test]
fn a_whole_resolution_and_the_document_take_tags_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let docs = [sample()];
    let mut app = app(&docs, &path);
    select(&mut app, "CCPCJ/1/3");
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.message.as_deref(), Some("oppose on CCPCJ/1/3"));
    press(&mut app, KeyCode::Char('a'));
    for c in "vote no".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Esc);
    assert!(detail(&app).contains("Tags: oppose") && detail(&app).contains("vote no"), "{}", detail(&app));
    // The tree marks the resolution's row.
    let shown = screen(&app);
    assert!(shown.contains("O✎ CCPCJ/1/3"), "{shown}");
    // The document row (the first).
    app.selected = 0;
    app.refresh();
    press(&mut app, KeyCode::Char('5'));
    assert_eq!(app.message.as_deref(), Some("priority on the document"));
    assert!(detail(&app).contains("Tags: priority"), "{}", detail(&app));
    let file = reso::annotate::store::read(&path).unwrap();
    let entry = file.documents.values().next().unwrap();
    assert_eq!(entry.resolutions["CCPCJ/1/3"].note, "vote no");
    assert!(entry.document.as_ref().is_some_and(|a| a.tags.contains("priority")));
    // Both are in the list, the document first.
    press(&mut app, KeyCode::Char('A'));
    let shown = screen(&app);
    let doc_row = shown.find("document The Commission").expect("document row");
    let res_row = shown.find("CCPCJ/1/3 (whole resolution)").expect("resolution row");
    assert!(doc_row < res_row, "{shown}");
    // A section row takes none.
    press(&mut app, KeyCode::Esc);
    let group = app.nodes.iter().position(|n| matches!(n.kind, Kind::Group(_))).unwrap();
    app.selected = group;
    press(&mut app, KeyCode::Char('1'));
    assert!(app.message.as_deref().unwrap_or("").starts_with("tags and notes go on"), "{:?}", app.message);
}

#[test]
fn the_list_names_the_file_when_two_open_documents_share_a_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.ron");
    let other = reso::document::load_bytes(same_title::same_title_and_codes().as_bytes(), "booklet-2.txt").unwrap();
    let docs = [sample(), other];
    assert_eq!(docs[0].title, docs[1].title);
    let mut app = app(&docs, &path);
    // The same id in each: two notes, neither the other's.
    for d in 0..2 {
        let node = app
            .nodes
            .iter()
            .position(|n| n.doc == d && matches!(n.kind, Kind::Clause(c) if c.id == "CCPCJ/1/1:op.1"))
            .unwrap();
        app.reveal(node);
        press(&mut app, KeyCode::Char(if d == 0 { '1' } else { '2' }));
    }
    let notes = app.notes.as_ref().unwrap();
    assert!(notes.get(0, "CCPCJ/1/1:op.1").is_some_and(|a| a.tags.iter().eq(["support"])));
    assert!(notes.get(1, "CCPCJ/1/1:op.1").is_some_and(|a| a.tags.iter().eq(["oppose"])));
    press(&mut app, KeyCode::Char('A'));
    let shown = screen(&app);
    assert!(shown.contains("1 [<bundled sample") && shown.contains("1 [booklet-2.txt]"), "{shown}");
}
