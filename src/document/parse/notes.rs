//! Footnote markers in clause text, and what a footnote says about its
//! resolution.
//!
//! Markers come in four shapes: superscripts (`Court¹`), Markdown's
//! `[^1]`, a number glued to a word or punctuation (`Court,1`, as
//! `pdftotext` prints a superscript) and a number set apart by a space
//! (`Court 1 reaffirms`, `Agreement 8 ;`, as `pdftotext -layout` and
//! some PDF viewers print it). The first three are never prose and are
//! always taken out. A spaced number is prose as often as not
//! ("paragraph 1 of", "resolution 1325", "1 January", "in 2 cases"), so
//! it is taken for a marker only on evidence:
//!
//! 1. a footnote body with that number belongs to the same resolution
//!    (printed between its first line and the next resolution's), and
//! 2. it is the next marker in sequence: footnotes are numbered in the
//!    order their markers appear, so after marker 2 only 3 can follow, and
//! 3. nothing around it reads as prose: the word before is not one that
//!    takes a number ("paragraph", "resolution", "article", "in", "of"…,
//!    `phrase::takes_number`) nor a number, and the word after is not a
//!    month or a unit ("1 January", "2 cases", "5 per cent").
//!
//! Every marker taken out links its footnote to the clause it was in
//! (`Footnote::clause`).
//!
//! A footnote whose marker ends the resolution's title line (the GA prints
//! "80/53. Title¹" with "¹ Adopted by a recorded vote of …") states the
//! resolution's vote when the header does not; one whose marker sits in a
//! clause (citing another resolution) says nothing about this one.

use compact_str::CompactString;

use super::front::is_month;
use super::phrase::takes_number;
use super::vote::parse_vote;
use crate::document::model::{Clause, Document, Footnote, Resolution};

const SUPERSCRIPTS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/// Take footnote markers out of every clause and link each footnote to its
/// clause; read a vote stated in a footnote on a resolution's title.
pub fn resolve(doc: &mut Document) {
    if doc.footnotes.is_empty() {
        return;
    }
    // Each resolution's footnotes, gathered in one pass: a corpus of
    // thousands of resolutions must not look at every footnote for each.
    let mut by_owner: Vec<Vec<usize>> = vec![Vec::new(); doc.resolutions.len()];
    for (f, owner) in owners(doc).into_iter().enumerate() {
        if let Some(list) = owner.and_then(|k| by_owner.get_mut(k)) {
            list.push(f);
        }
    }
    let mut anywhere: Vec<u32> = doc.footnotes.iter().filter_map(|f| number(&f.marker)).collect();
    anywhere.sort_unstable();
    anywhere.dedup();
    for (res, mine) in doc.resolutions.iter_mut().zip(&by_owner) {
        let mut numbers: Vec<u32> = mine.iter().filter_map(|&f| number(&doc.footnotes[f].marker)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let mut seq = Sequence { numbers, anywhere: &anywhere, next: 0, found: Vec::new() };
        // A marker on the title comes first in the sequence; one on the
        // adoption line below the clauses (the volumes' "… by 14 votes to
        // none 27") comes last.
        let body = first_clause_line(res);
        for line in res.header.iter().filter(|l| l.line < body) {
            if let Some(n) = trailing_marker(&line.text).and_then(|(_, m)| number(m)) {
                seq.seen(n);
            }
        }
        // Only numbered notes have markers in the text (`*` and `†` stay
        // where the drafters put them): without any, no clause is read.
        if !anywhere.is_empty() {
            strip_resolution(res, &mut seq);
        }
        strip_adoption_markers(res, body, &doc.footnotes, mine);
        for (marker, clause) in seq.found {
            let free = mine
                .iter()
                .find(|&&f| same_marker(&doc.footnotes[f].marker, &marker) && doc.footnotes[f].clause.is_none());
            if let Some(&f) = free {
                doc.footnotes[f].clause = Some(clause);
            }
        }
        vote_from_title_note(res, &doc.footnotes, mine);
    }
}

/// Which resolution each footnote belongs to: the last one that begins at
/// or before the footnote's first line (the first one for notes above it).
fn owners(doc: &Document) -> Vec<Option<usize>> {
    let starts = starts(doc);
    doc.footnotes.iter().map(|f| owner(&starts, f.lines.first().copied().unwrap_or(0))).collect()
}

/// The line each resolution begins on, never decreasing (one without any
/// line begins where the one before it does), so it can be searched.
pub(super) fn starts(doc: &Document) -> Vec<u32> {
    let mut prev = 0;
    doc.resolutions
        .iter()
        .map(|r| {
            let s = first_line(r);
            if s != u32::MAX {
                prev = prev.max(s);
            }
            prev
        })
        .collect()
}

/// The resolution `line` belongs to: the last one beginning at or before
/// it, or the first for lines above them all; None without resolutions.
pub(super) fn owner(starts: &[u32], line: u32) -> Option<usize> {
    (!starts.is_empty()).then(|| starts.partition_point(|&s| s <= line).saturating_sub(1))
}

/// The first line a resolution holds (its header or first clause).
fn first_line(res: &Resolution) -> u32 {
    let clauses = res.preamble.iter().chain(&res.operative).map(|c| c.lines.first);
    res.header_lines.iter().copied().chain(clauses).min().unwrap_or(u32::MAX)
}

/// The first line of a resolution's clauses (u32::MAX without any).
fn first_clause_line(res: &Resolution) -> u32 {
    res.preamble.iter().chain(&res.operative).map(|c| c.lines.first).min().unwrap_or(u32::MAX)
}

/// The adoption line under the clauses ends with the marker of a note the
/// volume prints below it ("Adopted at the 1747th meeting by 14 votes to
/// none 27" over "27 One member (China) did not participate …"): taken off
/// when this resolution has a note so numbered. A vote read from the line
/// was read before, and the count ("by 14 votes") is never at its end.
fn strip_adoption_markers(res: &mut Resolution, body: u32, notes: &[Footnote], mine: &[usize]) {
    for line in res.header.iter_mut().filter(|l| l.line > body) {
        let lower = line.text.trim_start_matches('(').to_ascii_lowercase();
        if !lower.starts_with("adopted ") {
            continue;
        }
        if let Some((bare, marker)) = adoption_marker(&line.text)
            && mine.iter().any(|&f| same_marker(&notes[f].marker, marker))
        {
            line.text = bare.to_string();
        }
    }
}

/// "… to none 27", "… meeting. 6", "… Republics). 65" → (the line without
/// it, the marker); never a vote's count ("by 10 votes to 1").
fn adoption_marker(text: &str) -> Option<(&str, &str)> {
    let (bare, marker) = text.trim_end().rsplit_once(' ')?;
    let bare = bare.trim_end();
    let prev = bare.rsplit(' ').next().unwrap_or("");
    let after_word = bare.ends_with(|c: char| c.is_alphabetic() || c == '.' || c == ')');
    let numeric = !marker.is_empty() && marker.len() <= 3 && marker.bytes().all(|b| b.is_ascii_digit());
    (numeric && after_word && !prev.eq_ignore_ascii_case("to") && !takes_number(prev)).then_some((bare, marker))
}

/// `1` and `¹` are the same marker.
fn same_marker(a: &str, b: &str) -> bool {
    a == b || number(a).is_some_and(|n| number(b) == Some(n))
}

/// `1`, `12`, `¹²` → the footnote number.
fn number(marker: &str) -> Option<u32> {
    let digits: String = marker
        .chars()
        .map(|c| SUPERSCRIPTS.chars().position(|s| s == c).map_or(c, |d| char::from(b'0' + d as u8)))
        .collect();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.parse().ok())?
}

/// The footnote numbers of one resolution and how far its markers have
/// been read.
struct Sequence<'a> {
    numbers: Vec<u32>,
    /// The numbers of every footnote of the document, sorted: a glued
    /// marker needs no more evidence than a footnote so numbered.
    anywhere: &'a [u32],
    /// Index in `numbers` of the next marker expected.
    next: usize,
    /// (marker as the footnote prints it, clause id) for each marker taken out.
    found: Vec<(String, CompactString)>,
}

impl Sequence<'_> {
    /// A marker was read: the sequence goes on after it.
    fn seen(&mut self, n: u32) {
        if let Some(at) = self.numbers.iter().position(|&m| m == n) {
            self.next = self.next.max(at + 1);
        }
    }

    fn expected(&self) -> Option<u32> {
        self.numbers.get(self.next).copied()
    }
}

fn strip_resolution(res: &mut Resolution, seq: &mut Sequence<'_>) {
    let mut lists: Vec<&mut Vec<Clause>> = vec![&mut res.preamble, &mut res.operative];
    for a in &mut res.annexes {
        lists.push(&mut a.preamble);
        lists.push(&mut a.operative);
    }
    for list in lists {
        for c in list.iter_mut() {
            strip_clause(c, seq);
        }
    }
}

fn strip_clause(clause: &mut Clause, seq: &mut Sequence<'_>) {
    if may_hold_marker(&clause.text, !seq.anywhere.is_empty()) {
        let mut markers = Vec::new();
        let text = without_markers(&clause.text, seq, &mut markers);
        if text.len() != clause.text.len() {
            clause.text = text.into();
        }
        seq.found.extend(markers.into_iter().map(|m| (m, clause.id.clone())));
    }
    for c in &mut clause.children {
        strip_clause(c, seq);
    }
}

/// A cheap byte scan so that only texts that can hold a marker are rebuilt:
/// superscripts start with 0xC2 or 0xE2, `[^` with `[`, and numbers only
/// matter when some footnote is numbered.
fn may_hold_marker(text: &str, numbered: bool) -> bool {
    let b = text.as_bytes();
    memchr::memchr3(0xC2, 0xE2, b'[', b).is_some() || (numbered && b.iter().any(u8::is_ascii_digit))
}

/// `text` without its markers; each marker taken out is pushed to `found`
/// as its footnote prints it.
fn without_markers(text: &str, seq: &mut Sequence<'_>, found: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if SUPERSCRIPTS.contains(c) {
            let len = rest.find(|s: char| !SUPERSCRIPTS.contains(s)).unwrap_or(rest.len());
            let marker = &rest[..len];
            if let Some(n) = number(marker) {
                seq.seen(n);
            }
            found.push(marker.to_string());
            rest = &rest[len..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("[^")
            && let Some(end) = after.find(']')
        {
            let marker = &after[..end];
            if let Some(n) = number(marker) {
                seq.seen(n);
            }
            found.push(marker.to_string());
            rest = &after[end + 1..];
            continue;
        }
        if c.is_ascii_digit() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let after = &rest[digits..];
            if let Some(n) = glued_marker(&out, &rest[..digits], after, seq) {
                seq.seen(n);
                found.push(rest[..digits].to_string());
                rest = after;
                continue;
            }
            if let Some(n) = spaced_marker(&out, &rest[..digits], after, seq) {
                seq.seen(n);
                found.push(rest[..digits].to_string());
                // "Court 1 reaffirms" → "Court reaffirms"; "Agreement 8 ;"
                // → "Agreement;".
                rest = after.trim_start_matches(' ');
                if rest.is_empty() || rest.starts_with([',', '.', ';', ':', ')']) {
                    out.truncate(out.trim_end_matches(' ').len());
                }
                continue;
            }
            // A number that is not a marker: copied whole, so that its
            // last digit is never read as a marker glued to the others.
            out.push_str(&rest[..digits]);
            rest = after;
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A footnote number glued to a word or closing punctuation
/// ("Development,1 ", "Crime2."): a marker when a footnote has that number.
fn glued_marker(before: &str, digits: &str, after: &str, seq: &Sequence<'_>) -> Option<u32> {
    let glued = before.chars().next_back().is_some_and(|p| p.is_alphabetic() || ",.;:)”\"".contains(p));
    let ends = after.chars().next().is_none_or(|a| a.is_whitespace() || ",.;:".contains(a));
    let n: u32 = digits.parse().ok()?;
    (glued && ends && seq.anywhere.binary_search(&n).is_ok()).then_some(n)
}

/// A footnote number set apart by a space ("Court 1 reaffirms"): a marker
/// only on the evidence the module comment lists.
fn spaced_marker(before: &str, digits: &str, after: &str, seq: &Sequence<'_>) -> Option<u32> {
    if digits.len() > 3 || !before.ends_with(' ') {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    if seq.expected() != Some(n) {
        return None;
    }
    // The word before: a word or a closing mark, not a number, not one
    // that takes a number.
    let prev = before.trim_end().rsplit(' ').next().unwrap_or("");
    let prev_end = prev.chars().next_back();
    if !prev_end.is_some_and(|p| p.is_alphabetic() || ")”’\",;".contains(p)) {
        return None;
    }
    let prev_word = prev.trim_matches(|c: char| !c.is_alphanumeric());
    // A year ends a citation ("of 2 December 2024, 2", "Israel; 17",
    // "12 August 1949; 31"), and so does a bracketed symbol ("(S/12869),
    // 62"); another number before it makes a list ("1, 2").
    let closed = prev.trim_end_matches([',', ';']).ends_with(')');
    let year = (prev_word.len() == 4 || closed) && prev.ends_with([',', ')', ';']);
    let number_before = prev_word.bytes().any(|b| b.is_ascii_digit()) && !year;
    if prev_word.is_empty() || number_before || takes_number(prev_word) {
        return None;
    }
    // The word after: the end of the text, punctuation, or a word that is
    // neither a month nor a unit counted by the number.
    match after.chars().next() {
        None => {}
        Some(c) if ",.;:)".contains(c) => {}
        Some(' ') => {
            let next = after.trim_start();
            let word = next.split([' ', ',', ';', '.']).next().unwrap_or("");
            if next.starts_with(['(', '%', '/', '-', '–']) || is_month(word) || counted(word) {
                return None;
            }
        }
        Some(_) => return None,
    }
    Some(n)
}

/// Words a number counts or measures ("2 cases", "5 per cent", "3 Member
/// States"): after one, the number is prose.
fn counted(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(w.as_str(), "per" | "percent" | "million" | "billion" | "thousand" | "hundred" | "of" | "times")
        || w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty()
        || w.ends_with('s') && w.len() > 3 && word.starts_with(char::is_lowercase) && plural_noun(&w)
}

/// Plural nouns a number counts in resolutions; a verb in `-s` after a
/// marker ("Court 1 reaffirms", "Convention 2 entered") is not one.
fn plural_noun(w: &str) -> bool {
    matches!(
        w,
        "cases"
            | "years"
            | "months"
            | "weeks"
            | "days"
            | "hours"
            | "countries"
            | "states"
            | "members"
            | "persons"
            | "people"
            | "children"
            | "women"
            | "sessions"
            | "meetings"
            | "parties"
            | "languages"
            | "posts"
            | "positions"
            | "votes"
            | "abstentions"
            | "members'"
            | "rounds"
            | "reports"
            | "pages"
            | "items"
            | "goals"
            | "targets"
            | "dollars"
            | "euros"
            | "kilometres"
            | "metres"
            | "tons"
            | "tonnes"
    )
}

/// A vote stated in a footnote whose marker ends a header line (the
/// resolution's numbered title, or its symbol), when the header states
/// none. The marker is taken off the title.
fn vote_from_title_note(res: &mut Resolution, notes: &[Footnote], mine: &[usize]) {
    if res.vote.is_some() {
        return;
    }
    let note =
        |marker: &str| mine.iter().map(|&f| &notes[f]).find(|f| same_marker(&f.marker, marker) && f.clause.is_none());
    let mut vote = None;
    for line in &res.header {
        let Some((_, marker)) = trailing_marker(&line.text) else { continue };
        if let Some(v) = note(marker).and_then(|f| vote_in_note(&f.text)) {
            vote = Some(v);
            break;
        }
    }
    if vote.is_some() {
        res.vote = vote;
    }
    // The title keeps no marker, whatever its note says.
    for title in [res.topic.as_mut(), res.meta.title.as_mut()].into_iter().flatten() {
        if let Some((bare, marker)) = trailing_marker(title)
            && note(marker).is_some()
        {
            let bare = bare.to_string();
            *title = bare;
        }
    }
}

/// "Adopted by a recorded vote of 120 to 5, with 10 abstentions", "Adopted
/// without a vote": a note that says how its resolution was adopted.
fn vote_in_note(text: &str) -> Option<crate::document::model::Vote> {
    let lower = text.to_ascii_lowercase();
    (lower.contains("adopted") || lower.contains("vote")).then(|| parse_vote(text))?
}

/// A header line's trailing footnote marker: (the line without it, the
/// marker). `Title¹`, `Title1`, `Title 1`, `Title[^1]`, `Title*`.
fn trailing_marker(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_end();
    if let Some(open) = text.rfind("[^")
        && text.ends_with(']')
    {
        return Some((text[..open].trim_end(), &text[open + 2..text.len() - 1]));
    }
    let cut = text.trim_end_matches(|c: char| c.is_ascii_digit() || SUPERSCRIPTS.contains(c) || c == '*');
    let marker = &text[cut.len()..];
    // A year or a symbol's number ("(1991)", "80/53") is no marker: the
    // marker follows a letter, directly or after one space.
    let bare = cut.trim_end();
    let follows_word = bare.chars().next_back().is_some_and(char::is_alphabetic) && cut.len() - bare.len() <= 1;
    (!marker.is_empty() && marker.len() <= 6 && follows_word).then_some((bare, marker))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str, numbers: &[u32]) -> (String, Vec<String>) {
        let mut seq = Sequence { numbers: numbers.to_vec(), anywhere: numbers, next: 0, found: Vec::new() };
        let mut found = Vec::new();
        (without_markers(text, &mut seq, &mut found), found)
    }

    #[test]
    fn spaced_numbers_are_markers_only_on_evidence() {
        assert_eq!(strip("the Court 1 reaffirms", &[1]).0, "the Court reaffirms");
        assert_eq!(strip("the Agreement 8 ;", &[8]).0, "the Agreement;");
        // Out of sequence: 2 is expected before 3.
        assert_eq!(strip("the Court 3 reaffirms", &[2, 3]).0, "the Court 3 reaffirms");
        // No footnote numbered so.
        assert_eq!(strip("the Court 1 reaffirms", &[2]).0, "the Court 1 reaffirms");
        for prose in
            ["paragraph 1 of", "resolution 1 adopted", "on 1 January", "Article 1 of", "in 1 case", "the 1 cases"]
        {
            assert_eq!(strip(prose, &[1]).0, prose);
        }
        assert_eq!(strip("noting 1 cases", &[1]).0, "noting 1 cases");
        assert_eq!(strip("of 2 December 2024, 1", &[1]).0, "of 2 December 2024,");
        assert_eq!(strip("paragraphs 4, 1 and", &[1]).0, "paragraphs 4, 1 and");
        // Glued markers and superscripts go whatever the sequence.
        assert_eq!(
            strip("Crime2. More,1 text", &[1, 2]),
            ("Crime. More, text".to_string(), vec!["2".into(), "1".into()])
        );
        assert_eq!(strip("Court¹ and", &[]).0, "Court and");
    }

    #[test]
    fn adoption_line_markers() {
        assert_eq!(
            adoption_marker("Adopted at the 1747th meeting by 14 votes to none 27"),
            Some(("Adopted at the 1747th meeting by 14 votes to none", "27"))
        );
        assert_eq!(adoption_marker("Adopted at the 173rd meeting. 6"), Some(("Adopted at the 173rd meeting.", "6")));
        assert_eq!(
            adoption_marker("(Czechoslovakia, Union of Soviet Socialist Republics). 65").map(|m| m.1),
            Some("65")
        );
        // A vote's count is no marker.
        assert_eq!(adoption_marker("Adopted at the 2350th meeting by 10 votes to 1"), None);
        assert_eq!(adoption_marker("Adopted at the 2932nd meeting by 14 votes to none."), None);
    }

    #[test]
    fn title_markers() {
        assert_eq!(trailing_marker("80/53. Convening of the session¹"), Some(("80/53. Convening of the session", "¹")));
        assert_eq!(
            trailing_marker("80/53. Convening of the session 1"),
            Some(("80/53. Convening of the session", "1"))
        );
        assert_eq!(trailing_marker("Resolution 687 (1991)"), None);
        assert_eq!(trailing_marker("A/RES/80/53"), None);
    }
}
