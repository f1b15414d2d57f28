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
    let code = app.nodes.get(app.selected).and_then(|n| n.resolution).map(|r| clean(&r.code)).unwrap_or_default();
    let mode = match &app.mode {
        Mode::Normal if app.filter.is_some() => "FILTER",
        Mode::Normal => "READ",
        Mode::Help => "HELP",
        Mode::Find if app.finder.as_ref().is_some_and(|f| f.filter) => "FILTER?",
        Mode::Find => "FIND",
        Mode::EditNote => "NOTE",
        Mode::TagPick => "TAG?",
        Mode::Annotations => "NOTES",
        Mode::NotesProblem(_) => "PROBLEM",
    };
    let key = |a: Action| app.keymap.keys_for(a).split(" / ").next().unwrap_or("").to_string();
    let hints: String = match &app.mode {
        Mode::Normal => format!(
            "{} help  {} find  {} fold  {} tag  {} note  {} quit",
            key(Action::Help),
            key(Action::OpenFinder),
            key(Action::CycleNode),
            tag_keys(app),
            key(Action::EditNote),
            key(Action::Quit)
        ),
        Mode::Help => format!("{} close", key(Action::Help)),
        Mode::Find => "Enter jump  ↑↓ choose  Esc back".into(),
        Mode::EditNote => "Esc/Ctrl-s keep  Ctrl-g discard".into(),
        Mode::TagPick => "press a tag's key, Esc cancels".into(),
        Mode::Annotations => "Enter jump  r re-attach orphan  Esc close".into(),
        Mode::NotesProblem(_) => "r read without saving notes  q quit".into(),
    };
    let filtered = app
        .filter
        .as_ref()
        .map(|f| format!("  filtered “{}”: {} match — Esc clears", clean(&f.query), f.matches))
        .unwrap_or_default();
    let read_only = if app.notes.as_ref().is_some_and(|n| n.store.is_read_only()) { "  [notes read-only]" } else { "" };
    let left = format!(" {mode}  row {row}/{}  {code}{filtered}{read_only}", app.rows.len());
    let right = match &app.message {
        Some(m) => format!("  {}", clean(m)),
        None => format!("  {hints}"),
    };
    let text = truncate(&format!("{left}{right}"), usize::from(area.width));
    let line = Line::from(Span::raw(text));
    frame.render_widget(Paragraph::new(line).style(Style::default().add_modifier(Modifier::REVERSED)), area);
}

/// `1-5`, from the configured tags.
fn tag_keys(app: &App<'_>) -> String {
    match (app.tags.first(), app.tags.last()) {
        (Some(a), Some(b)) if app.tags.len() > 1 => format!("{}-{}", a.key, b.key),
        (Some(a), _) => a.key.to_string(),
        _ => String::new(),
    }
}
