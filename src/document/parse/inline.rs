//! Several paragraphs on one line (issue #11, cause 4): text extracted
//! from a PDF or pasted from a web page sometimes runs a formula, a heading
//! or an item into the next paragraph, or leaves a paragraph's number at
//! the end of the line before it:
//!
//! - `THE GENERAL ASSEMBLY 1. Decides …` (formula, then paragraph 1),
//! - `I. Global context 3. We gather …` (heading, then the next paragraph),
//! - `… thereon; and 8.` then `Requests …` (the number of the next line),
//! - `4\. (a) To report; (b) To consult;` (items run together).
//!
//! Each is cut where a reader sees the next paragraph begin, and only
//! where the numbers say so (the next number in sequence, items `(a)`,
//! `(b)` in order after `;` or `:`), so a reference such as "paragraph 8."
//! or "article 5 (b)" stays in its sentence.

use super::label::{Class, Label, roman_value, split_label};
use super::phrase::{opens_clause, starts_with_phrase, takes_number};

/// The pieces `text` holds, if it holds more than one paragraph; None for
/// the ordinary line. `last_number` is the last paragraph number read
/// (0 if none); `after_break` says a blank line or page furniture comes
/// before the line (a heading stands after one; a wrapped line does not);
/// `next_line` the text of the next non-blank line.
pub fn pieces<'a, 'n>(
    text: &'a str,
    label: Option<&(Label<'a>, &'a str)>,
    last_number: u32,
    after_break: bool,
    next_line: impl FnOnce() -> Option<&'n str>,
) -> Option<Vec<&'a str>> {
    let mut cuts: Vec<usize> = Vec::new();
    if let Some(at) = head_then_number(text, label, last_number) {
        cuts.push(at);
    } else if label.is_none()
        && after_break
        && let Some(at) = plain_heading_then_number(text, last_number)
    {
        cuts.push(at);
    }
    // Items run together follow an item's label (`(a) …; (b) …`), a number
    // directly followed by an item (`4\. (a) …`) or a head cut above;
    // other lines are not looked at, which keeps the scan off most of them.
    let from = cuts.last().copied().unwrap_or(0);
    let items_follow = |(l, rest): &(Label<'_>, &str)| {
        l.readings.iter().any(|r| r.class != Class::Number)
            || rest.starts_with('(')
            || rest.starts_with("\\(")
            || items_after_colon(rest)
    };
    if from > 0 || label.is_some_and(items_follow) {
        item_cuts(text, from, if from == 0 { label } else { None }, &mut cuts);
    }
    if cuts.is_empty()
        && let Some(at) = trailing_number(text, label, last_number, next_line)
    {
        cuts.push(at);
    }
    if cuts.is_empty() {
        return None;
    }
    Some(cut_at(text, &cuts))
}

/// The pieces of `text` between `cuts` (byte offsets, increasing), each
/// without the spaces before the next cut.
fn cut_at<'a>(text: &'a str, cuts: &[usize]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &cut in cuts {
        out.push(text[start..cut].trim_end());
        start = cut;
    }
    out.push(&text[start..]);
    out
}

/// `N. ` or `N\. ` at `at` followed by a capital or emphasis: the number
/// N, if so.
fn number_at(text: &str, at: usize) -> Option<u32> {
    let rest = &text[at..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let after = &rest[digits..];
    let after = after.strip_prefix("\\.").or_else(|| after.strip_prefix('.'))?;
    let after = after.strip_prefix(' ')?;
    after.starts_with(|c: char| c.is_uppercase() || c == '*' || c == '_').then(|| rest[..digits].parse().ok())?
}

/// A formula or a heading, then the next paragraph's number on the same
/// line: where that paragraph begins.
fn head_then_number(text: &str, label: Option<&(Label<'_>, &str)>, last_number: u32) -> Option<usize> {
    // Only a formula ("The …", "THE …", "We …") or a labelled heading
    // ("I. …", "A. …") can open such a line: settled by its first bytes.
    let b = text.as_bytes();
    let formula_like = matches!(b.first(), Some(b'T' | b'W' | b'*' | b'_'));
    let heading_label = !formula_like
        && label.is_some_and(|(l, _)| l.readings.iter().any(|r| matches!(r.class, Class::Upper | Class::UpperRoman)));
    if !formula_like && !heading_label {
        return None;
    }
    // A formula's organ is capitalised ("The General …", "THE SECURITY
    // …"): "To ensure", "*Recalling* its" are settled at their second word.
    if formula_like && !text.split(' ').nth(1).is_some_and(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    // The first ` N. ` in the first bytes (a formula or a heading is
    // short), found from its dot: far fewer than spaces.
    let limit = text.len().min(if formula_like { 60 } else { 160 });
    let (at, n) = first_number(text, limit)?;
    let head = text[..at].trim_end();
    if formula_like {
        let bare = head.trim_matches(['*', '_', ',']).trim_end_matches(['*', '_']);
        let lower = bare.to_lowercase();
        let opens = lower.starts_with("the ") || lower.starts_with("we ");
        let short = bare.split_whitespace().count() <= 6 && !bare.contains(['.', ';', ':']);
        // A formula names its organ: every word of it capitalised.
        let organ = bare.split_whitespace().skip(1).all(|w| w.starts_with(char::is_uppercase));
        return (opens && short && organ && (n == 1 || n == last_number + 1)).then_some(at);
    }
    let (_, title) = label?;
    let title = text.get(text.len() - title.len()..head.len())?;
    let heading = title.split_whitespace().count() <= 12
        && !title.ends_with([';', ',', ':', '.'])
        && !opens_clause(title)
        && (n == last_number + 1 || n == 1);
    heading.then_some(at)
}

/// The first ` N. ` (or ` N\\. `) in the first `limit` bytes, found from
/// its dot (far fewer than spaces): where it starts, and N.
fn first_number(text: &str, limit: usize) -> Option<(usize, u32)> {
    let b = text.as_bytes();
    for dot in memchr::memchr_iter(b'.', &b[..limit]) {
        let end = if dot > 0 && b[dot - 1] == b'\\' { dot - 1 } else { dot };
        let digits = b[..end].iter().rev().take_while(|c| c.is_ascii_digit()).count();
        let start = end - digits;
        if digits > 0
            && start > 0
            && b[start - 1] == b' '
            && let Some(n) = number_at(text, start)
        {
            return Some((start, n));
        }
    }
    None
}

/// A heading without a label run into the next paragraph: `Global
/// context 3. We gather …` in an annex whose headings carry no numeral.
/// Cut only where the number is the next one in sequence and what comes
/// before it reads as a title: a short phrase opening with a capital,
/// without punctuation or figures, that opens no clause.
fn plain_heading_then_number(text: &str, last_number: u32) -> Option<usize> {
    // A number after a short title: within its first hundred bytes, before
    // any comma (a title has none).
    if last_number == 0 || !text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let head = &text.as_bytes()[..text.len().min(100)];
    let limit = memchr::memchr(b',', head).unwrap_or(head.len());
    // A title holds no dot: the first dot must be the number's.
    let dot = memchr::memchr(b'.', &head[..limit])?;
    let (at, n) = first_number(text, (dot + 1).min(limit))?;
    let title = text[..at].trim_end();
    let words = title.split_whitespace().count();
    let titled = (1..=8).contains(&words)
        && !title.contains([',', ';', ':', '.', '(', ')'])
        && !title.bytes().any(|b| b.is_ascii_digit())
        // "… adopted resolution 5. Decides": a reference, not a title.
        && !title.rsplit(' ').next().is_some_and(takes_number)
        // ("Commitments to action" is a title: only a listed verb or a
        // preambular word opens a clause.)
        && !opens_clause(title)
        && (words > 1 || !starts_with_phrase(title));
    (titled && n == last_number + 1).then_some(at)
}

/// `… thereon; and 8.` before a line that opens a paragraph: the number
/// belongs to that line.
fn trailing_number<'n>(
    text: &str,
    label: Option<&(Label<'_>, &str)>,
    last_number: u32,
    next_line: impl FnOnce() -> Option<&'n str>,
) -> Option<usize> {
    // Settled by the last bytes for nearly every line: `…8.` or `…8\.`.
    let b = text.as_bytes();
    let n = b.len();
    if !(n >= 3 && b[n - 1] == b'.' && (b[n - 2].is_ascii_digit() || (b[n - 2] == b'\\' && b[n - 3].is_ascii_digit())))
    {
        return None;
    }
    // "7. Invites …; and 8.": the line's own number is the last one.
    let own =
        label.and_then(|(l, _)| l.readings.iter().any(|r| r.class == Class::Number).then(|| l.printed.parse().ok())?);
    let last_number = own.unwrap_or(last_number);
    let body = text[..text.len() - 1].trim_end_matches('\\');
    let digits = body.bytes().rev().take_while(u8::is_ascii_digit).count();
    let at = body.len() - digits;
    if digits > 3 || !body[..at].ends_with(' ') || last_number == 0 {
        return None;
    }
    let n: u32 = body[at..].parse().ok()?;
    let next = next_line()?.trim_start();
    let opens = next.starts_with(|c: char| c.is_uppercase() || c == '*' || c == '_')
        && split_label(next).is_none()
        && starts_with_phrase(next);
    // "…as set out in paragraph 8." ends a sentence with a reference.
    let before = body[..at].trim_end();
    let reference = before.rsplit(' ').next().is_some_and(takes_number) && !before.ends_with("; and");
    (n == last_number + 1 && opens && !reference).then_some(at)
}

/// A paragraph's text (wrapped lines joined) cut where items run into it:
/// a numbered paragraph's items after its colon ("Requests the
/// Secretary-General:", "(a) to report …;", "(b) to submit …"), or, for
/// item `own` (`a`), the next items in sequence after its `;` ("to report
/// …;", "(b) to submit …"). None when nothing runs in.
pub fn run_in_items<'a>(text: &'a str, own: Option<&str>) -> Option<Vec<&'a str>> {
    if own.is_none() && !items_after_colon(text) {
        return None;
    }
    let mut cuts = Vec::new();
    item_cuts_from(text, 0, None, own.and_then(|o| item_ordinal(o, None)), &mut cuts);
    let first = *cuts.first()?;
    if own.is_none() && !text[..first].trim_end().ends_with(':') {
        return None;
    }
    Some(cut_at(text, &cuts))
}

/// "Requests the Secretary-General: (a) to report …" or "Decides that:
/// a) …": a numbered paragraph whose items follow its colon on the line.
fn items_after_colon(rest: &str) -> bool {
    memchr::memchr_iter(b':', rest.as_bytes()).any(|i| {
        let after = rest[i + 1..].trim_start_matches(' ').trim_start_matches('\\');
        let after = after.strip_prefix('(').unwrap_or(after);
        let letters = after.bytes().take_while(u8::is_ascii_lowercase).count();
        let close = after[letters..].trim_start_matches('\\');
        (1..=5).contains(&letters) && close.starts_with(')')
    })
}

/// Items run together after `;` or `:`: `(a) …; (b) …` or `a) …; b) …`,
/// each the next of its sequence (a, b, c… or i, ii, iii…).
fn item_cuts(text: &str, from: usize, label: Option<&(Label<'_>, &str)>, cuts: &mut Vec<usize>) {
    item_cuts_from(text, from, label, None, cuts);
}

/// The same, `seed` being the item the text belongs to when it carries no
/// label of its own (a wrapped item's joined lines).
fn item_cuts_from(
    text: &str,
    from: usize,
    label: Option<&(Label<'_>, &str)>,
    seed: Option<(bool, u32)>,
    cuts: &mut Vec<usize>,
) {
    let b = text.as_bytes();
    // Every item label closes with a parenthesis; most lines have none.
    if memchr::memchr(b')', &b[from.max(1)..]).is_none() {
        return;
    }
    let own_label = match label {
        Some(l) => Some(l.clone()),
        None if from > 0 => split_label(&text[from..]),
        None => None,
    };
    // The sequence so far: the line's own leading item, if any.
    let mut last = own_label.as_ref().and_then(|(l, _)| item_ordinal(l.printed, None)).or(seed);
    // "4\\. (a) …": the items start right after the number.
    let numbered = own_label
        .filter(|(l, _)| l.readings.iter().any(|r| r.class == Class::Number))
        .map(|(_, rest)| text.len() - rest.len());
    for close in memchr::memchr_iter(b')', &b[from..]).map(|i| i + from) {
        // The token before the parenthesis: `(a)`, `\\(a\\)`, `a)`.
        let inner = text[..close].trim_end_matches('\\');
        let letters = inner.bytes().rev().take_while(u8::is_ascii_lowercase).count();
        if letters == 0 || letters > 5 || !text[close + 1..].starts_with(' ') {
            continue;
        }
        let token = &inner[inner.len() - letters..];
        let open = inner.len() - letters;
        let start = match inner[..open].strip_suffix('(') {
            Some(before) if before.ends_with('\\') => open - 2,
            Some(_) => open - 1,
            None => open,
        };
        if start == 0 || (b[start - 1] != b' ' && Some(start) != numbered) {
            continue;
        }
        // What comes before settles most parentheses ("resolution 5 (b)").
        let before = text[..start].trim_end();
        let after_clause = before.ends_with([';', ':']) || before.ends_with("; and") || before.ends_with("; or");
        if !after_clause && Some(start) != numbered {
            continue;
        }
        let Some(ord) = item_ordinal(token, last) else { continue };
        let first = ord.1 == 1 && (before.ends_with(':') || Some(start) == numbered);
        let follows = last.is_some_and(|l| l.0 == ord.0 && l.1 + 1 == ord.1) && after_clause;
        if first || follows {
            cuts.push(start);
            last = Some(ord);
        }
    }
}

/// `a` → (letter, 1), `ii` → (roman, 2); `i` after `h` is the letter.
fn item_ordinal(token: &str, last: Option<(bool, u32)>) -> Option<(bool, u32)> {
    if token.is_empty() || token.len() > 5 || !token.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if token.len() == 1 {
        let letter = (true, u32::from(token.as_bytes()[0] - b'a') + 1);
        let roman = roman_value(&token.to_uppercase()).map(|v| (false, v));
        return match (roman, last) {
            (Some(r), Some(l)) if !(l.0 && l.1 + 1 == letter.1) => Some(r),
            (Some(r), None) if r.1 == 1 => Some(r),
            _ => Some(letter),
        };
    }
    roman_value(&token.to_uppercase()).map(|v| (false, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut<'a>(text: &'a str, last: u32, next: Option<&'static str>) -> Option<Vec<&'a str>> {
        let label = split_label(text);
        pieces(text, label.as_ref(), last, true, || next)
    }

    #[test]
    fn cuts_where_the_next_paragraph_begins() {
        assert_eq!(
            cut("THE GENERAL ASSEMBLY 1. Decides to act;", 0, None),
            Some(vec!["THE GENERAL ASSEMBLY", "1. Decides to act;"])
        );
        assert_eq!(
            cut("I. Global context 3. We gather here.", 2, None),
            Some(vec!["I. Global context", "3. We gather here."])
        );
        assert_eq!(
            cut("to report thereon; and 8.", 7, Some("Requests the Secretary-General to act;")),
            Some(vec!["to report thereon; and", "8."])
        );
        assert_eq!(
            cut("4\\. (a) To report; (b) To consult;", 3, None),
            Some(vec!["4\\.", "(a) To report;", "(b) To consult;"])
        );
        assert_eq!(
            cut("to report; and 8\\.", 7, Some("*Requests* the Secretary-General;")),
            Some(vec!["to report; and", "8\\."])
        );
        assert_eq!(
            cut("(g) To report; (h) To consult; (i) To act;", 3, None),
            Some(vec!["(g) To report;", "(h) To consult;", "(i) To act;"])
        );
    }

    #[test]
    fn references_stay_in_their_sentence() {
        assert_eq!(cut("as set out in paragraph 8.", 7, Some("Requests the Secretary-General;")), None);
        assert_eq!(cut("Recalling article 5 (b) of the Charter; (c) shows", 0, None), None);
        assert_eq!(cut("The Assembly adopted resolution 5. Decides", 4, None), None);
        assert_eq!(cut("I. Global context 9. We gather here.", 2, None), None);
        assert_eq!(cut("8. Decides to act; 9. Requests", 7, None), None);
        // An unlabelled heading only before the next number in sequence,
        // and only a title: not a sentence, not a clause's opening.
        assert_eq!(
            cut("Global context 3. We gather here.", 2, None),
            Some(vec!["Global context", "3. We gather here."])
        );
        assert_eq!(cut("Global context 5. We gather here.", 2, None), None);
        assert_eq!(cut("Member States, in 3. We", 2, None), None);
        assert_eq!(cut("Recalling resolution 3. We", 2, None), None);
        assert_eq!(cut("Decides 3. We", 2, None), None);
    }
}
