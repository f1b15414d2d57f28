//! The finder: ranking, references, highlighting, and the reader's
//! find / jump / back / filter / next-hit behaviour.

mod common;

use common::selected_id;

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use reso::document::{Document, sample};
use reso::find::haystack;
use reso::find::highlight::positions;
use reso::find::matcher::Compiled;
use reso::find::search;
use reso::tui::App;
use reso::tui::app::Mode;
use reso::tui::keymap::Action;
use reso::tui::outline::Kind;
use reso::tui::search::Engine;
use reso::tui::update::update;
use reso::tui::{hits, update};

#[test]
fn an_exact_phrase_ranks_its_clause_first() {
    let docs = [sample()];
    let hits = search(&docs, "universal hotline for human trafficking", 5);
    assert_eq!(hits[0].id, "CCPCJ/1/4:op.17");
    let hits = search(&docs, "'Liberta", 5);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "CCPCJ/1/1:op.5.a.ii");
}

#[test]
fn a_reference_finds_its_clause() {
    let docs = [sample()];
    assert_eq!(search(&docs, "1/3 op 4", 3)[0].id, "CCPCJ/1/3:op.4");
    assert_eq!(search(&docs, "1/2 op 1 a iv", 3)[0].id, "CCPCJ/1/2:op.1.a.iv");
    assert_eq!(search(&docs, "CCPCJ/1/4:op.17.d", 3)[0].id, "CCPCJ/1/4:op.17.d");
}

#[test]
fn fzf_syntax_smart_case_and_normalisation() {
    let docs = [sample()];
    // `!not` excludes; `^` anchors at the start of the clause text.
    let with = search(&docs, "'INTERPOL", 100).len();
    let without = search(&docs, "'INTERPOL !'Frontex", 100).len();
    assert_eq!(with, without + 1);
    let urges = search(&docs, "^Urges", 10);
    assert_eq!(urges.len(), 3, "1/3 op 4, op 7 and 1/4 annex op 1 open with Urges");
    assert!(urges.iter().all(|h| h.text.starts_with("Urges")), "printed as outline prints it, without emphasis marks");
    // An exact word at the very end of a clause with non-ASCII text.
    assert!(search(&docs, "'Trafficking.", 50).iter().any(|h| h.id == "CCPCJ/1/3:op.10.d"));
    // Upper case in the query makes it case-sensitive.
    assert!(search(&docs, "'interpol", 100).len() >= with);
    let doc = common::parse_str("The Council,\n\nRecalling the résumé of the Café,\n\n1. Decides;\n");
    let docs = [doc];
    assert_eq!(search(&docs, "resume cafe", 3).len(), 1);
}

#[test]
fn highlights_fall_on_the_right_characters_in_non_ascii_text() {
    let text = "Chair Paul Ioan Răzvan-Mihalcea — campaigns here";
    let chars: Vec<char> = text.chars().collect();
    let shown = |q: &str| -> String { positions(&Compiled::new(q), text).iter().map(|&i| chars[i]).collect() };
    assert_eq!(shown("Răzvan"), "Răzvan");
    assert_eq!(shown("'campaigns"), "campaigns");
    assert_eq!(shown("razvan"), "Răzvan", "folded: ă matches a");
    let pos = positions(&Compiled::new("razvan campaigns"), text);
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
}

fn app(docs: &[Document]) -> App<'_> {
    let mut app = App::new(docs, 45);
    app.resize(120, 40);
    app
}

fn type_query(app: &mut App<'_>, text: &str) {
    for c in text.chars() {
        update::key(app, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    // Let nucleo finish (it runs on its own threads).
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        update::tick(app);
        if !app.finder().is_some_and(|f| f.running) {
            break;
        }
        assert!(Instant::now() < deadline, "matching never finished");
        std::thread::sleep(Duration::from_millis(5));
    }
    // As the event loop does after each tick.
    app.refresh();
}

fn press(app: &mut App<'_>, code: KeyCode) {
    update::key(app, &KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn enter_reveals_a_folded_deep_clause_and_n_walks_the_hits() {
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::CycleTree);
    update(&mut app, Action::CycleTree); // overview: every resolution folded
    update(&mut app, Action::OpenFinder);
    assert_eq!(app.mode(), Mode::Find);
    type_query(&mut app, "'amount of arrests");
    // The detail previews the hit before Enter.
    assert!(app.detail.iter().any(|l| l.to_string().contains("CCPCJ/1/2 › Operative 1 › a › iv")));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(selected_id(&app), "CCPCJ/1/2:op.1.a.iv");
    assert!(app.rows.binary_search(&app.selected).is_ok(), "ancestors unfolded");
    let row = app.selected_row();
    assert!(row >= app.tree_offset && row < app.tree_offset + app.tree_height());

    update(&mut app, Action::OpenFinder);
    type_query(&mut app, "'INTERPOL");
    press(&mut app, KeyCode::Enter);
    let first = app.selected;
    let n = app.hits.len();
    assert!(n >= 5);
    update(&mut app, Action::NextHit);
    assert!(app.selected > first || n == 1);
    update(&mut app, Action::PrevHit);
    assert_eq!(app.selected, first);
}

/// An engine of 40,000 items over the sample's clauses: matching a broad
/// fuzzy word over it takes far longer than a key press in a test build.
fn big_engine(app: &App<'_>) -> Engine {
    let clauses: Vec<(u32, String)> = app
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match n.kind {
            Kind::Clause(c) => Some((i as u32, haystack(c))),
            _ => None,
        })
        .collect();
    let items = (0..40_000)
        .map(|k| {
            let (node, text) = &clauses[k % clauses.len()];
            (*node, format!("{text} GEN{k}"))
        })
        .collect();
    Engine::from_items(items)
}

/// Frames go by until the accepted find has all its hits.
fn collect_until_done(app: &mut App<'_>) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while app.collecting.is_some() {
        hits::collect(app);
        assert!(Instant::now() < deadline, "matching never finished");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn enter_does_not_wait_for_matching_to_finish() {
    let docs = [sample()];
    let mut app = app(&docs);
    app.engine = Some(big_engine(&app));
    let type_hotline = |app: &mut App<'_>| {
        for c in "hotline".chars() {
            update::key(app, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    };
    let before = app.selected;
    update(&mut app, Action::OpenFinder);
    type_hotline(&mut app);
    press(&mut app, KeyCode::Enter);
    // Back in the reader at once, while the hits are still being collected;
    // the list may still be an earlier query's, so no jump yet.
    assert_eq!(app.mode(), Mode::Normal);
    assert!(app.collecting.is_some(), "matching 40,000 items cannot have finished yet");
    assert_eq!(app.selected, before);
    update(&mut app, Action::NextHit);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("still matching")), "{:?}", app.message);
    collect_until_done(&mut app);
    let engine = app.engine.as_ref().expect("engine");
    assert_eq!(app.hits, engine.all_matches());
    // The sample repeated: the nodes of op 17 and op 17 b, once each.
    assert_eq!(app.hits.len(), 2);
    // Then the reader jumps to the best hit.
    assert_eq!(Some(app.selected), engine.nth(0));
    assert_eq!(selected_id(&app), "CCPCJ/1/4:op.17");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("hits")), "{:?}", app.message);

    // A reader who moves on before matching ends is not pulled back.
    update(&mut app, Action::OpenFinder);
    type_hotline(&mut app);
    press(&mut app, KeyCode::Enter);
    assert!(app.collecting.is_some());
    update(&mut app, Action::Down);
    let moved_to = app.selected;
    collect_until_done(&mut app);
    assert_eq!(app.selected, moved_to);

    // A filter accepted early narrows the tree once the hits are known.
    update(&mut app, Action::OpenFilter);
    for c in "hotline".chars() {
        update::key(&mut app, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.filter.is_none() && app.collecting.is_some());
    collect_until_done(&mut app);
    let f = app.filter.as_ref().expect("filtered once matching ended");
    assert_eq!(f.matches, app.hits.len());
}

#[test]
fn esc_returns_exactly_to_where_you_were() {
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::NextResolution);
    update(&mut app, Action::CycleNode);
    let (selected, open, offset) = (app.selected, app.open.clone(), app.tree_offset);
    update(&mut app, Action::OpenFinder);
    type_query(&mut app, "hotline");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.selected, selected);
    assert_eq!(app.open, open);
    assert_eq!(app.tree_offset, offset);
    assert!(app.preview().is_none());
}

#[test]
fn filter_keeps_matches_and_ancestors_and_hides_the_rest() {
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::OpenFilter);
    type_query(&mut app, "'Liberta");
    press(&mut app, KeyCode::Enter);
    let f = app.filter.as_ref().expect("filtered");
    assert_eq!(f.matches, 1);
    let shown: Vec<String> = app
        .rows
        .iter()
        .map(|&i| match app.nodes[i].kind {
            Kind::Document(_) => "doc".into(),
            Kind::Resolution(r) => r.code.to_string(),
            Kind::Group(_) => "group".into(),
            Kind::Section(s) => s.into(),
            Kind::Clause(c) => c.id.to_string(),
        })
        .collect();
    assert_eq!(shown, ["doc", "CCPCJ/1/1", "group", "CCPCJ/1/1:op.5", "CCPCJ/1/1:op.5.a", "CCPCJ/1/1:op.5.a.ii"]);
    update(&mut app, Action::ClearFilter);
    assert!(app.filter.is_none());
    assert!(app.rows.len() > 50);
}

#[test]
fn esc_typed_fast_before_a_key_is_both_keys() {
    // Through tmux, `Esc j` typed quickly arrives as Alt-j.
    let docs = [sample()];
    let mut app = app(&docs);
    let before = app.selected_row();
    update(&mut app, Action::OpenFinder);
    type_query(&mut app, "hotline");
    reso::tui::update::key(&mut app, &KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT));
    assert_eq!(app.mode(), Mode::Normal, "Esc closed the finder");
    assert_eq!(app.selected_row(), before + 1, "then j moved down one row");
    assert!(app.finder().is_none());
}

#[test]
fn the_prompt_edits_like_a_prompt() {
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::OpenFinder);
    type_query(&mut app, "hotlne");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    type_query(&mut app, "i");
    let f = app.finder().expect("open");
    assert_eq!((f.query.as_str(), f.cursor), ("hotline", 5));
    press(&mut app, KeyCode::End);
    type_query(&mut app, " data");
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    update::key(&mut app, &ctrl('w'));
    assert_eq!(app.finder().map(|f| f.query.as_str()), Some("hotline "));
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Delete);
    assert_eq!(app.finder().map(|f| (f.query.as_str(), f.cursor)), Some(("otline ", 0)));
    update::key(&mut app, &ctrl('u'));
    assert_eq!(app.finder().map(|f| f.query.as_str()), Some(""));
}

/// After a jump the matched words are marked in the detail; a query with
/// no hit previews nothing.
#[test]
fn the_detail_marks_the_matched_words_and_no_hit_previews_nothing() {
    use ratatui::style::Modifier;
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::OpenFinder);
    type_query(&mut app, "hotline");
    assert!(app.preview().is_some());
    type_query(&mut app, "zzqx");
    assert_eq!(app.finder().map(|f| f.len()), Some(0));
    assert!(app.preview().is_none(), "no stale preview");
    for _ in 0.."zzqx".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_query(&mut app, "");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_id(&app), "CCPCJ/1/4:op.17");
    let marked: Vec<String> = app
        .detail
        .iter()
        .flat_map(|l| l.spans.iter())
        .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
        .map(|s| s.content.to_string())
        .collect();
    // Op 17's text names it three times, its item b (shown below) once.
    assert_eq!(marked, ["hotline", "hotlines", "hotline", "hotline"]);
}

/// In a filter, the matching rows are marked; the rows shown for context
/// (parents, sub-clauses) are dimmed.
#[test]
fn filter_rows_tell_matches_from_context() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    let docs = [sample()];
    let mut app = app(&docs);
    update(&mut app, Action::OpenFilter);
    type_query(&mut app, "hotline");
    press(&mut app, KeyCode::Enter);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    terminal.draw(|f| reso::tui::views::draw(&app, f)).expect("draws");
    let buf = terminal.backend().buffer().clone();
    let row_text = |y: u16| -> String { (1..50).map(|x| buf[(x, y)].symbol().to_string()).collect() };
    let mut matches = Vec::new();
    let mut context = Vec::new();
    for y in 1..39 {
        if buf[(0, y)].symbol() != "│" {
            break; // the tree pane's bottom border
        }
        let text = row_text(y);
        if text.trim().is_empty() {
            continue;
        }
        let first = (1..50).find(|&x| buf[(x, y)].symbol() != " ").unwrap_or(1);
        if buf[(1, y)].symbol() == "▌" {
            matches.push(text.trim().to_string());
        } else {
            assert!(buf[(first, y)].modifier.contains(Modifier::DIM), "context row not dimmed: {text}");
            context.push(text.trim().to_string());
        }
    }
    assert_eq!(matches.len(), 2, "{matches:?}");
    assert!(matches[0].contains("17 Recommends"), "{matches:?}");
    assert!(matches[1].contains(" b Providing"), "{matches:?}");
    assert!(context.iter().any(|r| r.contains("CCPCJ/1/4")), "{context:?}");
    assert!(context.iter().any(|r| r.starts_with("a ")), "op 17's other items, for context: {context:?}");
}
