//! The front matter of a conference's documentation: title block, staff,
//! agenda, the table of adopted resolutions and the summary report.

use super::label::split_label;
use super::segment::Block;
use super::vote::parse_vote;
use crate::document::model::{AdoptedRow, FrontMatter, SourceLine};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Title,
    Staff,
    Agenda,
    Table,
    Summary,
}

/// A front-matter heading, if `text` is one.
pub fn heading(text: &str) -> Option<Section> {
    let t = text.trim().trim_end_matches(':').to_lowercase();
    let section = match t.as_str() {
        "agenda" | "provisional agenda" | "adopted agenda" => Section::Agenda,
        "committee staff" | "staff" | "dais" | "secretariat" => Section::Staff,
        "summary report" | "summary" => Section::Summary,
        t if t.starts_with("resolutions adopted") || t.starts_with("reports adopted") || t == "adopted resolutions" => {
            Section::Table
        }
        _ => return None,
    };
    Some(section)
}

/// Add one block to the front matter under `section`.
pub fn add(front: &mut FrontMatter, section: Section, block: &Block<'_>) {
    front.lines.extend(block.parts.iter().map(|p| p.0));
    let label = block.label.as_ref().map(|l| l.printed);
    match section {
        Section::Title => push_lines(&mut front.title_block, block, label),
        Section::Staff => push_lines(&mut front.staff, block, label),
        Section::Agenda => {
            // Agenda items are often one per line with no blank between.
            for (i, (_, text)) in block.parts.iter().enumerate() {
                let item = if i == 0 { Some(*text) } else { split_label(text).map(|(_, rest)| rest) };
                match (item, front.agenda.last_mut()) {
                    (Some(item), _) => front.agenda.push(item.to_string()),
                    (None, Some(last)) => {
                        last.push(' ');
                        last.push_str(text);
                    }
                    (None, None) => front.agenda.push(text.to_string()),
                }
            }
        }
        Section::Summary => front.summary.push(match label {
            Some(l) => format!("{l}. {}", block.joined()),
            None => block.joined(),
        }),
        Section::Table => {
            for (i, (_, text)) in block.parts.iter().enumerate() {
                let text = if i == 0 { first_line(block, text) } else { text.to_string() };
                match front.adopted.last_mut() {
                    Some(row) if !opens_row(&text) => continue_row(row, &text),
                    _ => front.adopted.extend(table_row(&text)),
                }
            }
        }
    }
}

fn first_line(block: &Block<'_>, text: &str) -> String {
    match &block.label {
        Some(l) => format!("{}. {text}", l.printed),
        None => text.to_string(),
    }
}

fn push_lines(out: &mut Vec<SourceLine>, block: &Block<'_>, label: Option<&str>) {
    for (i, (line, text)) in block.parts.iter().enumerate() {
        let text = match (i, label) {
            (0, Some(l)) => format!("{l} {text}"),
            _ => text.to_string(),
        };
        out.push(SourceLine { line: *line, text });
    }
}

/// `CCPCJ/1/3<TAB>Topic<TAB>21 in favor, 9 against, 11 abstentions`, or
/// the same with runs of spaces; the column header row is skipped.
fn table_row(text: &str) -> Option<AdoptedRow> {
    let cells: Vec<&str> = if text.contains('\t') {
        text.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect()
    } else {
        text.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()
    };
    if cells.first().is_some_and(|c| c.eq_ignore_ascii_case("code")) {
        return None;
    }
    let (code, topic, vote_text) = match cells.as_slice() {
        [code, topic, vote, ..] => (code.to_string(), topic.to_string(), vote.to_string()),
        [code, rest] => (code.to_string(), rest.to_string(), String::new()),
        _ => {
            let (code, rest) = text.trim().split_once(' ')?;
            (code.to_string(), rest.to_string(), String::new())
        }
    };
    let vote = parse_vote(if vote_text.is_empty() { &topic } else { &vote_text });
    Some(AdoptedRow { code, topic, vote_text, vote })
}

/// A row opens with its resolution's code (`CCPCJ/1/3`, `GA1/1/2`,
/// `A/RES/80/1`) or is the column header; any other line of the table is
/// a row wrapped onto the next line.
fn opens_row(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.eq_ignore_ascii_case("code")
        || (first.len() <= 30 && first.contains('/') && first.bytes().any(|b| b.is_ascii_digit()))
}

/// A row's topic and vote wrapped onto the next line, as a table of two
/// narrow columns prints them: `Weapons      8 abstentions`, or the vote
/// alone (`51 in favor, 3 against, 11 abstentions`) under a long topic.
/// Each cell goes on with the column it reads as; the vote is read again
/// from the whole cell.
fn continue_row(row: &mut AdoptedRow, text: &str) {
    let cells: Vec<&str> = if text.contains('\t') {
        text.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect()
    } else {
        text.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect()
    };
    for cell in cells {
        let column = if is_vote_cell(cell) { &mut row.vote_text } else { &mut row.topic };
        if !column.is_empty() {
            column.push(' ');
        }
        column.push_str(cell);
    }
    if !row.vote_text.is_empty() {
        row.vote = parse_vote(&row.vote_text);
    }
}

/// A vote or a piece of one: `Adopted without a vote`, `8 abstentions`,
/// `45 in favor, 12 against,`, `28-4-9`.
fn is_vote_cell(cell: &str) -> bool {
    let lower = cell.to_lowercase();
    ["favor", "favour", "against", "abstention", "adopted", "vote", "consensus", "acclamation"]
        .iter()
        .any(|w| lower.contains(w))
        || (cell.bytes().any(|b| b.is_ascii_digit())
            && cell.bytes().all(|b| b.is_ascii_digit() || b" -/".contains(&b) || b >= 0x80))
}

/// Fill body, conference, dates from the title block.
pub fn describe(front: &mut FrontMatter) {
    for l in &front.title_block {
        let t = l.text.trim_end_matches('*').trim();
        let lower = t.to_lowercase();
        if front.conference.is_none() && lower.starts_with("conference") {
            front.conference = Some(t.to_string());
        } else if front.dates.is_none() && looks_like_date(t) {
            front.dates = Some(t.to_string());
        } else if front.body.is_none()
            && (t.ends_with(')')
                || lower.starts_with("the ")
                || lower.contains("commission")
                || lower.contains("council")
                || lower.contains("assembly")
                || lower.contains("committee"))
            && !lower.starts_with("documentation")
            && t.len() < 150
        {
            front.body = Some(t.to_string());
        }
    }
}

/// "January", "january" (asked of single words).
pub fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "6 - 10 April 2025", "4 December 2002".
pub fn looks_like_date(t: &str) -> bool {
    // At most eight short words: a long line is never a date, and this is
    // asked of many lines.
    if t.len() > 80 || t.bytes().filter(u8::is_ascii_digit).count() < 4 {
        return false;
    }
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.len() <= 8
        && words.iter().any(|w| MONTHS.contains(&w.trim_matches(',')))
        && words.iter().any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
}
