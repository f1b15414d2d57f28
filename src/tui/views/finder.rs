//! The finder in place of the tree: the prompt, then the results in view,
//! each with its breadcrumb and the matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthChar;

use crate::tui::app::App;
use crate::tui::finder::Row;
use crate::tui::layout::inner;
use crate::tui::text::{clean, truncate};

pub fn draw(app: &App<'_>, frame: &mut Frame<'_>, area: Rect) {
    let Some(f) = &app.finder else { return };
    let title = if f.filter { " Filter " } else { " Find " };
    frame.render_widget(Block::default().borders(Borders::ALL).title(title), area);
    let inside = inner(area);
    let width = usize::from(inside.width);
    let progress = if f.running { "  running…" } else { "" };
    let count = format!("  {}/{}{progress}", f.len(), f.total);
    let mut lines = vec![Line::from(vec![
        Span::styled("/ ", Style::default().fg(app.palette.accent).add_modifier(Modifier::BOLD)),
        Span::raw(truncate(&clean(&f.query), width.saturating_sub(count.len() + 3))),
        Span::styled("▏", Style::default().fg(app.palette.accent)),
        Span::styled(count, Style::default().add_modifier(Modifier::DIM)),
    ])];
    for (i, row) in f.rows.iter().enumerate() {
        let selected = f.offset + i == f.selected;
        lines.push(result_line(row, width, selected, app.palette.highlight));
    }
    frame.render_widget(Paragraph::new(lines), inside);
}

/// `breadcrumb  text…` with highlights, cut to `width` columns. The text
/// starts a little before the first match so the match is in view.
fn result_line(row: &Row, width: usize, selected: bool, highlight: Color) -> Line<'static> {
    let crumb = format!("{}  ", truncate(&clean(&row.breadcrumb), width / 2));
    let mut left = width.saturating_sub(unicode_width::UnicodeWidthStr::width(crumb.as_str()));
    let mut spans = vec![Span::styled(crumb, Style::default().add_modifier(Modifier::DIM))];
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
