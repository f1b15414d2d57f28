//! The finder in place of the tree: the prompt (with its cursor), what a
//! citation found, then the results in view, each with its breadcrumb and
//! the matched words highlighted. A cited clause is marked `=`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Finder, Row};
use crate::tui::app::App;
use crate::tui::layout::inner;
use crate::tui::text::{clean, truncate};

impl Finder {
    /// In the tree pane's place.
    pub fn draw(&self, app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
        draw(self, app, frame, area);
    }
}

fn draw(f: &Finder, app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let title = if f.filter { " Filter " } else { " Find " };
    frame.render_widget(Block::default().borders(Borders::ALL).title(title), area);
    let inside = inner(area);
    let width = usize::from(inside.width);
    let accent = Style::default().fg(app.palette.accent).add_modifier(Modifier::BOLD);
    let progress = if f.running && !f.citation { "  running…" } else { "" };
    let count = if f.citation {
        format!("  citation: {}", f.pinned.len())
    } else {
        format!("  {}/{}{progress}", f.len(), f.total)
    };
    let mut prompt = vec![Span::styled("/ ", accent)];
    let room = width.saturating_sub(count.width() + 3);
    if f.replace && !f.query.is_empty() {
        // Selected after an action: the next character typed replaces it.
        let selected = Style::default().add_modifier(Modifier::REVERSED | Modifier::DIM);
        prompt.push(Span::styled(truncate(&clean(&f.query), room), selected));
    } else {
        prompt.extend(query_spans(&f.query, f.cursor, room, accent));
    }
    prompt.push(Span::styled(count, Style::default().add_modifier(Modifier::DIM)));
    let mut lines = vec![Line::from(prompt)];
    let status = match (&f.note, f.citation, f.query.trim().is_empty(), f.len(), f.running) {
        (Some(note), ..) => Line::styled(truncate(&clean(note), width), accent),
        (None, true, ..) => {
            Line::styled("= the clause this citation names", Style::default().add_modifier(Modifier::DIM))
        }
        (None, false, false, 0, false) => {
            Line::styled("no clause matches", Style::default().add_modifier(Modifier::DIM))
        }
        _ => Line::default(),
    };
    lines.push(status);
    for (i, row) in f.rows.iter().enumerate() {
        let selected = f.offset + i == f.selected;
        lines.push(result_line(row, width, selected, app.palette.highlight, app.palette.accent));
    }
    frame.render_widget(Paragraph::new(lines), inside);
}

/// The query with the cursor shown where it is (a reversed cell), cut from
/// the left when it is wider than `room`.
fn query_spans(query: &str, cursor: usize, room: usize, accent: Style) -> Vec<Span<'static>> {
    let query = clean(query);
    let chars: Vec<char> = query.chars().collect();
    let cursor = cursor.min(chars.len());
    let before: String = chars[..cursor].iter().collect();
    let at: String = chars.get(cursor).map_or(" ".to_string(), |c| c.to_string());
    let after: String = chars.get(cursor + 1..).map_or(String::new(), |r| r.iter().collect());
    let mut before = before;
    while before.width() + 1 > room && !before.is_empty() {
        before.remove(0);
    }
    let left = room.saturating_sub(before.width() + at.width());
    vec![
        Span::raw(before),
        Span::styled(at, accent.add_modifier(Modifier::REVERSED)),
        Span::raw(truncate(&after, left)),
    ]
}

/// A breadcrumb cut to `width` from the left, so the clause's own label
/// (its end) always shows: `…› Operative 4 › a › ii`.
fn crumb(text: &str, width: usize) -> String {
    let text = clean(text);
    if text.width() <= width {
        return text;
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 1;
    for g in text.graphemes(true).rev() {
        if used + g.width() > width {
            break;
        }
        used += g.width();
        kept.push(g);
    }
    kept.reverse();
    format!("…{}", kept.concat())
}

/// `breadcrumb  text…` with highlights, cut to `width` columns. The text
/// starts a little before the first match so the match is in view.
fn result_line(row: &Row, width: usize, selected: bool, highlight: Color, accent: Color) -> Line<'static> {
    let mark = if row.citation { "= " } else { "" };
    let crumb = format!("{}  ", crumb(&row.breadcrumb, (width / 2).max(12)));
    let mut left = width.saturating_sub(crumb.width() + mark.width());
    let crumb_style = if row.citation {
        Style::default().fg(accent).add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::DIM)
    };
    let mut spans = vec![Span::styled(mark, Style::default().fg(accent).add_modifier(Modifier::BOLD))];
    spans.push(Span::styled(crumb, crumb_style));
    let first = row.highlights.first().copied().unwrap_or(0);
    let start = first.saturating_sub(12);
    let mut marks = row.highlights.iter().peekable();
    let hl = Style::default().fg(highlight).add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut buf = String::new();
    let mut buf_hl = false;
    if start > 0 {
        buf.push('…');
        left = left.saturating_sub(1);
    }
    for (i, c) in row.haystack.chars().enumerate().skip(start) {
        while marks.next_if(|&&m| m < i).is_some() {}
        let is_hl = marks.peek().is_some_and(|&&m| m == i);
        let c = if c.is_control() { ' ' } else { c };
        let w = c.width().unwrap_or(0);
        if w > left {
            break;
        }
        left -= w;
        if is_hl != buf_hl && !buf.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut buf), if buf_hl { hl } else { Style::default() }));
        }
        buf_hl = is_hl;
        buf.push(c);
    }
    if !buf.is_empty() {
        spans.push(Span::styled(buf, if buf_hl { hl } else { Style::default() }));
    }
    let line = Line::from(spans);
    if selected { line.style(Style::default().add_modifier(Modifier::REVERSED)) } else { line }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_breadcrumb_keeps_its_end() {
        let c = crumb("CCPCJ/1/4 › Annex 1 › Operative 17 › d › ii", 20);
        assert!(c.ends_with("17 › d › ii"), "{c}");
        assert!(c.starts_with('…') && c.width() <= 20);
    }
}
