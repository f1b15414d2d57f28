//! Where the first frame's time goes on a large file: decode+parse, the
//! reader's tree, and the first draw (headless). `first_frame FILE`.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: first_frame FILE");
        std::process::exit(2);
    };
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("first_frame: cannot read {path}");
        std::process::exit(1);
    };
    let t = Instant::now();
    let Ok(doc) = reso::document::load_owned(bytes, &path) else {
        eprintln!("first_frame: cannot decode {path}");
        std::process::exit(1);
    };
    let docs = vec![doc];
    let parsed = t.elapsed();
    let mut app = reso::tui::App::new(&docs, 45);
    app.resize(200, 60);
    let tree = t.elapsed();
    // A TestBackend cannot fail.
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap_or_else(|never| match never {});
    let _ = terminal.draw(|f| reso::tui::views::draw(&app, f));
    let drawn = t.elapsed();
    println!("parse {parsed:?}  tree {:?}  draw {:?}  total {drawn:?}", tree - parsed, drawn - tree);
}
