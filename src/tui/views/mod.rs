//! Drawing. Every function here only reads the app state.

mod detail;
mod finder;
mod help;
mod notes;
mod status;
mod tree;

use ratatui::Frame;

use super::app::{App, Mode};

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>) {
    let panes = app.panes();
    // A note opened from the finder is written over the finder's results.
    if app.mode == Mode::Find || (app.mode == Mode::EditNote && app.finder.is_some()) {
        finder::draw(app, frame, panes.tree);
    } else {
        tree::draw(app, frame, panes.tree);
    }
    detail::draw(app, frame, panes.detail);
    status::draw(app, frame, panes.status);
    match &app.mode {
        Mode::Help => help::draw(app, frame, frame.area()),
        Mode::EditNote => notes::editor(app, frame, frame.area()),
        Mode::Annotations => notes::annotations(app, frame, frame.area()),
        Mode::NotesProblem(message) => notes::problem(message, frame, frame.area()),
        _ => {}
    }
}
