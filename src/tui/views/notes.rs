//! Overlays for notes: the note editor, the list of every annotation, and
//! the prompt shown when the notes file cannot be read.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::app::{App, Entry};
use crate::tui::detail::{breadcrumb, ordered_tags};
use crate::tui::layout::inner;
use crate::tui::outline::Kind;
use crate::tui::text::{clean, truncate};

/// A centred box `w`×`h` (clipped to the area).
fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let width = w.min(area.width);
    let height = h.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

pub fn editor(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let Some((_, textarea)) = &app.editor else { return };
    let popup = centred(area, area.width.saturating_sub(4).min(90), area.height.saturating_sub(4).min(16));
    frame.render_widget(Clear, popup);
    frame.render_widget(textarea, popup);
}

pub fn annotations(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let Some(view) = &app.annotations else { return };
    let popup = centred(area, area.width.saturating_sub(4).min(110), area.height.saturating_sub(2));
    frame.render_widget(Clear, popup);
    let title = format!(" Notes and tags ({}) — Enter jumps, r re-attaches an orphan, Esc closes ", view.entries.len());
    frame.render_widget(Block::default().borders(Borders::ALL).title(title), popup);
    let inside = inner(popup);
    let width = usize::from(inside.width);
    let height = usize::from(inside.height);
    let offset = view.selected.saturating_sub(height.saturating_sub(1));
    let notes = app.notes.as_ref();
    let mut lines: Vec<Line<'static>> = Vec::new();
    if view.entries.is_empty() {
        lines.push(Line::raw(" No notes or tags yet: press 1–5 on a clause to tag it, a to write a note."));
    }
    for (i, entry) in view.entries.iter().enumerate().skip(offset).take(height) {
        let (head, tags, note) = match entry {
            Entry::Clause { node } => {
                let a = app.annotation(*node);
                let tags = a.map(|a| ordered_tags(a, &app.tags)).unwrap_or_default();
                let head = match app.nodes.get(*node).map(|n| n.kind) {
                    Some(Kind::Document(d)) => format!("document {}", d.title),
                    Some(Kind::Resolution(r)) => format!("{} (whole resolution)", r.code),
                    _ => breadcrumb(&app.nodes, *node),
                };
                let doc = app.nodes.get(*node).map_or(0, |n| n.doc);
                (format!("{head}{}", which(app, doc)), tags, a.map(|a| a.note.clone()).unwrap_or_default())
            }
            Entry::Orphan { doc, id } => {
                let o = notes.and_then(|n| n.orphans(*doc).iter().find(|o| &o.id == id));
                let tags = o.map(|o| o.annotation.tags.iter().cloned().collect()).unwrap_or_default();
                let text = o.map(|o| o.annotation.text.clone()).unwrap_or_default();
                (
                    format!("orphan {id}{} (was: {})", which(app, *doc), truncate(&clean(&text), 40)),
                    tags,
                    o.map(|o| o.annotation.note.clone()).unwrap_or_default(),
                )
            }
        };
        let mut spans = vec![Span::styled(clean(&head), Style::default().add_modifier(Modifier::BOLD))];
        for t in &tags {
            let color = app.tags.iter().find(|d| &d.name == t).map(|d| app.palette.tag(&d.color)).unwrap_or_default();
            spans.push(Span::styled(format!("  ●{t}"), Style::default().fg(color)));
        }
        let first = note.lines().next().unwrap_or("");
        if !first.is_empty() {
            spans.push(Span::raw(format!("  ✎ {}", clean(first))));
        }
        let mut line = Line::from(spans);
        if line.width() > width {
            line = Line::raw(truncate(&line.to_string(), width));
        }
        if i == view.selected {
            line = line.style(Style::default().add_modifier(Modifier::REVERSED));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inside);
}

/// ` [file]` when another open document has the same title, so the list
/// says whose note it is.
fn which(app: &App<'_>, doc: usize) -> String {
    let Some(d) = app.docs.get(doc) else { return String::new() };
    if app.docs.iter().filter(|o| o.title == d.title).count() < 2 {
        return String::new();
    }
    let file = std::path::Path::new(&d.source).file_name().map(|f| f.to_string_lossy().into_owned());
    format!(" [{}]", file.unwrap_or_else(|| d.source.clone()))
}

pub fn problem(message: &str, frame: &mut Frame<'_>, area: Rect) {
    let popup = centred(area, area.width.saturating_sub(4).min(80), 9);
    frame.render_widget(Clear, popup);
    let text = vec![
        Line::styled(
            "The notes file cannot be read, and will not be touched:",
            Style::default().add_modifier(Modifier::BOLD),
        ),
        Line::raw(clean(message)),
        Line::default(),
        Line::raw("r  read the documents without saving notes this session"),
        Line::raw("q  quit (fix or move the file, then start again)"),
    ];
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: false }).block(Block::default().borders(Borders::ALL).title(" Notes ")),
        popup,
    );
}
