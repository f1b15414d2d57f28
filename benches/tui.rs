//! The reader on a generated ~50 MB corpus, headless (TestBackend at
//! 200×60): time to the first frame (parse + tree + draw), and update+draw
//! per key with the whole tree unfolded. Run: `cargo bench --bench tui`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reso::document::{corpus, load_owned};
use reso::tui::App;
use reso::tui::keymap::Action;
use reso::tui::update::update;
use reso::tui::views::draw;

fn main() {
    divan::main();
}

fn corpus_text() -> String {
    corpus::generate(50_000_000)
}

#[divan::bench(sample_count = 10)]
fn first_frame_50mb(bencher: divan::Bencher) {
    let text = corpus_text();
    // The documents are returned, so divan drops them after timing: freeing
    // 240,000 clauses is not part of reaching the first frame.
    // The file's bytes are handed over as reso's loader takes them; making
    // that copy of the corpus is not timed.
    bencher.with_inputs(|| text.clone().into_bytes()).bench_local_values(|bytes| {
        let docs = vec![load_owned(bytes, "corpus.txt").expect("decodes")];
        {
            let mut app = App::new(&docs, 45);
            app.resize(200, 60);
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
            terminal.draw(|f| draw(&app, f)).expect("draw");
        }
        docs
    });
}

/// One key (update + draw), cycling through the keys a reader uses most,
/// with everything unfolded (about 245,000 rows).
#[divan::bench(args = [Action::Down, Action::PageDown, Action::NextSibling, Action::NextResolution, Action::CycleNode, Action::DetailDown])]
fn key_50mb_expanded(bencher: divan::Bencher, action: Action) {
    let text = corpus_text();
    let docs = vec![load_owned(text.clone().into_bytes(), "corpus.txt").expect("decodes")];
    let mut app = App::new(&docs, 45);
    app.resize(200, 60);
    update(&mut app, Action::CycleTree); // contents → everything
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    bencher.bench_local(|| {
        update(&mut app, action);
        if app.selected_row() + 100 > app.rows.len() {
            update(&mut app, Action::Top);
        }
        terminal.draw(|f| draw(&app, f)).expect("draw");
    });
}
