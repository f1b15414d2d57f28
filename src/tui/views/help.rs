//! The help overlay: draws `App::help`, which is generated from the keymap,
//! the finder's and notes' key tables and the configured tags.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::layout::{help_popup, inner};

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let popup = help_popup(area, app.help().len());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Block::default().borders(Borders::ALL).title(" Keys — Esc, ? or q to close, j/k scroll "),
        popup,
    );
    let lines: Vec<Line<'static>> = app.help_display().into_iter().skip(app.help_scroll).collect();
    frame.render_widget(Paragraph::new(lines), inner(popup));
}
