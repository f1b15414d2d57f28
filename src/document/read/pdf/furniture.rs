//! Page furniture and footnotes, told apart from the text by where they
//! sit and how large they are: running headers above the text (symbol and
//! title, smaller than the body), job numbers, barcodes and page numbers
//! below it, footnotes set smaller than the body at the foot of a page.
//! A line that repeats at the same height on other pages is furniture too.

use std::collections::HashMap;

use super::lines::Line;

/// One page split into its parts.
#[derive(Debug, Default)]
pub struct Parts {
    pub body: Vec<Line>,
    pub footnotes: Vec<Line>,
    pub furniture: Vec<Line>,
}

/// Top and bottom bands (fractions of the page height) where furniture
/// sits; the body never reaches into them on a UN page.
const TOP_BAND: f32 = 0.9;
const BOTTOM_BAND: f32 = 0.09;

/// The size most of the document's text is set in.
pub fn body_size(pages: &[(f32, Vec<Line>)]) -> f32 {
    let mut weight: Vec<(f32, usize)> = Vec::new();
    for line in pages.iter().flat_map(|(_, lines)| lines) {
        match weight.iter_mut().find(|(s, _)| (s - line.size).abs() < 0.3) {
            Some((_, n)) => *n += line.text.len(),
            None => weight.push((line.size, line.text.len())),
        }
    }
    weight.into_iter().max_by_key(|&(_, n)| n).map_or(10.0, |(s, _)| s)
}

/// Split every page into body, footnotes and furniture.
pub fn split(pages: Vec<(f32, Vec<Line>)>, body: f32) -> Vec<Parts> {
    let repeats = repeated_lines(&pages);
    pages
        .into_iter()
        .enumerate()
        .map(|(index, (height, lines))| {
            let mut parts = Parts::default();
            for line in lines {
                if is_furniture(&line, index, height, body, &repeats) {
                    parts.furniture.push(line);
                } else {
                    parts.body.push(line);
                }
            }
            // Footnotes: the smaller lines under the last body-size line.
            let last_body = parts.body.iter().rposition(|l| l.size >= 0.93 * body);
            let first_note = match last_body {
                Some(i) => i + 1,
                None => parts.body.len(),
            };
            let notes = parts.body.split_off(first_note.min(parts.body.len()));
            parts.footnotes = notes.into_iter().filter(|l| l.size < 0.93 * body).collect();
            parts
        })
        .collect()
}

fn is_furniture(line: &Line, page: usize, height: f32, body: f32, repeats: &HashMap<String, usize>) -> bool {
    let top = line.y > TOP_BAND * height;
    let bottom = line.y < BOTTOM_BAND * height;
    if !(top || bottom) {
        return false;
    }
    // The first page's top is its masthead (symbol, organ, date): the
    // parser reads it as the resolution's header.
    if top && page == 0 {
        return false;
    }
    bottom
        || line.size < 0.95 * body
        || line.chunks().iter().any(|c| crate::document::parse::layout::is_furniture(c, 2))
        || repeats.get(&shape(&line.text)).is_some_and(|&n| n >= 2)
}

/// Lines in the top and bottom bands by their shape (digits blurred, so
/// `2/6` and `3/6` match), counted over pages.
fn repeated_lines(pages: &[(f32, Vec<Line>)]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for (height, lines) in pages {
        let mut seen = std::collections::HashSet::new();
        for line in lines.iter().filter(|l| l.y > TOP_BAND * height || l.y < BOTTOM_BAND * height) {
            if seen.insert(shape(&line.text)) {
                *counts.entry(shape(&line.text)).or_insert(0) += 1;
            }
        }
    }
    counts
}

fn shape(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, size: f32, text: &str) -> Line {
        Line { y, x0: 60.0, x1: 500.0, size, text: text.to_string(), ..Line::default() }
    }

    fn page(lines: Vec<Line>) -> (f32, Vec<Line>) {
        (792.0, lines)
    }

    #[test]
    fn headers_footers_and_footnotes_are_told_apart_from_the_body() {
        let pages = vec![
            page(vec![
                line(738.0, 14.0, "United Nations A/RES/72/13"),
                line(600.0, 10.0, "Recalling its resolution,"),
                line(120.0, 8.5, "Official Records."),
                line(47.0, 10.0, "17-21318 (E) 081217"),
                line(33.0, 12.0, "*1721318*"),
            ]),
            page(vec![
                line(737.0, 8.5, "A/RES/72/13 The title"),
                line(700.0, 10.0, "1. Decides;"),
                line(36.0, 7.0, "2/2 17-21318"),
            ]),
        ];
        let body = body_size(&pages);
        assert_eq!(body, 10.0);
        let parts = split(pages, body);
        let texts = |ls: &[Line]| ls.iter().map(|l| l.text.clone()).collect::<Vec<_>>();
        // The first page's masthead is kept for the parser.
        assert_eq!(texts(&parts[0].body), ["United Nations A/RES/72/13", "Recalling its resolution,"]);
        assert_eq!(texts(&parts[0].footnotes), ["Official Records."]);
        assert_eq!(texts(&parts[0].furniture), ["17-21318 (E) 081217", "*1721318*"]);
        assert_eq!(texts(&parts[1].body), ["1. Decides;"]);
        assert_eq!(texts(&parts[1].furniture), ["A/RES/72/13 The title", "2/2 17-21318"]);
    }
}
