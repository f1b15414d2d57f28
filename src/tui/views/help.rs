//! The help overlay: draws `App::help`, which is generated from the keymap,
//! the finder's and notes' key tables and the configured tags.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::keymap::HelpLine;
use crate::tui::layout::{help_popup, inner};

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let help = app.help();
    let popup = help_popup(area, help.len());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Block::default().borders(Borders::ALL).title(" Keys — Esc, ? or q to close, j/k scroll "),
        popup,
    );
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let lines: Vec<Line<'static>> = help
        .into_iter()
        .skip(app.help_scroll)
        .map(|line| match line {
            HelpLine::Key { keys, what } => {
                Line::from(vec![Span::styled(format!(" {keys:<24}"), bold), Span::raw(what)])
            }
            HelpLine::Heading(text) => Line::styled(format!(" {text}"), bold),
            HelpLine::Blank => Line::default(),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner(popup));
}
