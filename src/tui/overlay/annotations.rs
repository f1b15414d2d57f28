//! The list of every note and tag (`A`): noted documents, resolutions and
//! clauses in document order, then the orphans whose clause is gone. Enter
//! jumps to one; `r` re-attaches an orphan to the clause that was selected
//! when the list opened.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Cx, Outcome};
use crate::tui::app::App;
use crate::tui::detail::{breadcrumb, ordered_tags};
use crate::tui::layout::{centred, inner};
use crate::tui::outline::Kind;
use crate::tui::text::{clean, truncate};

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A node with an annotation: a clause, a resolution or a document.
    Clause {
        node: usize,
    },
    Orphan {
        doc: usize,
        id: String,
    },
}

#[derive(Debug, Clone)]
pub struct Annotations {
    pub entries: Vec<Entry>,
    pub selected: usize,
    /// The clause selected when the list opened: an orphan can be
    /// re-attached to it.
    pub target: usize,
}

impl Annotations {
    /// Every noted or tagged document, resolution and clause, then the
    /// orphans; `target`: the node an orphan would be re-attached to.
    pub fn open(cx: &Cx<'_, '_>, target: usize) -> Annotations {
        let mut entries: Vec<Entry> =
            (0..cx.nodes.len()).filter(|&i| cx.annotation(i).is_some()).map(|node| Entry::Clause { node }).collect();
        if let Some(notes) = cx.notes {
            for doc in 0..cx.docs.len() {
                entries.extend(notes.orphans(doc).iter().map(|o| Entry::Orphan { doc, id: o.id.clone() }));
            }
        }
        Annotations { entries, selected: 0, target }
    }

    pub fn key(&mut self, key: &KeyEvent) -> Outcome {
        let last = self.entries.len().saturating_sub(1);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('A') => return Outcome::Close,
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Enter => {
                if let Some(Entry::Clause { node }) = self.entries.get(self.selected) {
                    return Outcome::Jump(*node);
                }
            }
            KeyCode::Char('r') => {
                if let Some(Entry::Orphan { doc, id }) = self.entries.get(self.selected) {
                    return Outcome::Attach { doc: *doc, id: id.clone(), to: self.target };
                }
            }
            _ => {}
        }
        Outcome::Stay
    }

    pub fn draw(&self, app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
        draw(self, app, frame, area);
    }
}

fn draw(view: &Annotations, app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
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
