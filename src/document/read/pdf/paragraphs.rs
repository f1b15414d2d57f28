//! Body lines → paragraphs, written out in the layout the text parser
//! reads: one paragraph a line with its printed label at the start, a
//! blank line between paragraphs, all footnotes under one rule at the end
//! (the parser takes a footnote block inside the text for a page break,
//! across which a paragraph continues). A new paragraph starts after a larger
//! line gap, at a change of size, or on a new page where the previous line
//! ended short or the new one is indented.

use super::furniture::Parts;
use super::lines::Line;
use crate::document::parse::is_formula;

/// Layout measures of the document's body text.
struct Measure {
    body: f32,
    /// Usual distance between baselines inside a paragraph.
    leading: f32,
    /// Where continuation lines start and full lines end.
    left: f32,
    right: f32,
}

/// The text for the parser.
pub fn compose(pages: &[Parts], body: f32) -> String {
    let m = measure(pages, body);
    let mut out = String::new();
    let mut para = Para::default();
    let mut notes: Vec<String> = Vec::new();
    let masthead_end = masthead_end(pages, body);
    for (index, page) in pages.iter().enumerate() {
        let mut prev: Option<&Line> = None;
        for (i, line) in page.body.iter().enumerate() {
            let front = index == 0 && masthead_end.is_some_and(|end| i <= end);
            let starts = match (prev, para.last.as_ref()) {
                (Some(p), _) => starts_on_page(p, line, &m),
                (None, Some(last)) => starts_on_new_page(last, line, &m),
                (None, None) => true,
            };
            if starts {
                para.flush(&mut out);
            }
            // The masthead keeps its lines: the parser reads its fields
            // line by line ("Seventy-second session" / "Agenda item 38").
            para.push(line, front);
            prev = Some(line);
        }
        notes.extend(footnotes(&page.footnotes));
    }
    para.flush(&mut out);
    if !notes.is_empty() {
        write_notes(&mut out, &mut notes);
    }
    out
}

#[derive(Default)]
struct Para {
    text: String,
    last: Option<Line>,
}

impl Para {
    fn push(&mut self, line: &Line, keep_lines: bool) {
        let text = line.text.trim();
        if self.text.is_empty() {
            match heading_label(line) {
                // A section number set off by a tab ("I⇥Calendar of
                // conferences"): the label, then its title, as the parser
                // reads a heading.
                Some((label, title)) => {
                    self.text.push_str(label);
                    self.text.push_str("\n\n");
                    self.text.push_str(title);
                }
                None => self.text.push_str(&with_emphasis(line)),
            }
        } else if keep_lines {
            self.text.push('\n');
            self.text.push_str(text);
        } else if is_lone_label(&self.text) {
            // "II" over "Utilization of…": the label alone, then its title,
            // as the Word reader writes a heading and the parser reads one
            // (joined, "III. Leveraging technology…" after a paragraph reads
            // as an item of it).
            let label = self.text.trim_end_matches('.').to_string();
            self.text = format!("{label}\n\n{text}");
        } else if let Some(stem) = self.text.strip_suffix('\u{ad}') {
            // A soft hyphen marks a word broken by hyphenation.
            self.text.truncate(stem.len());
            self.text.push_str(text);
        } else if self.text.ends_with('-') && !self.text.ends_with(" -") {
            // A hyphen at a line end belongs to the word ("two-" "State").
            self.text.push_str(text);
        } else {
            self.text.push(' ');
            self.text.push_str(text);
        }
        self.last = Some(line.clone());
    }

    fn flush(&mut self, out: &mut String) {
        if self.text.is_empty() {
            return;
        }
        out.push_str(&self.text);
        out.push_str("\n\n");
        self.text.clear();
    }
}

/// The line with its leading italic phrase marked as the text parser
/// reads emphasis (`*Recalling*`, `1. *Decides*`): the phrase at the start,
/// or right after a printed label, when plain text follows it.
fn with_emphasis(line: &Line) -> String {
    let text = line.text.as_str();
    let after_label = line.breaks.first().copied().filter(|&b| text.get(..b).is_some_and(|l| l.trim().len() <= 6));
    let phrase_start = |at: usize| text.get(at..).map_or(at, |rest| at + (rest.len() - rest.trim_start().len()));
    let starts = [Some(0), after_label.map(phrase_start)];
    let Some(range) = line.italic.first().filter(|r| starts.contains(&Some(r.start))) else {
        return text.trim().to_string();
    };
    let (Some(head), Some(phrase), Some(rest)) =
        (text.get(..range.start), text.get(range.clone()), text.get(range.end..))
    else {
        return text.trim().to_string();
    };
    let phrase = phrase.trim();
    // "*The General Assembly*," is a formula, not a phrase before text.
    if !rest.chars().any(char::is_alphanumeric) || phrase.is_empty() || phrase.contains('*') {
        return text.trim().to_string();
    }
    format!("{}*{phrase}*{rest}", head).trim().to_string()
}

/// A section number on its own line ("II" over its title).
fn is_lone_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    let roman = !t.is_empty() && t.len() <= 5 && t.bytes().all(|b| b"IVXLC".contains(&b));
    roman || t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase())
}

/// A first chunk that is a roman numeral or a capital letter alone,
/// followed by a title after a tab stop.
fn heading_label(line: &Line) -> Option<(&str, &str)> {
    let first = *line.breaks.first()?;
    let label = line.text.get(..first)?.trim();
    let title = line.text.get(first..)?.trim();
    let roman = !label.is_empty() && label.len() <= 5 && label.bytes().all(|b| b"IVXLC".contains(&b));
    let letter = label.len() == 1 && label.bytes().all(|b| b.is_ascii_uppercase());
    ((roman || letter) && !title.is_empty()).then_some((label, title))
}

fn write_notes(out: &mut String, notes: &mut Vec<String>) {
    out.push_str("_______________\n");
    for note in notes.drain(..) {
        out.push_str(&note);
        out.push('\n');
    }
    out.push('\n');
}

/// Footnotes of a page, one a line, each opening with its mark.
fn footnotes(lines: &[Line]) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for line in lines {
        let lead = line.marks.first().filter(|(at, _)| *at == 0).map(|(_, m)| m.as_str());
        match (lead, notes.last_mut()) {
            (Some(mark), _) => notes.push(format!("{mark} {}", line.text.trim())),
            (None, Some(last)) => {
                last.push(' ');
                last.push_str(line.text.trim());
            }
            // A footnote running over from the page before, or a note
            // without a mark: kept as a footnote all the same.
            (None, None) => notes.push(format!("* {}", line.text.trim())),
        }
    }
    notes
}

fn starts_on_page(prev: &Line, line: &Line, m: &Measure) -> bool {
    let gap = prev.y - line.y;
    (line.size - prev.size).abs() > 0.5
        || gap > 1.3 * m.leading
        || gap < 0.0
        || ends_short(prev, m) && indented(line, m)
}

fn starts_on_new_page(last: &Line, line: &Line, m: &Measure) -> bool {
    !is_lone_label(&last.text) && ((line.size - last.size).abs() > 0.5 || ends_short(last, m) || indented(line, m))
}

fn ends_short(line: &Line, m: &Measure) -> bool {
    line.x1 < m.right - 2.0 * m.body
}

fn indented(line: &Line, m: &Measure) -> bool {
    line.x0 > m.left + 0.5 * m.body
}

/// The last masthead line of the first page: the last line set larger than
/// the body (the resolution's title) before the first body paragraph.
fn masthead_end(pages: &[Parts], body: f32) -> Option<usize> {
    let first = pages.first()?;
    // The masthead ends before the enacting formula: a heading set large
    // after it ("Political declaration on …") is body, not masthead.
    let formula = first.body.iter().position(|l| is_formula(l.text.trim())).unwrap_or(first.body.len());
    first.body[..formula].iter().rposition(|l| l.size > 1.1 * body)
}

fn measure(pages: &[Parts], body: f32) -> Measure {
    let lines = || pages.iter().flat_map(|p| &p.body).filter(|l| (l.size - body).abs() < 0.5);
    let mut gaps: Vec<i32> = Vec::new();
    for page in pages {
        for w in page.body.windows(2) {
            if (w[0].size - body).abs() < 0.5 && (w[1].size - body).abs() < 0.5 {
                gaps.push(((w[0].y - w[1].y) * 2.0).round() as i32);
            }
        }
    }
    let leading = mode(&gaps).map_or(1.2 * body, |g| g as f32 / 2.0);
    let lefts: Vec<i32> = lines().map(|l| l.x0.round() as i32).collect();
    let rights: Vec<i32> = lines().map(|l| l.x1.round() as i32).collect();
    let left = mode(&lefts).map_or(0.0, |x| x as f32);
    let right = rights.iter().copied().filter(|&r| r as f32 > left).max().map_or(f32::INFINITY, |_| {
        // The usual right edge: the most common line end among the long lines.
        mode(&rights).map_or(0.0, |x| x as f32)
    });
    Measure { body, leading, left, right }
}

fn mode(values: &[i32]) -> Option<i32> {
    let mut counts = std::collections::HashMap::new();
    for &v in values {
        *counts.entry(v).or_insert(0usize) += 1;
    }
    counts.into_iter().max_by_key(|&(v, n)| (n, std::cmp::Reverse(v))).map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body line: full width unless `end` says otherwise.
    fn line(y: f32, x0: f32, end: f32, text: &str) -> Line {
        Line { y, x0, x1: end, size: 10.0, text: text.to_string(), ..Line::default() }
    }

    fn page(body: Vec<Line>) -> Parts {
        Parts { body, ..Parts::default() }
    }

    #[test]
    fn a_larger_gap_or_an_indent_after_a_short_line_starts_a_paragraph() {
        let p = page(vec![
            line(700.0, 147.0, 488.0, "Recalling its resolution 1 and"),
            line(688.0, 123.0, 300.0, "all later ones,"),
            line(670.0, 147.0, 488.0, "1. Decides to act, and to"),
            line(658.0, 123.0, 488.0, "report on it, including on"),
            line(646.0, 123.0, 488.0, "the means;"),
        ]);
        let text = compose(&[p], 10.0);
        assert_eq!(
            text,
            "Recalling its resolution 1 and all later ones,\n\n1. Decides to act, and to report on it, including on the means;\n\n"
        );
    }

    #[test]
    fn a_paragraph_runs_over_a_page_unless_the_page_ended_it() {
        let one = page(vec![line(700.0, 147.0, 488.0, "1. Decides to act and to"), line(688.0, 123.0, 488.0, "long-")]);
        let two = page(vec![
            line(700.0, 123.0, 200.0, "standing means;"),
            line(682.0, 147.0, 250.0, "2. Requests a report."),
        ]);
        let three = page(vec![line(700.0, 147.0, 488.0, "3. Decides to remain seized.")]);
        let text = compose(&[one, two, three], 10.0);
        assert_eq!(
            text,
            "1. Decides to act and to long-standing means;\n\n2. Requests a report.\n\n3. Decides to remain seized.\n\n"
        );
    }

    #[test]
    fn a_section_number_over_its_title_is_written_as_a_heading() {
        let p = page(vec![
            line(700.0, 123.0, 127.0, "II"),
            line(688.0, 123.0, 300.0, "Utilization of resources"),
            line(670.0, 147.0, 488.0, "11. Reaffirms the practice;"),
        ]);
        assert_eq!(compose(&[p], 10.0), "II\n\nUtilization of resources\n\n11. Reaffirms the practice;\n\n");
    }

    #[test]
    fn footnotes_go_under_one_rule_at_the_end_with_their_marks() {
        let mut note = line(100.0, 147.0, 300.0, "A/72/35.");
        note.size = 8.5;
        note.marks = vec![(0, "1".to_string())];
        let mut more = line(90.0, 123.0, 200.0, "(second line)");
        more.size = 8.5;
        let mut p = page(vec![
            line(700.0, 147.0, 488.0, "Recalling the report of the"),
            line(688.0, 123.0, 300.0, "Secretary-General,"),
        ]);
        p.footnotes = vec![note, more];
        let two = page(vec![line(700.0, 147.0, 488.0, "1. Decides.")]);
        assert_eq!(
            compose(&[p, two], 10.0),
            "Recalling the report of the Secretary-General,\n\n1. Decides.\n\n_______________\n1 A/72/35. (second line)\n\n"
        );
    }

    #[test]
    fn a_leading_italic_phrase_is_marked_after_a_label_too() {
        let mut pre = line(700.0, 147.0, 488.0, "Deeply concerned about it,");
        pre.italic.push(0..16);
        assert_eq!(with_emphasis(&pre), "*Deeply concerned* about it,");
        let mut op = line(700.0, 147.0, 488.0, "1. Decides to act;");
        op.breaks = vec![2];
        op.italic.push(3..10);
        assert_eq!(with_emphasis(&op), "1. *Decides* to act;");
        let mut formula = line(700.0, 147.0, 488.0, "The General Assembly,");
        formula.italic.push(0..20);
        assert_eq!(with_emphasis(&formula), "The General Assembly,");
    }
}
