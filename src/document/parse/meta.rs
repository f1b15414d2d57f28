//! A resolution's header lines → its metadata (`Resolution::meta`): the
//! numbered title, the adopting organ and date, the meeting, the agenda
//! item and the originating committee. The lines themselves stay in
//! `Resolution::header`, so nothing is dropped.

use super::front::looks_like_date;
use crate::document::model::{Resolution, SourceLine};

const ORGANS: &[&str] = &[
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Human Rights Council",
    "Trusteeship Council",
];

/// Fill what is still empty in `res.meta` from its header lines and, for
/// the first resolution of a file, the title block before it.
pub fn fill(res: &mut Resolution, front: &[SourceLine]) {
    let header = std::mem::take(&mut res.header);
    for line in header.iter().chain(front) {
        read_line(res, &line.text);
    }
    res.header = header;
}

fn read_line(res: &mut Resolution, text: &str) {
    let meta = &mut res.meta;
    let text = text.trim();
    // A PDF's cover lines often arrive as one block ("Seventy-seventh
    // session Agenda item 34 … Resolution adopted by …"): each piece is
    // looked for where it stands in the line.
    let lower = text.to_ascii_lowercase();
    // "Resolution adopted by the General Assembly on 10 November 2022",
    // "Adopted by the Security Council at its 8950th meeting, on 3 April 1991".
    if let Some(at) = lower.find("adopted by") {
        let rest = &text[at..];
        if meta.organ.is_none() {
            meta.organ = ORGANS.iter().find(|o| rest.contains(**o)).map(|o| o.to_string());
        }
        if meta.date.is_none()
            && let Some(on) = rest.to_ascii_lowercase().find(" on ")
        {
            let date: String = rest[on + 4..].split_whitespace().take(3).collect::<Vec<_>>().join(" ");
            let date = date.trim_end_matches(['.', ')', ',']).to_string();
            if looks_like_date(&date) {
                meta.date = Some(date);
            }
        }
        if meta.meeting.is_none() {
            meta.meeting = meeting_in(rest);
        }
    }
    if meta.agenda_item.is_none()
        && let Some(at) = lower.find("agenda item")
    {
        // "Agenda item 73 (b)": the words, the number and a sub-item.
        let words: Vec<&str> = text[at..].split_whitespace().take(4).collect();
        let n =
            if words.get(3).is_some_and(|w| w.starts_with('(') && w.ends_with(')') && w.len() <= 5) { 4 } else { 3 };
        meta.agenda_item = Some(words[..n.min(words.len())].join(" "));
    }
    if meta.origin.is_none() {
        let open = text.find("[on the report").or_else(|| text.find("[without reference"));
        if let Some(open) = open
            && let Some(close) = text[open..].find(']')
        {
            meta.origin = Some(text[open..=open + close].to_string());
        }
    }
    if meta.meeting.is_none()
        && let Some(at) = lower.find("plenary meeting")
        && at < 20
    {
        // "40th plenary meeting" (a date may follow on the same block).
        meta.meeting = Some(text[..at + "plenary meeting".len()].to_string());
        return;
    }
    // "80/53. Strengthening the coordination…", "Resolution 687 (1991)",
    // "78 (1949). Resolution of 18 October 1949".
    if meta.title.is_none()
        && (numbered_title(text) || council_title(text).is_some() || super::build::resolution_heading(text).is_some())
    {
        meta.title = Some(text.to_string());
    }
}

/// `78 (1949). Title` → ("78", "1949"): a Security Council resolution's
/// number and year before its title.
pub fn council_title(text: &str) -> Option<(&str, &str)> {
    let (head, _) = text.split_once(". ")?;
    let (number, year) = head.split_once(" (")?;
    let year = year.strip_suffix(')')?;
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
    (digits(number) && number.len() <= 5 && year.len() == 4 && digits(year)).then_some((number, year))
}

/// `80/53. Title`, `2021/13. Title`.
pub(super) fn numbered_title(text: &str) -> bool {
    let Some((number, title)) = text.split_once(". ") else { return false };
    let mut parts = number.split('/');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|c| c.is_ascii_digit());
    digits(a) && digits(b) && !title.trim().is_empty()
}

/// "at its 8950th meeting" → "8950th meeting".
fn meeting_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|w| w.trim_end_matches(',').eq_ignore_ascii_case("meeting"))?;
    let number = words.get(at.checked_sub(1)?)?;
    number.starts_with(|c: char| c.is_ascii_digit()).then(|| format!("{number} meeting"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(lines: &[&str]) -> crate::document::ResolutionMeta {
        let mut res = Resolution::default();
        let front: Vec<SourceLine> = lines.iter().map(|t| SourceLine { line: 1, text: t.to_string() }).collect();
        fill(&mut res, &front);
        res.meta
    }

    #[test]
    fn official_header_lines() {
        let m = meta_of(&[
            "Agenda item 73 (b)",
            "Resolution adopted by the General Assembly on 11 November 2025",
            "[on the report of the First Committee (A/80/534, para. 7)]",
            "80/53. Convening of the fourth special session",
            "52nd plenary meeting",
        ]);
        assert_eq!(m.organ.as_deref(), Some("General Assembly"));
        assert_eq!(m.date.as_deref(), Some("11 November 2025"));
        assert_eq!(m.agenda_item.as_deref(), Some("Agenda item 73 (b)"));
        assert_eq!(m.origin.as_deref(), Some("[on the report of the First Committee (A/80/534, para. 7)]"));
        assert_eq!(m.title.as_deref(), Some("80/53. Convening of the fourth special session"));
        assert_eq!(m.meeting.as_deref(), Some("52nd plenary meeting"));
        // Letters whose lower case is longer never shift where a piece is cut.
        let m = meta_of(&[
            "İİİİ adopted by the General Assembly on 1 May 2020 İİ agenda item 4 İ",
            "İİ 3rd plenary meeting",
        ]);
        assert_eq!(m.date.as_deref(), Some("1 May 2020"));
        assert_eq!(m.agenda_item.as_deref(), Some("agenda item 4"));
        let m = meta_of(&["Adopted by the Security Council at its 8950th meeting, on 3 April 1991"]);
        assert_eq!(m.organ.as_deref(), Some("Security Council"));
        assert_eq!(m.meeting.as_deref(), Some("8950th meeting"));
        assert_eq!(m.date.as_deref(), Some("3 April 1991"));
    }
}
