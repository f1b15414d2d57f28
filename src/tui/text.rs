//! Text for the screen: visible control characters, expanded tabs, the
//! source's `*italics*`, and word wrapping by display width that never
//! splits a grapheme. Document text is untrusted; everything drawn from a
//! document goes through `clean`.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const TAB: &str = "    ";

/// Tabs become spaces; any control character left becomes a visible
/// replacement, so nothing from a file can drive the terminal. Characters
/// that unicode-width and terminals measure differently (text from PDFs
/// has them) are normalised first, or the screen keeps stale cells: see
/// `uneven_width`.
pub fn clean(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() || uneven_width(c)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str(TAB),
            '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if uneven_width(c) => {}
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Characters drawn with a width other than the one layout counts: the
/// line and paragraph separators (U+2028/9: a line break to some
/// terminals), the soft hyphen (one column to unicode-width, none to many
/// terminals), and zero-width joiners and spaces (a ZWJ emoji sequence is
/// one glyph to unicode-width, several to most terminals). Separators
/// become spaces; the rest are dropped, which changes no visible letter.
fn uneven_width(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// Styled pieces of one paragraph.
pub type Rich = Vec<(String, Style)>;

/// A paragraph with its `*italic*` spans styled and the leading `phrase`
/// in bold, markers removed.
pub fn emphasised(text: &str, phrase: &str, base: Style) -> Rich {
    let text = clean(text);
    let stars = text.matches('*').count();
    let mut out: Rich = Vec::new();
    let mut italic = false;
    let mut bold_left =
        if text.trim_start_matches(['*', '_']).starts_with(phrase) { phrase.chars().count() } else { 0 };
    let mut buf = String::new();
    let style_of = |italic: bool, bold: bool| {
        let mut s = base;
        if italic {
            s = s.add_modifier(Modifier::ITALIC);
        }
        if bold {
            s = s.add_modifier(Modifier::BOLD);
        }
        s
    };
    let mut current = style_of(false, bold_left > 0);
    for c in text.chars() {
        if c == '*' && stars.is_multiple_of(2) {
            italic = !italic;
            continue;
        }
        let style = style_of(italic, bold_left > 0);
        if style != current && !buf.is_empty() {
            out.push((std::mem::take(&mut buf), current));
        }
        current = style;
        buf.push(c);
        bold_left = bold_left.saturating_sub(1);
    }
    if !buf.is_empty() {
        out.push((buf, current));
    }
    out
}

/// Plain text in one style.
pub fn plain(text: &str, style: Style) -> Rich {
    vec![(clean(text), style)]
}

/// Word-wrap `rich` into lines of at most `width` columns, each prefixed
/// with `indent` spaces (continuation lines too). Very long words are cut
/// at grapheme boundaries.
pub fn wrap(rich: &Rich, width: u16, indent: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let indent = usize::from(indent).min(width.saturating_sub(1));
    let room = width.saturating_sub(indent).max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0usize;
    let pad = " ".repeat(indent);
    let flush = |line: &mut Vec<Span<'static>>, lines: &mut Vec<Line<'static>>| {
        let mut spans = vec![Span::raw(pad.clone())];
        spans.append(line);
        lines.push(Line::from(spans));
    };
    for (text, style) in rich {
        for word in text.split_word_bounds() {
            let w = word.width();
            if word.chars().all(char::is_whitespace) {
                if used > 0 && used < room {
                    push(&mut line, " ", *style);
                    used += 1;
                }
                continue;
            }
            if used + w > room && used > 0 {
                trim_trailing_space(&mut line);
                flush(&mut line, &mut lines);
                used = 0;
            }
            if w <= room {
                push(&mut line, word, *style);
                used += w;
                continue;
            }
            // A word wider than the pane: cut it by graphemes.
            for g in word.graphemes(true) {
                let gw = g.width();
                if used + gw > room && used > 0 {
                    flush(&mut line, &mut lines);
                    used = 0;
                }
                push(&mut line, g, *style);
                used += gw;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        trim_trailing_space(&mut line);
        flush(&mut line, &mut lines);
    }
    lines
}

fn push(line: &mut Vec<Span<'static>>, text: &str, style: Style) {
    if let Some(last) = line.last_mut()
        && last.style == style
    {
        last.content.to_mut().push_str(text);
        return;
    }
    line.push(Span::styled(text.to_string(), style));
}

fn trim_trailing_space(line: &mut [Span<'static>]) {
    if let Some(last) = line.last_mut()
        && last.content.ends_with(' ')
    {
        let trimmed = last.content.trim_end().to_string();
        last.content = trimmed.into();
    }
}

/// Cut `text` to at most `width` columns, ending in `…` if it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn wraps_by_width_with_wide_characters() {
        let lines = wrap(&plain("日本語 text that wraps", Style::default()), 10, 0);
        assert_eq!(text_of(&lines), ["日本語", "text that", "wraps"]);
        for l in &lines {
            assert!(l.width() <= 10);
        }
    }

    #[test]
    fn a_long_line_wraps_quickly_and_completely() {
        let long = "x".repeat(100_000);
        let lines = wrap(&plain(&long, Style::default()), 80, 2);
        assert_eq!(lines.len(), 100_000usize.div_ceil(78));
    }

    #[test]
    fn italics_and_phrase() {
        let rich = emphasised("*Encourages* Member *States*", "Encourages", Style::default());
        assert_eq!(rich[0].0, "Encourages");
        assert!(rich[0].1.add_modifier.contains(Modifier::BOLD | Modifier::ITALIC));
        assert_eq!(rich.last().map(|r| r.0.as_str()), Some("States"));
    }

    #[test]
    fn controls_become_visible() {
        assert_eq!(clean("a\tb\u{7}c\u{85}"), "a    b\u{2407}c\u{fffd}");
    }

    #[test]
    fn characters_measured_unevenly_are_normalised() {
        let s = clean("co\u{ad}operation\u{2028}next\u{2029}para 👩\u{200d}💻 a\u{200b}b");
        assert_eq!(s, "cooperation next para 👩💻 ab");
        // What layout counts is what a terminal draws: one column per
        // character here, two per emoji.
        let expected: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        assert_eq!(UnicodeWidthStr::width(s.as_str()), expected);
    }
}
