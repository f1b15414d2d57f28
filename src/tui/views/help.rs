//! The help overlay, generated from the keymap so it lists exactly the
//! keys that work.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::layout::inner;

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let width = area.width.saturating_sub(4).min(84);
    let height = area
        .height
        .saturating_sub(2)
        .min(app.keymap.bindings.len() as u16 + 4);
    let popup = Rect {
        x: area.x + (area.width.saturating_sub(width)) / 2,
        y: area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Block::default()
            .borders(Borders::ALL)
            .title(" Keys — ? or q to close "),
        popup,
    );
    let keys_width = 22;
    let lines: Vec<Line<'static>> = app
        .keymap
        .bindings
        .iter()
        .map(|(action, _)| {
            Line::from(vec![
                Span::styled(
                    format!(" {:<keys_width$}", app.keymap.keys_for(*action)),
                    Style::default().add_modifier(Modifier::BOLD),
                ),
                Span::raw(action.description().to_string()),
            ])
        })
        .skip(app.help_scroll)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner(popup));
}
