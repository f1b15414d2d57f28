//! Drawing. Every function here only reads the app state; each overlay
//! draws itself (`overlay/`), over the panes drawn here.

mod detail;
mod status;
mod tree;

use ratatui::Frame;

use super::app::App;

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>) {
    let panes = app.panes();
    // The finder takes the tree pane's place (it draws itself below).
    if app.finder().is_none() {
        tree::draw(app, frame, panes.tree);
    }
    detail::draw(app, frame, panes.detail);
    status::draw(app, frame, panes.status);
    // Bottom to top: a note opened from the finder is written over the
    // finder's results.
    for overlay in &app.overlays {
        overlay.draw(app, frame);
    }
}
