//! The clause tree: only the rows in view are drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use ratatui::style::Color;

use crate::diff;
use crate::document::Vote;
use crate::export::outline::leading_words;
use crate::tui::app::App;
use crate::tui::detail::ordered_tags;
use crate::tui::layout::inner;
use crate::tui::outline::{Group, Kind};
use crate::tui::text::{clean, truncate};

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let block = Block::default().borders(Borders::ALL).title(" Clauses ");
    frame.render_widget(block, area);
    let inside = inner(area);
    let width = usize::from(inside.width);
    let lines: Vec<Line<'static>> = app
        .rows
        .iter()
        .skip(app.tree_offset)
        .take(usize::from(inside.height))
        .map(|&node| row(app, node, width))
        .collect();
    frame.render_widget(Paragraph::new(lines), inside);
}

fn row(app: &App<'_>, index: usize, width: usize) -> Line<'static> {
    let node = &app.nodes[index];
    let marker = if !app.has_children(index) {
        "  "
    } else if app.open[index] {
        "▾ "
    } else {
        "▸ "
    };
    let indent = " ".repeat(usize::from(node.depth) * 2);
    let mut spans: Vec<(String, Style)> =
        vec![(format!("{indent}{marker}"), Style::default().add_modifier(Modifier::DIM))];
    let b = Style::default().add_modifier(Modifier::BOLD);
    match node.kind {
        Kind::Document(doc) => {
            markers(app, index, &mut spans);
            spans.push((clean(&doc.title), b));
            // The file, so two documents with one title can be told apart.
            let file = std::path::Path::new(&doc.source).file_name().map(|f| f.to_string_lossy().into_owned());
            if let Some(file) = file.filter(|f| *f != doc.title) {
                spans.push((format!("  {}", clean(&file)), Style::default().add_modifier(Modifier::DIM)));
            }
        }
        Kind::Resolution(res) => {
            markers(app, index, &mut spans);
            spans.push((clean(&res.code), b));
            let mark = match res.vote {
                Some(Vote::WithoutVote) => ("  ✓ no vote".to_string(), Style::default().fg(app.palette.vote_for)),
                Some(Vote::Unanimous) => ("  ✓ unanimous".to_string(), Style::default().fg(app.palette.vote_for)),
                Some(Vote::Recorded { in_favour, against, abstentions }) => {
                    (format!("  {in_favour}–{against}–{abstentions}"), Style::default().fg(app.palette.vote_abstain))
                }
                None => (String::new(), Style::default()),
            };
            spans.push(mark);
            if let Some(topic) = &res.topic {
                spans.push((format!("  {}", clean(topic)), Style::default()));
            }
        }
        Kind::Group(g) => {
            let text = match g {
                Group::Preamble(c) => format!("Preamble ({})", c.len()),
                Group::Operative(c) => format!("Operative ({})", c.len()),
                Group::Annex(_, a) => clean(&a.title),
            };
            spans.push((text, Style::default().fg(app.palette.accent)));
        }
        Kind::Section(title) => {
            spans.push((clean(title), Style::default().fg(app.palette.accent).add_modifier(Modifier::ITALIC)))
        }
        Kind::Clause(c) => {
            // Since the older revision (--compare): a mark, in colour and
            // as a sign, so it reads without colour too.
            let change = app.compare.as_ref().and_then(|cmp| cmp.change(index));
            if let Some(change) = change {
                let (sign, color) = change_mark(change.kind);
                let color = if app.palette.color { color } else { Color::Reset };
                spans.push((format!("{sign} "), Style::default().fg(color).add_modifier(Modifier::BOLD)));
            }
            let ghost = change.is_some_and(|c| c.kind == diff::Kind::Struck);
            // Tag markers first, so they stay visible in a narrow pane.
            markers(app, index, &mut spans);
            if !c.label.is_empty() {
                spans.push((format!("{} ", clean(&c.label)), Style::default().add_modifier(Modifier::DIM)));
            } else if let Some(n) = preambular_number(&c.id) {
                // Delegates cite preambular paragraphs as PP3.
                spans.push((format!("PP{n} "), Style::default().add_modifier(Modifier::DIM)));
            }
            let phrase = c.phrase();
            if !phrase.is_empty() {
                spans.push((format!("{} ", clean(&phrase)), b));
            }
            // As many words as the pane can show (a word is rarely under
            // three columns), never the whole of a long clause.
            spans.push((clean(&leading_words(c, (width / 3).max(8))), Style::default()));
            if ghost {
                // A struck clause reads as struck: crossed out and dimmed.
                for (_, style) in spans.iter_mut().skip(1) {
                    *style = style.add_modifier(Modifier::CROSSED_OUT | Modifier::DIM);
                }
            }
        }
    }
    // Cut to the pane, by display width.
    let mut left = width;
    let mut out = Vec::new();
    for (text, style) in spans {
        if left == 0 {
            break;
        }
        let piece = truncate(&text, left);
        left = left.saturating_sub(unicode_width::UnicodeWidthStr::width(piece.as_str()));
        out.push(Span::styled(piece, style));
    }
    // Filtered: a matching row is marked at its left edge; the rows shown
    // only for context (its parents, its sub-clauses) are dimmed.
    let mut line_style = Style::default();
    if app.filter.is_some() {
        if app.hits.binary_search(&index).is_ok() {
            if let Some(first) = out.first_mut() {
                let rest: String = first.content.chars().skip(1).collect();
                let style = first.style;
                *first = Span::styled(rest, style);
                out.insert(0, Span::styled("▌", Style::default().fg(app.palette.highlight)));
            }
        } else {
            line_style = line_style.add_modifier(Modifier::DIM);
        }
    }
    let line = Line::from(out).style(line_style);
    if index == app.selected { line.style(line_style.add_modifier(Modifier::REVERSED)) } else { line }
}

/// The sign and colour of a change in the tree.
fn change_mark(kind: diff::Kind) -> (&'static str, Color) {
    match kind {
        diff::Kind::Added => ("+", Color::Green),
        diff::Kind::Struck => ("−", Color::Red),
        diff::Kind::Reworded => ("~", Color::Yellow),
        diff::Kind::Renumbered => ("#", Color::Cyan),
        diff::Kind::Moved => ("↕", Color::Cyan),
        diff::Kind::Split => ("<", Color::Magenta),
        diff::Kind::Merged => (">", Color::Magenta),
    }
}

/// `CODE:pre.3` → `3`: a preambular paragraph of the resolution itself.
fn preambular_number(id: &str) -> Option<&str> {
    let local = id.rsplit_once(':').map_or(id, |(_, l)| l);
    local.strip_prefix("pre.").filter(|n| !n.contains('.'))
}

/// A node's tags as coloured letters (readable without colour, for
/// colour-blind readers and on monochrome terminals), then ✎ if it has a
/// note.
fn markers(app: &App<'_>, index: usize, spans: &mut Vec<(String, Style)>) {
    let Some(a) = app.annotation(index) else { return };
    for t in ordered_tags(a, &app.tags) {
        let color = app.tags.iter().find(|d| d.name == t).map(|d| app.palette.tag(&d.color)).unwrap_or_default();
        let mark = t.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
        spans.push((mark, Style::default().fg(color).add_modifier(Modifier::BOLD)));
    }
    if !a.note.trim().is_empty() {
        spans.push(("✎".into(), Style::default().add_modifier(Modifier::BOLD)));
    }
    spans.push((" ".into(), Style::default()));
}
