//! The status line: where you are, the mode, the keys that matter now
//! (from the keymap), and passing messages.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Mode};
use crate::tui::keymap::Action;
use crate::tui::outline::Kind;
use crate::tui::text::{clean, truncate};

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    if area.height == 0 {
        return;
    }
    let row = app.selected_row() + 1;
    // Where you are: the clause's id, else the resolution's code.
    let code = match app.nodes.get(app.selected).map(|n| n.kind) {
        Some(Kind::Clause(c)) => clean(&c.id),
        _ => app.nodes.get(app.selected).and_then(|n| n.resolution).map(|r| clean(&r.code)).unwrap_or_default(),
    };
    let narrowed = match app.narrow.and_then(|r| app.nodes.get(r)).and_then(|n| n.resolution) {
        Some(r) => format!("  NARROWED to {} — {} widens", clean(&r.code), key_of(app, Action::Narrow)),
        None => String::new(),
    };
    let mode = match &app.mode() {
        Mode::Normal if app.filter.is_some() => "FILTER",
        Mode::Normal => "READ",
        Mode::Help => "HELP",
        Mode::Find if app.finder().is_some_and(|f| f.filter) => "FILTER?",
        Mode::Find => "FIND",
        Mode::EditNote => "NOTE",
        Mode::TagPick => "TAG?",
        Mode::Annotations => "NOTES",
        Mode::NotesProblem(_) => "PROBLEM",
    };
    let filtered = app
        .filter
        .as_ref()
        .map(|f| format!("  filtered “{}”: {} match — Esc clears", clean(&f.query), f.matches))
        .unwrap_or_default();
    let read_only = if app.notes.as_ref().is_some_and(|n| n.store.is_read_only()) { "  [notes read-only]" } else { "" };
    let rows = if app.rows.is_empty() || app.filter.as_ref().is_some_and(|f| f.matches == 0) {
        "no match".to_string()
    } else {
        format!("row {row}/{}", app.rows.len())
    };
    let left = format!(" {mode}  {rows}  {code}{narrowed}{filtered}{read_only}");
    let key = |a: Action| key_of(app, a);
    let hints: String = match &app.mode() {
        Mode::Normal => {
            // Most useful first; as many as fit beside the rest.
            let all = [
                format!("{} help", key(Action::Help)),
                format!("{} find", key(Action::OpenFinder)),
                format!("{} tag", tag_keys(app)),
                format!("{} note", key(Action::EditNote)),
                format!("{} back", key(Action::JumpBack)),
                format!("{} fold", key(Action::CycleNode)),
                format!("{} quit", key(Action::Quit)),
            ];
            fit(&all, usize::from(area.width).saturating_sub(left.chars().count() + 2))
        }
        Mode::Help => format!("{} close", key(Action::Help)),
        Mode::Find if app.finder().is_some_and(|f| f.acting) => {
            format!("{} tag  {} note  Esc cancel", tag_keys(app), key(Action::EditNote))
        }
        Mode::Find => {
            let all = [
                "Enter jump".to_string(),
                format!("Ctrl-t {} tag", tag_keys(app)),
                format!("Ctrl-t {} note", key(Action::EditNote)),
                "↑↓ choose".to_string(),
                "Esc back".to_string(),
            ];
            fit(&all, usize::from(area.width).saturating_sub(left.chars().count() + 2))
        }
        Mode::EditNote => "Esc/Ctrl-s keep  Ctrl-g discard".into(),
        Mode::TagPick => "press a tag's key, Esc cancels".into(),
        Mode::Annotations => "Enter jump  r re-attach orphan  Esc close".into(),
        Mode::NotesProblem(_) => "r read without saving notes  q quit".into(),
    };
    let right = match &app.message {
        Some(m) => format!("  {}", clean(m)),
        None => format!("  {hints}"),
    };
    let text = truncate(&format!("{left}{right}"), usize::from(area.width));
    let line = Line::from(Span::raw(text));
    frame.render_widget(Paragraph::new(line).style(Style::default().add_modifier(Modifier::REVERSED)), area);
}

fn key_of(app: &App<'_>, a: Action) -> String {
    app.keymap.keys_for(a).split(" / ").next().unwrap_or("").to_string()
}

/// The hints that fit in `width` columns, in order, never cut mid-hint.
fn fit(hints: &[String], width: usize) -> String {
    let mut out = String::new();
    for h in hints {
        let more = if out.is_empty() { h.chars().count() } else { h.chars().count() + 2 };
        if out.chars().count() + more > width {
            break;
        }
        if !out.is_empty() {
            out.push_str("  ");
        }
        out.push_str(h);
    }
    out
}

/// `1-5`, from the configured tags.
fn tag_keys(app: &App<'_>) -> String {
    match (app.tags.first(), app.tags.last()) {
        (Some(a), Some(b)) if app.tags.len() > 1 => format!("{}-{}", a.key, b.key),
        (Some(a), _) => a.key.to_string(),
        _ => String::new(),
    }
}
