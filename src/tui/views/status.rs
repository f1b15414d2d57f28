//! The status line: where you are, the mode, the keys that matter now
//! (from the keymap), and passing messages.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Mode};
use crate::tui::keymap::Action;
use crate::tui::text::{clean, truncate};

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    if area.height == 0 {
        return;
    }
    let row = app.selected_row() + 1;
    let code = app
        .nodes
        .get(app.selected)
        .and_then(|n| n.resolution)
        .map(|r| clean(&r.code))
        .unwrap_or_default();
    let mode = match app.mode {
        Mode::Normal if app.filter.is_some() => "FILTER",
        Mode::Normal => "READ",
        Mode::Help => "HELP",
        Mode::Find if app.finder.as_ref().is_some_and(|f| f.filter) => "FILTER?",
        Mode::Find => "FIND",
    };
    let hints: Vec<String> = match app.mode {
        Mode::Normal => [
            Action::Help,
            Action::CycleNode,
            Action::NextResolution,
            Action::Quit,
        ]
        .iter()
        .map(|a| {
            format!(
                "{} {}",
                app.keymap.keys_for(*a).split(" / ").next().unwrap_or(""),
                short(*a)
            )
        })
        .collect(),
        Mode::Help => vec![format!("{} close", app.keymap.keys_for(Action::Help))],
        Mode::Find => vec!["Enter jump  ↑↓ choose  Esc back".to_string()],
    };
    let filtered = app
        .filter
        .as_ref()
        .map(|f| {
            format!(
                "  filtered “{}”: {} match — Esc clears",
                clean(&f.query),
                f.matches
            )
        })
        .unwrap_or_default();
    let left = format!(" {mode}  row {row}/{}  {code}{filtered}", app.rows.len());
    let right = match &app.message {
        Some(m) => format!("  {m}"),
        None => format!("  {}", hints.join("  ")),
    };
    let text = truncate(&format!("{left}{right}"), usize::from(area.width));
    let line = Line::from(Span::styled(
        text,
        Style::default().add_modifier(Modifier::REVERSED),
    ));
    frame.render_widget(
        Paragraph::new(line).style(Style::default().add_modifier(Modifier::REVERSED)),
        area,
    );
}

fn short(action: Action) -> &'static str {
    match action {
        Action::Help => "help",
        Action::CycleNode => "fold",
        Action::NextResolution => "next res.",
        Action::OpenFinder => "find",
        Action::Quit => "quit",
        _ => "",
    }
}
