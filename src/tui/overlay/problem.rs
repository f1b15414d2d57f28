//! The notes file cannot be read: say so before anything else, and let the
//! reader go on without saving notes (`r`) or quit (`q`). The file is never
//! touched.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::Outcome;
use crate::tui::layout::centred;
use crate::tui::text::clean;

pub struct Problem {
    /// What is wrong with the file.
    pub message: String,
}

impl Problem {
    pub fn new(message: String) -> Problem {
        Problem { message }
    }

    pub fn key(&self, key: &KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Char('r') => Outcome::ReadOnly,
            KeyCode::Char('q') | KeyCode::Esc => Outcome::Quit,
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Outcome::Quit,
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect) {
        let popup = centred(area, area.width.saturating_sub(4).min(80), 9);
        frame.render_widget(Clear, popup);
        let text = vec![
            Line::styled(
                "The notes file cannot be read, and will not be touched:",
                Style::default().add_modifier(Modifier::BOLD),
            ),
            Line::raw(clean(&self.message)),
            Line::default(),
            Line::raw("r  read the documents without saving notes this session"),
            Line::raw("q  quit (fix or move the file, then start again)"),
        ];
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .block(Block::default().borders(Borders::ALL).title(" Notes ")),
            popup,
        );
    }
}
