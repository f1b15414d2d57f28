//! Where in the config text a setting is, so that a setting that parses
//! but makes no sense (an unknown action, a tag key already taken) is
//! reported with its line and column like a syntax error.

/// 1-based line and column (in characters) of byte `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Byte offsets of the characters of `text` that are code: not inside a
/// comment, a string or a character literal. Strings and characters are
/// reported by their opening quote.
fn code(text: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '*') => {
                chars.next();
                let mut star = false;
                for (_, c) in chars.by_ref() {
                    if star && c == '/' {
                        break;
                    }
                    star = c == '*';
                }
            }
            '"' | '\'' => {
                out.push((i, c));
                while let Some((_, d)) = chars.next() {
                    if d == '\\' {
                        chars.next();
                    } else if d == c {
                        break;
                    }
                }
            }
            c => out.push((i, c)),
        }
    }
    out
}

/// The string `"key"` written as a map key (followed by `:`), first one.
pub fn map_key(text: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""));
    let code = code(text);
    code.iter().enumerate().find_map(|(n, &(i, c))| {
        let is_key = c == '"' && text[i..].starts_with(&quoted) && code.get(n + 1).is_some_and(|(_, c)| *c == ':');
        is_key.then_some(i)
    })
}

/// A string literal equal to `"value"`, first one.
pub fn string(text: &str, value: &str) -> Option<usize> {
    let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
    code(text).into_iter().find(|&(i, c)| c == '"' && text[i..].starts_with(&quoted)).map(|(i, _)| i)
}

/// The opening `(` of the `index`-th entry of the list in field `field`.
pub fn list_item(text: &str, field: &str, index: usize) -> Option<usize> {
    let code = code(text);
    let start = code.iter().position(|&(i, c)| {
        c == field.chars().next().unwrap_or(' ')
            && text[i..].starts_with(field)
            && !text[i + field.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    })?;
    let mut depth = 0usize;
    let mut seen = 0usize;
    for &(i, c) in &code[start..] {
        match c {
            '[' | '(' | '{' => {
                if depth == 1 && c == '(' {
                    if seen == index {
                        return Some(i);
                    }
                    seen += 1;
                }
                depth += 1;
            }
            ']' | ')' | '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_skip_comments_and_strings() {
        let text = "// \"quit\": no\n(\n  tags: [ /* ( */\n    (name: \"(\", key: 'x'),\n    (name: \"y\"),\n  ],\n  keys: {\"quit\": []},\n)";
        assert_eq!(map_key(text, "quit").map(|at| line_col(text, at)), Some((7, 10)));
        assert_eq!(list_item(text, "tags", 0).map(|at| line_col(text, at)), Some((4, 5)));
        assert_eq!(list_item(text, "tags", 1).map(|at| line_col(text, at)), Some((5, 5)));
        assert_eq!(list_item(text, "tags", 2), None);
        assert_eq!(string(text, "y").map(|at| line_col(text, at)), Some((5, 12)));
    }
}
