//! The detail pane: the pre-wrapped lines of the selected node, scrolled.
//! When there is more above or below, the frame says so and names the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::layout::inner;

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let inside = inner(area);
    let height = usize::from(inside.height);
    let below = app.detail.len().saturating_sub(app.detail_scroll + height);
    let mut block = Block::default().borders(Borders::ALL).title(" Detail ");
    if below > 0 {
        let key = app.keymap.keys_for(Action::DetailDown);
        block = block.title_bottom(Line::from(format!(" ↓ {below} more lines ({key}) ")).right_aligned());
    }
    if app.detail_scroll > 0 {
        let key = app.keymap.keys_for(Action::DetailUp);
        block = block.title_top(Line::from(format!(" ↑ more ({key}) ")).right_aligned());
    }
    frame.render_widget(block, area);
    let lines: Vec<_> = app.detail.iter().skip(app.detail_scroll).take(height).cloned().collect();
    frame.render_widget(Paragraph::new(lines), inside);
}
