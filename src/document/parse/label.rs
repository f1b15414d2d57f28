//! Item labels at the start of a line: `5.`, `(a)`, `a)`, `ii.`, `b.1.`,
//! bullets, and the stray `- ` the NMUN layout puts before them.

/// What a label could be. A token such as `i` or `v` is both a letter and a
/// roman numeral; the clause builder decides from context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Number,
    Lower,
    Upper,
    LowerRoman,
    UpperRoman,
    /// `b.1`, `b.2`: numbered points under a lettered item.
    Compound,
    Bullet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub class: Class,
    pub ordinal: u32,
}

/// At most two readings (a letter and a numeral); kept inline because
/// every labelled line of a large corpus has some.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readings {
    items: [Reading; 2],
    len: usize,
}

impl Default for Readings {
    fn default() -> Self {
        Readings { items: [Reading { class: Class::Bullet, ordinal: 0 }; 2], len: 0 }
    }
}

impl Readings {
    pub fn one(r: Reading) -> Readings {
        let mut out = Readings::default();
        out.push(r);
        out
    }

    pub fn push(&mut self, r: Reading) {
        if self.len < self.items.len() {
            self.items[self.len] = r;
            self.len += 1;
        }
    }

    pub fn as_slice(&self) -> &[Reading] {
        &self.items[..self.len]
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Reading> {
        self.as_slice().iter()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label<'a> {
    /// As printed, without punctuation: `5`, `a`, `ii`, `b.1`, `—`.
    pub printed: &'a str,
    pub readings: Readings,
    /// Printed in brackets, `(5)`: an item's form. OCR reads `(b)` as
    /// `(6)` and `(i)` as `(1)` (`Builder::misread_item`).
    pub bracketed: bool,
}

const BULLETS: &[char] = &['-', '–', '—', '•', '◦', '▪', '·', '*', '‣', '○'];

/// Split a (left-trimmed) line into its label and the text after it.
pub fn split_label(line: &str) -> Option<(Label<'_>, &str)> {
    let line = line.trim_start();
    // A bullet character followed by a space: either a stray dash before a
    // real label (`- a. Promoting`) or a bullet item of its own.
    let mut chars = line.chars();
    if let Some(first) = chars.next()
        && BULLETS.contains(&first)
    {
        let after = chars.as_str();
        if after.starts_with([' ', '\t']) || after.is_empty() {
            let rest = after.trim_start();
            if let Some(found) = plain_label(rest) {
                return Some(found);
            }
            let printed = &line[..first.len_utf8()];
            return Some((
                Label {
                    printed,
                    readings: Readings::one(Reading { class: Class::Bullet, ordinal: 1 }),
                    bracketed: false,
                },
                rest,
            ));
        }
    }
    plain_label(line)
}

fn plain_label(line: &str) -> Option<(Label<'_>, &str)> {
    // Markdown converters escape what would start a list: `\(a\)`, `1\.`.
    let (token, rest) = if let Some(inner) = line.strip_prefix("\\(") {
        let close = inner.find(')')?;
        (inner[..close].trim_end_matches('\\'), &inner[close + 1..])
    } else if let Some(inner) = line.strip_prefix('(') {
        let close = inner.find(')')?;
        (&inner[..close], &inner[close + 1..])
    } else {
        // Labels are short: look for their dot or parenthesis near the start only.
        let end = line.as_bytes().iter().take(12).position(|&b| b == b'.' || b == b')')?;
        let token = &line[..end];
        let mut rest = &line[end + 1..];
        // `b.1.`: a compound label.
        if token.len() == 1 && token.as_bytes()[0].is_ascii_lowercase() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && digits <= 2 {
                let after = &rest[digits..];
                let after = after.strip_prefix('.').unwrap_or(after);
                if after.is_empty() || after.starts_with([' ', '\t']) {
                    let printed = &line[..end + 1 + digits];
                    let ordinal = rest[..digits].parse().ok()?;
                    let readings = Readings::one(Reading { class: Class::Compound, ordinal });
                    let label = Label { printed, readings, bracketed: false };
                    return Some((label, after.trim_start()));
                }
            }
        }
        if rest.starts_with('.') {
            rest = &rest[1..];
        }
        (token.strip_suffix('\\').unwrap_or(token), rest)
    };
    // The label must stand alone: followed by a space or the end of line.
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) || token.is_empty() {
        return None;
    }
    let readings = readings(token);
    if readings.is_empty() {
        return None;
    }
    let bracketed = line.starts_with('(') || line.starts_with("\\(");
    Some((Label { printed: token, readings, bracketed }, rest.trim_start()))
}

fn readings(token: &str) -> Readings {
    let mut out = Readings::default();
    if token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = token.parse::<u32>()
            && n > 0
        {
            out.push(Reading { class: Class::Number, ordinal: n });
        }
        return out;
    }
    let bytes = token.as_bytes();
    if bytes.len() == 1 {
        let b = bytes[0];
        if b.is_ascii_lowercase() {
            out.push(Reading { class: Class::Lower, ordinal: u32::from(b - b'a' + 1) });
        } else if b.is_ascii_uppercase() {
            out.push(Reading { class: Class::Upper, ordinal: u32::from(b - b'A' + 1) });
        }
    }
    if let Some(n) = roman_value(token) {
        let class = if bytes[0].is_ascii_lowercase() { Class::LowerRoman } else { Class::UpperRoman };
        out.push(Reading { class, ordinal: n });
    }
    out
}

/// The value of a well-formed roman numeral up to 89 (all one case).
/// Asked of nearly every label: it allocates nothing.
pub fn roman_value(token: &str) -> Option<u32> {
    let b = token.as_bytes();
    if b.is_empty() || b.len() > 7 {
        return None;
    }
    if !b.iter().all(u8::is_ascii_lowercase) && !b.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let value = |c: u8| match c.to_ascii_lowercase() {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        _ => None,
    };
    let mut digits = [0i64; 7];
    for (d, &c) in digits.iter_mut().zip(b) {
        *d = value(c)?;
    }
    let vals = &digits[..b.len()];
    let mut total = 0;
    for (i, &v) in vals.iter().enumerate() {
        if vals.get(i + 1).is_some_and(|&n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let total = u32::try_from(total).ok().filter(|&n| n > 0)?;
    // Only canonical spellings (rejects "iiii", "vv", "il").
    spelled_as(total, b).then_some(total)
}

/// Whether `token` (either case) is the canonical roman spelling of `n`.
fn spelled_as(mut n: u32, token: &[u8]) -> bool {
    const TABLE: [(u32, &str); 7] = [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
    let mut at = 0;
    for (v, r) in TABLE {
        while n >= v {
            let r = r.as_bytes();
            if !token.get(at..at + r.len()).is_some_and(|t| t.eq_ignore_ascii_case(r)) {
                return false;
            }
            at += r.len();
            n -= v;
        }
    }
    at == token.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(line: &str) -> Vec<(Class, u32)> {
        split_label(line).map(|(l, _)| l.readings.iter().map(|r| (r.class, r.ordinal)).collect()).unwrap_or_default()
    }

    #[test]
    fn label_forms() {
        assert_eq!(classes("5. Decides"), vec![(Class::Number, 5)]);
        assert_eq!(classes("(a) the"), vec![(Class::Lower, 1)]);
        assert_eq!(classes("a) the"), vec![(Class::Lower, 1)]);
        assert_eq!(classes(" - ii. Suggesting"), vec![(Class::LowerRoman, 2)]);
        assert_eq!(classes("i. x"), vec![(Class::Lower, 9), (Class::LowerRoman, 1)]);
        assert_eq!(classes("b.1. Liquid"), vec![(Class::Compound, 1)]);
        assert_eq!(classes("— Calls for"), vec![(Class::Bullet, 1)]);
        assert_eq!(classes("12."), vec![(Class::Number, 12)]);
        assert_eq!(classes("IV. Review"), vec![(Class::UpperRoman, 4)]);
        assert_eq!(classes("1\\. *Decides*"), vec![(Class::Number, 1)]);
        assert_eq!(classes("\\(b\\) To ensure"), vec![(Class::Lower, 2)]);
        assert_eq!(split_label("12\\. Text").map(|(l, r)| (l.printed, r)), Some(("12", "Text")));
    }

    #[test]
    fn not_labels() {
        for line in [
            "5.2 (Ending",
            "e.g. this",
            "1352 (2001) of",
            "S/RES/1454 (2002)",
            "(S/2002/914)",
            "i.e. that",
            "1.A.4.d: Q",
        ] {
            assert!(split_label(line).is_none(), "{line}");
        }
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("iiii"), None);
        assert_eq!(roman_value("vx"), None);
    }

    /// Every string of roman digits up to five long, in either case: a
    /// value exactly when it is the canonical spelling of one, as a plain
    /// table-driven spelling gives it (with `l` the largest digit, 100 is
    /// `ll`).
    #[test]
    fn roman_numerals_are_read_only_in_their_canonical_spelling() {
        fn spell(mut n: u32) -> String {
            let table = [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
            let mut s = String::new();
            for (v, r) in table {
                while n >= v {
                    s.push_str(r);
                    n -= v;
                }
            }
            s
        }
        let canonical: std::collections::HashMap<String, u32> = (1..=400).map(|n| (spell(n), n)).collect();
        let mut tokens = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                tokens.iter().flat_map(|t| "ivxl".chars().map(move |c| format!("{t}{c}"))).collect();
            for t in &longer {
                let want = canonical.get(t).copied();
                assert_eq!(roman_value(t), want, "{t}");
                assert_eq!(roman_value(&t.to_uppercase()), want, "{t}");
            }
            tokens = longer;
        }
        assert_eq!(roman_value("Iv"), None, "mixed case");
        assert_eq!(roman_value("lxxxviii"), None, "88 is eight long");
        assert_eq!(roman_value("lxxxix"), Some(89));
    }
}
