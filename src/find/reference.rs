//! Clause references as delegates say them: `1/3 op 4`, `CCPCJ/1/3 op 4 a ii`,
//! `op 17 d`, `pre 3`, `1445 op 13`, or an id itself.

use crate::document::Clause;

/// A parsed reference: an optional resolution part (`1/3`, `1445`) and the
/// id path after it (`op.4.a`, `pre.3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub resolution: Option<String>,
    pub path: String,
}

/// Read `query` as a clause reference, if it is one.
pub fn parse(query: &str) -> Option<Reference> {
    let q = query.trim();
    if let Some((code, path)) = q.rsplit_once(':')
        && !code.is_empty()
        && !path.is_empty()
        && !path.contains(' ')
    {
        return Some(Reference { resolution: Some(code.trim().to_string()), path: path.to_string() });
    }
    let words: Vec<&str> = q.split([' ', '.']).filter(|w| !w.is_empty()).collect();
    let part = words.iter().position(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "op" | "operative" | "pre" | "preamble" | "preambular" | "para" | "paragraph" | "annex"
        )
    })?;
    let resolution = match &words[..part] {
        [] => None,
        [r] => Some(r.to_string()),
        _ => return None,
    };
    let mut path = Vec::new();
    let mut rest = &words[part..];
    while let Some((first, tail)) = rest.split_first() {
        let lower = first.to_lowercase();
        let segment = match lower.as_str() {
            "op" | "operative" | "para" | "paragraph" => "op".to_string(),
            "pre" | "preamble" | "preambular" => "pre".to_string(),
            "annex" => match tail.first() {
                Some(k) if k.chars().all(|c| c.is_ascii_digit()) => {
                    rest = &tail[1..];
                    path.push(format!("annex{k}"));
                    continue;
                }
                _ => "annex1".to_string(),
            },
            s if s.len() <= 5 && s.chars().all(|c| c.is_ascii_alphanumeric()) => {
                first.trim_matches(['(', ')']).to_string()
            }
            _ => return None,
        };
        path.push(segment);
        rest = tail;
    }
    // A bare `op` or `pre` is not a reference to one clause.
    if path.len() < 2 {
        return None;
    }
    Some(Reference { resolution, path: path.join(".") })
}

impl Reference {
    /// Does this clause's id answer the reference exactly?
    pub fn matches(&self, clause: &Clause) -> bool {
        let Some((code, path)) = clause.id.rsplit_once(':') else {
            return false;
        };
        if path != self.path {
            return false;
        }
        match &self.resolution {
            None => true,
            Some(r) => code == r || code.ends_with(&format!("/{r}")) || code.contains(&format!("/{r} ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(parse("1/3 op 4"), Some(Reference { resolution: Some("1/3".into()), path: "op.4".into() }));
        assert_eq!(parse("op 17 d").map(|r| r.path), Some("op.17.d".into()));
        assert_eq!(parse("CCPCJ/1/2:op.1.a.iv").map(|r| r.path), Some("op.1.a.iv".into()));
        assert_eq!(parse("1/4 annex op 1 b").map(|r| r.path), Some("annex1.op.1.b".into()));
        assert_eq!(parse("hotline"), None);
        assert_eq!(parse("the op"), None);
    }
}
