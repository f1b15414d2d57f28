//! `?`: every key, generated from the keymap (so it lists exactly the keys
//! that work), the finder's and notes' key tables and the configured tags.
//! It scrolls, and closes with Esc like every other overlay.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Cx, Outcome};
use crate::config::TagDef;
use crate::tui::app::App;
use crate::tui::keymap::{Action, HelpLine, Keymap, help_lines};
use crate::tui::layout::{help_popup, inner};
use crate::tui::text::{plain, wrap};

#[derive(Debug, Clone, Copy, Default)]
pub struct Help {
    /// Lines scrolled past at the top.
    pub scroll: usize,
}

impl Help {
    pub fn key(&mut self, key: &KeyEvent, cx: &Cx<'_, '_>) -> Outcome {
        match cx.keymap.action(key) {
            Some(action) => self.action(action, cx),
            None => Outcome::Stay,
        }
    }

    /// The keymap's actions, as help reads them: the moves scroll.
    pub fn action(&mut self, action: Action, cx: &Cx<'_, '_>) -> Outcome {
        let max = max_scroll(cx.keymap, cx.tags, cx.area);
        // A taller window shows more of the help: its last line stays at
        // the bottom.
        self.scroll = self.scroll.min(max);
        match action {
            // Esc closes help as it closes every other overlay.
            Action::Help | Action::Quit | Action::ClearFilter => return Outcome::Close,
            Action::Down | Action::DetailDown => self.scroll = (self.scroll + 1).min(max),
            Action::Up | Action::DetailUp => self.scroll = self.scroll.saturating_sub(1),
            _ => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
        let lines = display(&app.keymap, &app.tags, area);
        let popup = help_popup(area, help_lines(&app.keymap, &app.tags).len());
        frame.render_widget(Clear, popup);
        frame.render_widget(
            Block::default().borders(Borders::ALL).title(" Keys — Esc, ? or q to close, j/k scroll "),
            popup,
        );
        // Scrolled no further than the last line at the bottom (the window
        // may have grown since), as `max_scroll` says, from the same lines.
        let shown = usize::from(inner(help_popup(area, lines.len())).height);
        let scroll = self.scroll.min(lines.len().saturating_sub(shown));
        let lines: Vec<Line<'static>> = lines.into_iter().skip(scroll).collect();
        frame.render_widget(Paragraph::new(lines), inner(popup));
    }
}

/// How far the help can scroll in a window of `area`: until its last line
/// is at the bottom.
pub fn max_scroll(keymap: &Keymap, tags: &[TagDef], area: Rect) -> usize {
    let lines = display(keymap, tags, area).len();
    let shown = usize::from(inner(help_popup(area, lines)).height);
    lines.saturating_sub(shown)
}

/// The help as it is shown at this window's width: keys and what they do
/// side by side, or, in a narrow window, each key above its description,
/// wrapped (readable at 40 columns).
pub fn display(keymap: &Keymap, tags: &[TagDef], area: Rect) -> Vec<Line<'static>> {
    let help = help_lines(keymap, tags);
    let width = inner(help_popup(area, help.len())).width;
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let wide = width >= 60;
    let mut out = Vec::new();
    for line in help {
        match line {
            HelpLine::Key { keys, what } if wide => {
                // The description wrapped beside its key column.
                let what = wrap(&plain(&what, Style::default()), width - 25, 0);
                for (k, mut line) in what.into_iter().enumerate() {
                    let key = if k == 0 { format!(" {keys:<24}") } else { " ".repeat(25) };
                    line.spans.insert(0, Span::styled(key, bold));
                    out.push(line);
                }
            }
            HelpLine::Key { keys, what } => {
                out.extend(wrap(&plain(&keys, bold), width, 1));
                out.extend(wrap(&plain(&what, Style::default()), width, 3));
            }
            HelpLine::Heading(text) => out.push(Line::styled(format!(" {text}"), bold)),
            HelpLine::Blank => out.push(Line::default()),
        }
    }
    out
}
