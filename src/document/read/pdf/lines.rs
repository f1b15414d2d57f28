//! Glyphs → printed lines: sorted by baseline (top first) then x, grouped
//! by baseline, words separated where the gap between glyphs says so.
//! Raised small glyphs (footnote marks) are kept apart from the words.

use super::extract::Glyph;

/// One printed line of a page.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// Baseline, PDF points up from the page bottom.
    pub y: f32,
    /// Left and right ends of the ink.
    pub x0: f32,
    pub x1: f32,
    /// The size most of the line's characters are set in.
    pub size: f32,
    /// The words, without footnote marks.
    pub text: String,
    /// Footnote marks raised above the baseline, in reading order, with
    /// the byte offset in `text` where each stood (0: before any word).
    pub marks: Vec<(usize, String)>,
    /// Where the line has a wide gap (a tab stop or a second column),
    /// the byte offsets in `text` where each chunk after the first starts.
    pub breaks: Vec<usize>,
    /// x of each chunk start (first = x0).
    pub chunk_x: Vec<f32>,
    /// Byte ranges of `text` set in an italic font.
    pub italic: Vec<std::ops::Range<usize>>,
}

impl Line {
    /// The chunks of the line between wide gaps.
    pub fn chunks(&self) -> Vec<&str> {
        let mut out = Vec::with_capacity(self.breaks.len() + 1);
        let mut start = 0;
        for &b in &self.breaks {
            out.push(self.text.get(start..b).unwrap_or("").trim());
            start = b;
        }
        out.push(self.text.get(start..).unwrap_or("").trim());
        out
    }
}

/// A gap wider than this fraction of the size separates words.
const WORD_GAP: f32 = 0.15;
/// A gap wider than this many sizes separates chunks (tab stops, columns).
const CHUNK_GAP: f32 = 1.2;

/// The lines of one page, top to bottom.
pub fn assemble(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<Glyph>> = Vec::new();
    let mut last_y = f32::INFINITY;
    let mut group_size = 0.0f32;
    for g in glyphs {
        let tolerance = 0.5 * g.size.max(group_size).max(1.0);
        match groups.last_mut() {
            Some(group) if last_y - g.y <= tolerance => {
                group_size = group_size.max(g.size);
                group.push(g);
            }
            _ => {
                group_size = g.size;
                groups.push(vec![g]);
            }
        }
        last_y = groups.last().and_then(|gr| gr.last()).map_or(last_y, |g| g.y);
    }
    groups.into_iter().filter_map(line).collect()
}

fn line(mut glyphs: Vec<Glyph>) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let size = dominant_size(&glyphs)?;
    let baseline = glyphs.iter().filter(|g| (g.size - size).abs() < 0.5).map(|g| g.y).fold(f32::NAN, f32::min);
    let mut out = Line { y: baseline, size, x0: f32::INFINITY, x1: f32::NEG_INFINITY, ..Line::default() };
    let mut end = f32::NEG_INFINITY;
    let mut pending_space = false;
    let mut mark = String::new();
    for g in glyphs {
        if g.text.trim().is_empty() {
            pending_space = true;
            continue;
        }
        let raised = g.size < 0.8 * size && g.y > baseline + 0.15 * size;
        if raised {
            mark.push_str(&g.text);
            end = g.x + g.width;
            continue;
        }
        if !mark.is_empty() {
            out.marks.push((out.text.len(), std::mem::take(&mut mark)));
            // A mark stands for no text: the words around it keep their gap.
            pending_space = true;
        }
        let gap = g.x - end;
        if end > f32::NEG_INFINITY && gap > CHUNK_GAP * size {
            out.breaks.push(out.text.len());
            out.chunk_x.push(g.x);
            out.text.push(' ');
        } else if !out.text.is_empty() && (pending_space || gap > WORD_GAP * size) && !out.text.ends_with(' ') {
            out.text.push(' ');
        }
        if out.chunk_x.is_empty() {
            out.chunk_x.push(g.x);
        }
        pending_space = false;
        let start = out.text.len();
        out.text.push_str(&g.text);
        if g.italic {
            // Runs separated by one space are one phrase ("Deeply concerned").
            match out.italic.last_mut() {
                Some(r) if r.end == start || (r.end + 1 == start && out.text[r.end..start].trim().is_empty()) => {
                    r.end = out.text.len()
                }
                _ => out.italic.push(start..out.text.len()),
            }
        }
        out.x0 = out.x0.min(g.x);
        out.x1 = out.x1.max(g.x + g.width);
        end = g.x + g.width;
    }
    let trimmed = out.text.trim_end().len();
    out.text.truncate(trimmed);
    if !mark.is_empty() {
        out.marks.push((out.text.len(), mark));
    }
    (!out.text.is_empty() || !out.marks.is_empty()).then_some(out)
}

/// The size set for most characters of a line.
fn dominant_size(glyphs: &[Glyph]) -> Option<f32> {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for g in glyphs.iter().filter(|g| !g.text.trim().is_empty()) {
        match counts.iter_mut().find(|(s, _)| (s - g.size).abs() < 0.5) {
            Some((_, n)) => *n += 1,
            None => counts.push((g.size, 1)),
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.total_cmp(&b.0))).map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(x: f32, y: f32, size: f32, text: &str) -> Vec<Glyph> {
        let w = 0.5 * size;
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph { x: x + i as f32 * w, y, width: w, size, text: c.to_string().into(), italic: false })
            .collect()
    }

    #[test]
    fn lines_come_top_down_and_words_by_gaps() {
        let mut g = glyphs(100.0, 600.0, 10.0, "Second");
        g.extend(glyphs(100.0, 700.0, 10.0, "First"));
        g.extend(glyphs(130.0, 700.0, 10.0, "line"));
        let lines = assemble(g);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["First line", "Second"]);
    }

    #[test]
    fn raised_small_marks_stay_out_of_the_words() {
        let mut g = glyphs(100.0, 700.0, 10.0, "Persons,");
        g.extend(glyphs(140.0, 703.5, 5.5, "1"));
        g.extend(glyphs(146.0, 700.0, 10.0, "and"));
        let lines = assemble(g);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "Persons, and");
        assert_eq!(lines[0].marks, [(8, "1".to_string())]);
    }

    #[test]
    fn wide_gaps_split_chunks() {
        let mut g = glyphs(50.0, 700.0, 10.0, "United Nations");
        g.extend(glyphs(400.0, 700.0, 10.0, "A/RES/72/1"));
        let lines = assemble(g);
        assert_eq!(lines[0].chunks(), ["United Nations", "A/RES/72/1"]);
    }
}
