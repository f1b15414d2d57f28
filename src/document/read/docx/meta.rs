//! What a Word resolution states about itself before its formula: the
//! symbol (in a page header or the first lines), the title, the organ and
//! date ("Resolution adopted by the General Assembly on 30 November 2017"),
//! the agenda item, the originating committee, and the meeting at the end.

use super::paragraphs::Para;
use crate::document::decode::sanitize;
use crate::document::model::ResolutionMeta;

/// A UN document symbol: `A/RES/72/13`, `A/C.3/72/L.5`, `E/CN.6/2017/L.1`.
fn is_symbol(token: &str) -> bool {
    let mut parts = token.split('/');
    let head = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    (1..=6).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_uppercase())
        && rest.len() >= 2
        && rest.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-'))
}

/// The first resolution symbol (`…/RES/…`) in these paragraphs, else the
/// first symbol of any kind.
pub fn symbol_in<'a>(paras: impl Iterator<Item = &'a Para>) -> Option<String> {
    let mut any = None;
    for p in paras {
        let text = p.plain();
        for token in text.split(|c: char| c.is_whitespace()) {
            let token = token.trim_matches(|c: char| !(c.is_ascii_alphanumeric() || c == ')'));
            if !is_symbol(token) {
                continue;
            }
            if token.contains("/RES/") {
                return Some(token.to_string());
            }
            any.get_or_insert_with(|| token.to_string());
        }
    }
    any
}

/// Codes compare without regard to case and spaces.
pub fn same_code(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    norm(a) == norm(b)
}

pub fn read(paras: &[Para]) -> ResolutionMeta {
    let mut meta = ResolutionMeta::default();
    let mut before_formula = true;
    for p in paras {
        let text = p.plain().split_whitespace().collect::<Vec<_>>().join(" ");
        let text = sanitize(&text).into_owned();
        if text.is_empty() {
            continue;
        }
        if before_formula {
            if text.starts_with("The ") && text.ends_with(',') && text.split(' ').count() <= 6 {
                before_formula = false;
                continue;
            }
            if let Some(rest) = text.strip_prefix("Resolution adopted by the ")
                && let Some((organ, date)) = rest.rsplit_once(" on ")
            {
                meta.organ.get_or_insert_with(|| organ.trim().to_string());
                meta.date.get_or_insert_with(|| date.trim().to_string());
            } else if text.starts_with("Agenda item") {
                meta.agenda_item.get_or_insert(text);
            } else if text.starts_with('[') && text.ends_with(']') {
                meta.origin.get_or_insert(text);
            } else if is_title(&text) || p.style.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("TitleH1")) {
                meta.title.get_or_insert(text);
            }
        } else if meta.meeting.is_none()
            && let Some(at) = text.find(" plenary meeting")
        {
            let start = text[..at].rfind(' ').map_or(0, |i| i + 1);
            meta.meeting = Some(text[start..at + " plenary meeting".len()].to_string());
        }
    }
    meta
}

/// Set what `meta` lacks from `found`.
pub fn fill(meta: &mut ResolutionMeta, found: ResolutionMeta) {
    let ResolutionMeta { title, organ, date, meeting, agenda_item, origin, subjects } = found;
    meta.title = meta.title.take().or(title);
    meta.organ = meta.organ.take().or(organ);
    meta.date = meta.date.take().or(date);
    meta.meeting = meta.meeting.take().or(meeting);
    meta.agenda_item = meta.agenda_item.take().or(agenda_item);
    meta.origin = meta.origin.take().or(origin);
    if meta.subjects.is_empty() {
        meta.subjects = subjects;
    }
}

/// `72/12. Special information programme…`
fn is_title(text: &str) -> bool {
    let Some((number, rest)) = text.split_once(". ") else { return false };
    !rest.is_empty()
        && number.split('/').count() == 2
        && number.split('/').all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}
