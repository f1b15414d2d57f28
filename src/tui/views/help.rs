//! The help overlay, generated from the keymap (and the finder's key table)
//! so it lists exactly the keys that work.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::keymap::{FINDER_KEYS, NOTES_KEYS};
use crate::tui::layout::{help_popup, inner};

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let popup = help_popup(area, app.help_lines());
    frame.render_widget(Clear, popup);
    frame.render_widget(Block::default().borders(Borders::ALL).title(" Keys — ? or q to close, j/k scroll "), popup);
    let keys_width = 24;
    let entry = |keys: &str, what: &str| {
        Line::from(vec![
            Span::styled(format!(" {keys:<keys_width$}"), Style::default().add_modifier(Modifier::BOLD)),
            Span::raw(what.to_string()),
        ])
    };
    let mut lines: Vec<Line<'static>> = app
        .keymap
        .bindings
        .iter()
        .map(|(action, _)| entry(&app.keymap.keys_for(*action), action.description()))
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(" In the finder (/ or f)", Style::default().add_modifier(Modifier::BOLD)));
    lines.extend(FINDER_KEYS.iter().map(|(keys, what)| entry(keys, what)));
    lines.push(Line::default());
    lines.push(Line::styled(" Tags and notes", Style::default().add_modifier(Modifier::BOLD)));
    // The tags come from the configuration, so the list shows the real ones.
    lines.extend(
        app.tags.iter().map(|t| entry(&t.key.to_string(), &format!("toggle the tag {} on this clause", t.name))),
    );
    lines.extend(NOTES_KEYS.iter().map(|(keys, what)| entry(keys, what)));
    debug_assert_eq!(lines.len(), app.help_lines(), "App::help_lines counts these lines");
    let lines: Vec<Line<'static>> = lines.into_iter().skip(app.help_scroll).collect();
    frame.render_widget(Paragraph::new(lines), inner(popup));
}
