//! The resolution's detail pane shows what its printed header says (issue
//! #11): title, adopting organ and date, meeting, agenda item, origin.

mod common;

use common::select;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reso::tui::App;
use reso::tui::views::draw;

#[test]
fn resolution_detail_shows_its_header() {
    let docs = vec![common::fixture("a_res_80_6.txt")];
    let mut app = App::new(&docs, 45);
    select(&mut app, "A/RES/80/6");
    app.resize(160, 40);
    let mut terminal = Terminal::new(TestBackend::new(160, 40)).expect("test backend");
    terminal.draw(|f| draw(&app, f)).expect("draws");
    let screen = format!("{}", terminal.backend());
    for want in [
        "Title: 80/6. Report of the International Criminal Court",
        "Adopted: by the General Assembly on 11 November 2025",
        "Meeting: 40th plenary meeting",
        "Agenda: Agenda item 73 (b)",
        "Origin: [on the report of the First Committee (A/80/534, para. 7)]",
    ] {
        assert!(screen.contains(want), "{want} not in\n{screen}");
    }
}
