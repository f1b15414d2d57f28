//! A resolution's code is its real symbol wherever the layout prints it:
//! `A/RES/80/53` in the header or a running header, `symbol:` in a
//! converter's YAML front matter, `80/53.` before the title; else a symbol
//! spelled in the file name (`A_RES_80_53.txt`). Never a layout mark such
//! as `---`, nor a whole heading.

use super::layout::{Kind, Line, header_symbol, is_part_suffix, is_symbol, masthead_symbol};
use crate::document::model::{Clause, Document, Resolution};

/// Give each resolution without a code the symbol printed before its first
/// clause (or, failing that, inside it), and parts A, B… their letter.
pub fn assign_symbols(doc: &mut Document, lines: &[Line<'_>]) {
    // Conference documents give every resolution its `Code:`: nothing to look for.
    if doc.resolutions.iter().all(|r| !r.code.is_empty() && part_letter(r).is_none()) {
        return;
    }
    let candidates: Vec<(u32, &str)> =
        lines.iter().filter(|l| l.kind != Kind::Blank).filter_map(|l| symbol_on(l.text).map(|s| (l.no, s))).collect();
    let mut prev_last = 0;
    let mut last_symbol: Option<String> = None;
    for res in &mut doc.resolutions {
        let first = first_clause_line(res);
        let last = last_line(res);
        if res.code.is_empty() {
            let before = candidates.iter().find(|(no, _)| *no > prev_last && *no < first);
            let inside = || candidates.iter().find(|(no, _)| *no > prev_last && *no <= last);
            match before.or_else(inside) {
                Some((_, sym)) => res.code = sym.to_string(),
                None if part_letter(res).is_some() => res.code = last_symbol.clone().unwrap_or_default(),
                None => {}
            }
        }
        if let Some(letter) = part_letter(res) {
            let base = match res.code.rsplit_once(' ') {
                Some((base, suffix)) if is_part_suffix(suffix) => base.to_string(),
                _ => res.code.clone(),
            };
            if !base.is_empty() {
                res.code = format!("{base} {letter}");
            }
        }
        if !res.code.is_empty() {
            last_symbol = Some(res.code.clone());
        }
        prev_last = prev_last.max(last);
    }
}

/// The symbol a line prints, if it is one of the lines that carry it.
fn symbol_on(text: &str) -> Option<&str> {
    if text.len() > 200 || memchr::memchr(b'/', text.as_bytes()).is_none() {
        return None;
    }
    for key in ["symbol:", "Symbol:"] {
        if let Some(v) = text.strip_prefix(key) {
            let v = v.trim().trim_matches(['"', '\'']);
            return is_symbol(v).then_some(v);
        }
    }
    if text.starts_with("United Nations") {
        return masthead_symbol(text);
    }
    if is_symbol(text) {
        return Some(text);
    }
    header_symbol(text)
}

/// The letter of a part of a resolution (`A`, from the part title the
/// builder records as `A. Information in the service of humanity`).
pub fn part_letter(res: &Resolution) -> Option<char> {
    let title = res.meta.title.as_deref()?;
    let mut chars = title.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    (rest.is_empty() || rest.starts_with(". ")).then_some(letter)
}

fn first_clause_line(res: &Resolution) -> u32 {
    let tops = res.preamble.iter().chain(&res.operative);
    tops.chain(res.annexes.iter().flat_map(|a| a.preamble.iter().chain(&a.operative)))
        .map(|c| c.lines.first)
        .min()
        .unwrap_or(u32::MAX)
}

fn last_line(res: &Resolution) -> u32 {
    let clauses = res.all_clauses().map(|c: &Clause| c.lines.last).max().unwrap_or(0);
    clauses.max(res.header_lines.iter().copied().max().unwrap_or(0))
}

/// `77/10. The situation in Afghanistan` → `A/RES/77/10` (a General
/// Assembly resolution's number); `2021/13.` of the Economic and Social
/// Council → `E/RES/2021/13`.
pub fn from_titles(doc: &mut Document) {
    for res in doc.resolutions.iter_mut().filter(|r| r.code.is_empty()) {
        let Some(title) = res.meta.title.as_deref() else { continue };
        if let Some((number, year)) = super::meta::council_title(title) {
            let council =
                res.meta.organ.as_deref().or(res.formula.as_deref()).is_some_and(|o| o.contains("Security Council"));
            if council {
                res.code = format!("S/RES/{number} ({year})");
            }
            continue;
        }
        let Some((number, _)) = title.split_once(". ") else { continue };
        let Some((a, b)) = number.split_once('/') else { continue };
        if a.is_empty() || b.is_empty() || !(a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())) {
            continue;
        }
        let organ = res.meta.organ.as_deref().or(res.committee.as_deref()).unwrap_or("");
        res.code = if a.len() == 4 && organ.contains("Economic and Social") {
            format!("E/RES/{a}/{b}")
        } else if a.len() <= 3 && (organ.is_empty() || organ.contains("General Assembly")) {
            format!("A/RES/{a}/{b}")
        } else {
            continue;
        };
    }
}

/// A symbol spelled in a file name: `A_RES_80_53.txt`,
/// `S_RES_0898_1994.txt` → `S/RES/898 (1994)`, `A_RES_77_1-2223391E.xml`.
pub fn symbol_in_file_name(source: &str) -> Option<String> {
    let stem = std::path::Path::new(source).file_stem()?.to_str()?;
    let stem = stem.split(['-', '.', ' ']).next()?;
    let mut parts: Vec<&str> = stem.split('_').collect();
    // Language and edition tags after the symbol (`S_RES_0883_1993_EN_GOLD`,
    // `A_RES_80_53_EN`) are not part of it.
    while parts.len() > 3 && parts.last().is_some_and(|p| p.len() >= 2 && p.bytes().all(|b| b.is_ascii_uppercase())) {
        parts.pop();
    }
    match parts.as_slice() {
        ["S", "RES", n, year] if year.len() == 4 => {
            let n = n.trim_start_matches('0');
            let sym = format!("S/RES/{n} ({year})");
            is_symbol(&sym).then_some(sym)
        }
        [_, "RES", ..] | [_, _, "RES", ..] => {
            let sym = parts.join("/");
            is_symbol(&sym).then_some(sym)
        }
        _ => None,
    }
}

/// A first line that names the document ("Working Paper 2.1", "Draft
/// resolution 1/3"): short, with a number, not a date or a layout mark.
pub fn is_designation(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=5).contains(&words)
        && t.len() <= 40
        && t.chars().next().is_some_and(char::is_alphabetic)
        && t.chars().any(|c| c.is_ascii_digit())
        && !super::front::looks_like_date(t)
        && !t.contains("session")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_in_file_names() {
        assert_eq!(symbol_in_file_name("x/A_RES_80_53.txt").as_deref(), Some("A/RES/80/53"));
        assert_eq!(symbol_in_file_name("S_RES_0898_1994.txt").as_deref(), Some("S/RES/898 (1994)"));
        assert_eq!(symbol_in_file_name("A_RES_77_1-2223391E.xml").as_deref(), Some("A/RES/77/1"));
        assert_eq!(symbol_in_file_name("S_RES_0883_1993_EN_GOLD.txt").as_deref(), Some("S/RES/883 (1993)"));
        assert_eq!(symbol_in_file_name("A_RES_80_53_EN.txt").as_deref(), Some("A/RES/80/53"));
        assert_eq!(symbol_in_file_name("notes.md"), None);
    }

    #[test]
    fn designations() {
        assert!(is_designation("Working Paper 2.1"));
        for t in ["---", "United Nations", "Seventy-second session", "78 (1949). Resolution of 18 October 1949"] {
            assert!(!is_designation(t), "{t}");
        }
    }

    #[test]
    fn symbols_on_lines() {
        assert_eq!(symbol_on("symbol: A/RES/77/10"), Some("A/RES/77/10"));
        assert_eq!(symbol_on("United Nations        A/RES/77/128 A-B"), Some("A/RES/77/128 A-B"));
        assert_eq!(symbol_on("The situation in Afghanistan      A/RES/77/10"), Some("A/RES/77/10"));
        assert_eq!(symbol_on("Recalling its resolution 75/90 and A/RES/75/1,"), None);
    }
}
