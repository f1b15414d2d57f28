//! Paragraph labels: from `<num>` or, where the markup left the number in
//! the text (`\t(ii)\tFor which…`), typed at its start.

/// What kind of list a label belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `1.`, `12`: an operative paragraph.
    Number,
    /// `(a)`, `b)`: could also be a roman numeral when it is `i`, `v`, `x`…
    Letter,
    /// `(ii)`, `(iv)`: only a roman numeral.
    Roman,
    /// `A.`, `I`: upper case, as in section or list labels.
    Upper,
}

/// The printed label without its punctuation (`(a)` → `a`, `12.` → `12`),
/// and its kind; `None` when it is not a label.
pub fn parse(raw: &str) -> Option<(String, Kind)> {
    let t = raw.trim();
    let inner = t.strip_prefix('(').unwrap_or(t);
    let inner = inner.strip_suffix(')').or_else(|| inner.strip_suffix('.')).unwrap_or(inner).trim();
    if inner.is_empty() || inner.len() > 8 {
        return None;
    }
    if inner.bytes().all(|b| b.is_ascii_digit()) {
        return Some((inner.to_string(), Kind::Number));
    }
    // A typo `l.` for `1.` (README rule).
    if inner == "l" && t.ends_with('.') && !t.starts_with('(') {
        return Some(("1".to_string(), Kind::Number));
    }
    if inner.bytes().all(|b| b.is_ascii_lowercase()) {
        if inner.len() == 1 {
            return Some((inner.to_string(), Kind::Letter));
        }
        if is_roman(inner) {
            return Some((inner.to_string(), Kind::Roman));
        }
        // `aa`, `bb`: letters after `z`.
        if inner.bytes().all(|b| Some(&b) == inner.as_bytes().first()) {
            return Some((inner.to_string(), Kind::Letter));
        }
        return None;
    }
    if inner.bytes().all(|b| b.is_ascii_uppercase()) && (inner.len() == 1 || is_roman(&inner.to_lowercase())) {
        return Some((inner.to_string(), Kind::Upper));
    }
    None
}

/// A label typed at the start of a paragraph's text: `(b) “Ship” means…`,
/// `2. The certificate…`. Returns the label and the rest of the text.
pub fn typed(text: &str) -> Option<(String, Kind, &str)> {
    let (head, rest) = text.split_once(' ')?;
    let bracketed = head.starts_with('(') && head.ends_with(')');
    let dotted = head.ends_with('.') && !head.starts_with('(');
    if !bracketed && !dotted {
        return None;
    }
    let (label, kind) = parse(head)?;
    // `A.` alone at the start of a sentence is rarely a label in a body;
    // upper-case ones are taken only bracketed.
    if kind == Kind::Upper && !bracketed {
        return None;
    }
    Some((label, kind, rest.trim_start()))
}

/// A lower-case roman numeral (i … xxxix).
pub fn is_roman(s: &str) -> bool {
    roman_value(s).is_some()
}

pub fn roman_value(s: &str) -> Option<u32> {
    const TENS: [&str; 4] = ["", "x", "xx", "xxx"];
    const ONES: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    if s.is_empty() {
        return None;
    }
    for (t, tens) in TENS.iter().enumerate().rev() {
        if let Some(rest) = s.strip_prefix(tens)
            && let Some(o) = ONES.iter().position(|o| *o == rest)
            && (t > 0 || o > 0)
        {
            return u32::try_from(t * 10 + o).ok();
        }
    }
    None
}

/// The letter after `label` (`h` → `i`), if it is one letter.
pub fn next_letter(label: &str) -> Option<char> {
    let mut chars = label.chars();
    let c = chars.next()?;
    if chars.next().is_some() || !c.is_ascii_lowercase() || c == 'z' {
        return None;
    }
    char::from_u32(c as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_kinds() {
        assert_eq!(parse("12."), Some(("12".into(), Kind::Number)));
        assert_eq!(parse("(a)"), Some(("a".into(), Kind::Letter)));
        assert_eq!(parse("(i)"), Some(("i".into(), Kind::Letter)));
        assert_eq!(parse("(iv)"), Some(("iv".into(), Kind::Roman)));
        assert_eq!(parse("II"), Some(("II".into(), Kind::Upper)));
        assert_eq!(parse("l."), Some(("1".into(), Kind::Number)));
        assert_eq!(parse("(ab)"), None);
        assert_eq!(parse("Annex"), None);
    }

    #[test]
    fn typed_labels() {
        assert_eq!(typed("(ii) For which"), Some(("ii".into(), Kind::Roman, "For which")));
        assert_eq!(typed("2. The certificate"), Some(("2".into(), Kind::Number, "The certificate")));
        assert_eq!(typed("A. Smith said"), None);
        assert_eq!(typed("Recalling its"), None);
        assert_eq!(roman_value("xix"), Some(19));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(next_letter("h"), Some('i'));
    }
}
