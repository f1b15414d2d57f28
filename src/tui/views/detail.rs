//! The detail pane: the pre-wrapped lines of the selected node, scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::tui::app::App;
use crate::tui::layout::inner;

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    frame.render_widget(Block::default().borders(Borders::ALL).title(" Detail "), area);
    let inside = inner(area);
    let lines: Vec<_> = app.detail.iter().skip(app.detail_scroll).take(usize::from(inside.height)).cloned().collect();
    frame.render_widget(Paragraph::new(lines), inside);
}
