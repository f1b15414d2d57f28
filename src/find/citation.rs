//! Citations as delegates say and write them, parsed, never fuzzy-matched:
//! `1/3 op 4 a ii`, `1/3 OP4`, `1/3 op. 4(a)(ii)`, `OP 4 (a) (ii) of 1/3`,
//! `operative 4 a ii`, `1/3 PP3`, `preambular 3`, `CCPCJ/1/3 4(a)(ii)`,
//! `A/RES/80/53 op 5`, `80/53 para 5 (c)`, `res 687 para 12`,
//! `S/RES/687 (1991) OP 8`, `annex op 2`, or a clause id itself
//! (`CCPCJ/1/4:op.17.d`). A citation names one clause: if that clause does
//! not exist, or several do, the finder says so and lists candidates; it
//! never takes another clause in its place.

/// A parsed citation: an optional resolution and the clause path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// `1/3`, `A/RES/80/53`, `687`, `S/RES/687 (1991)`, as written.
    pub resolution: Option<String>,
    /// The id path: `op.4.a.ii`, `pre.3`, `annex1.op.2`.
    pub path: Vec<String>,
}

/// What a citation found among the open clauses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Exactly the cited clause.
    Found(usize),
    /// Several clauses answer it (no resolution named, several open):
    /// every one, for the reader to choose.
    Ambiguous(Vec<usize>),
    /// No such clause; these are the clauses nearest to it (its siblings,
    /// or its parent's) in the resolutions it names.
    Missing(Vec<usize>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// Something with a slash and a digit: `1/3`, `A/RES/80/53`.
    Code(String),
    /// `(1991)`-style year after a code.
    Year(String),
    Word(String),
}

fn tokens(query: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for raw in query.split_whitespace() {
        let raw = raw.trim_end_matches([',', ';']);
        if raw.contains('/') && raw.chars().any(|c| c.is_ascii_digit()) {
            // `S/RES/687(1991)`: the year may be glued on.
            let (code, rest) = raw.split_once('(').map_or((raw, ""), |(c, r)| (c, r));
            // A leading `/` is the finder's key typed twice (`/1/3 PP 3`).
            out.push(Token::Code(code.trim_end_matches('.').trim_start_matches('/').to_string()));
            let year = rest.trim_end_matches(')');
            if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
                out.push(Token::Year(year.to_string()));
            }
            continue;
        }
        // `4(a)(ii)`, `op.`, `OP4`: split at punctuation and where a part
        // keyword meets its number.
        for piece in raw.split(['(', ')', '.', ',']).filter(|p| !p.is_empty()) {
            let lower = piece.to_lowercase();
            if piece.len() == 4 && piece.chars().all(|c| c.is_ascii_digit()) && raw.starts_with('(') {
                out.push(Token::Year(piece.to_string()));
                continue;
            }
            let split = ["operative", "op", "pp", "para", "pre"].iter().find_map(|k| {
                let rest = lower.strip_prefix(k)?;
                (!rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
                    .then(|| (k.to_string(), rest.to_string()))
            });
            match split {
                Some((k, n)) => {
                    out.push(Token::Word(k));
                    out.push(Token::Word(n));
                }
                None => out.push(Token::Word(lower)),
            }
        }
    }
    out
}

fn part(word: &str) -> Option<&'static str> {
    match word {
        "op" | "operative" | "para" | "paras" | "paragraph" | "§" => Some("op"),
        "pp" | "pre" | "preamble" | "preambular" => Some("pre"),
        _ => None,
    }
}

fn is_label(word: &str) -> bool {
    !word.is_empty() && word.len() <= 6 && word.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Read `query` as a citation, if it is one.
pub fn parse(query: &str) -> Option<Citation> {
    let q = query.trim();
    // An id: `CCPCJ/1/4:op.17.d`.
    if let Some((code, path)) = q.rsplit_once(':')
        && !code.trim().is_empty()
        && !path.is_empty()
        && !path.contains(char::is_whitespace)
        && path.split('.').all(is_label)
    {
        let path = path.split('.').map(str::to_lowercase).collect();
        return Some(Citation { resolution: Some(code.trim().to_string()), path });
    }
    let toks = tokens(q);
    let mut resolution: Option<String> = None;
    let mut annex: Option<String> = None;
    let mut kind: Option<&str> = None;
    let mut labels: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        i += 1;
        match t {
            Token::Code(c) => {
                if resolution.is_some() {
                    return None;
                }
                resolution = Some(c.clone());
            }
            Token::Year(y) => match resolution.as_mut() {
                Some(r) => r.push_str(&format!(" ({y})")),
                None => return None,
            },
            Token::Word(w) if w == "of" || w == "in" => {}
            Token::Word(w) if w == "res" || w == "resolution" || w == "s/res" => match toks.get(i) {
                Some(Token::Word(n)) if n.chars().all(|c| c.is_ascii_digit()) && resolution.is_none() => {
                    resolution = Some(n.clone());
                    i += 1;
                }
                Some(Token::Code(_)) => {}
                _ => return None,
            },
            Token::Word(w) if w == "annex" => {
                if annex.is_some() || kind.is_some() {
                    return None;
                }
                // `annex 2 op 1`: a number before the part names the annex.
                match (toks.get(i), toks.get(i + 1)) {
                    (Some(Token::Word(n)), Some(Token::Word(p)))
                        if n.chars().all(|c| c.is_ascii_digit()) && part(p).is_some() =>
                    {
                        annex = Some(format!("annex{n}"));
                        i += 1;
                    }
                    _ => annex = Some("annex1".into()),
                }
            }
            Token::Word(w) => {
                if let Some(p) = part(w) {
                    if kind.is_some() || !labels.is_empty() {
                        return None;
                    }
                    kind = Some(p);
                } else if is_label(w) && (kind.is_some() || resolution.is_some() || annex.is_some()) {
                    labels.push(w.clone());
                } else {
                    return None;
                }
            }
        }
    }
    // `CCPCJ/1/3 4(a)(ii)`: a number straight after the resolution is an
    // operative paragraph.
    let kind = match kind {
        Some(k) => k,
        None if labels.first().is_some_and(|l| l.chars().all(|c| c.is_ascii_digit())) => "op",
        None => return None,
    };
    if labels.is_empty() {
        return None;
    }
    let mut path: Vec<String> = annex.into_iter().collect();
    path.push(kind.to_string());
    path.extend(labels);
    Some(Citation { resolution, path })
}

/// A resolution code without spaces and case, and its year if it has one:
/// `S/RES/687 (1991)` → (`s/res/687`, Some(`1991`)).
fn code_parts(code: &str) -> (String, Option<String>) {
    let lower: String = code.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    match lower.split_once('(') {
        Some((base, year)) => (base.to_string(), Some(year.trim_end_matches(')').to_string())),
        None => (lower, None),
    }
}

/// Does resolution `code` answer the citation's `spec` (`1/3` answers
/// `CCPCJ/1/3`, `687` answers `S/RES/687 (1991)`)?
pub fn code_matches(spec: &str, code: &str) -> bool {
    let (sb, sy) = code_parts(spec);
    let (cb, cy) = code_parts(code);
    let base = cb == sb || cb.ends_with(&format!("/{sb}"));
    base && (sy.is_none() || cy.is_none() || sy == cy)
}

impl Citation {
    /// The citation as an id: `1/3:op.4.a.ii`, `op.4` without resolution.
    pub fn display(&self) -> String {
        match &self.resolution {
            Some(r) => format!("{r}:{}", self.path.join(".")),
            None => self.path.join("."),
        }
    }

    fn resolution_matches(&self, code: &str) -> bool {
        self.resolution.as_deref().is_none_or(|r| code_matches(r, code))
    }

    /// Find the cited clause among `clauses` (index, id). Without a
    /// resolution, `context` (the resolution the reader is in) decides
    /// between resolutions that all have the clause.
    pub fn resolve<'a>(
        &self,
        clauses: impl Iterator<Item = (usize, &'a str)> + Clone,
        context: Option<&str>,
    ) -> Outcome {
        let split = |id: &'a str| id.rsplit_once(':').unwrap_or(("", id));
        let same = |path: &str, want: &[String]| {
            let mut segs = path.split('.');
            want.iter().all(|w| segs.next().is_some_and(|s| s.eq_ignore_ascii_case(w))) && segs.next().is_none()
        };
        let found: Vec<(usize, &str)> = clauses
            .clone()
            .filter_map(|(i, id)| {
                let (code, path) = split(id);
                // The path first: comparing codes allocates, and few
                // clauses have the path.
                (same(path, &self.path) && self.resolution_matches(code)).then_some((i, code))
            })
            .collect();
        match found.as_slice() {
            [(one, _)] => return Outcome::Found(*one),
            [] => {}
            many => {
                if self.resolution.is_none()
                    && let Some(ctx) = context
                {
                    let here: Vec<usize> = many.iter().filter(|(_, c)| *c == ctx).map(|(i, _)| *i).collect();
                    if let [one] = here.as_slice() {
                        return Outcome::Found(*one);
                    }
                }
                return Outcome::Ambiguous(many.iter().map(|(i, _)| *i).collect());
            }
        }
        // Missing: the clauses at the level it names (its siblings), or a
        // level up, in the resolutions it names (or the reader's).
        let in_scope = |code: &str| match (&self.resolution, context) {
            (Some(_), _) => self.resolution_matches(code),
            (None, Some(ctx)) => code == ctx,
            (None, None) => true,
        };
        for level in (1..self.path.len()).rev() {
            let parent = &self.path[..level];
            let near: Vec<usize> = clauses
                .clone()
                .filter_map(|(i, id)| {
                    let (code, path) = split(id);
                    let segs: Vec<&str> = path.split('.').collect();
                    let under =
                        segs.len() == level + 1 && segs.iter().zip(parent).all(|(s, p)| s.eq_ignore_ascii_case(p));
                    (under && in_scope(code)).then_some(i)
                })
                .take(24)
                .collect();
            if !near.is_empty() {
                return Outcome::Missing(near);
            }
        }
        Outcome::Missing(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(q: &str) -> Option<String> {
        parse(q).map(|c| c.display())
    }

    #[test]
    fn every_form() {
        let cases = [
            ("1/3 op 4 a ii", "1/3:op.4.a.ii"),
            ("1/3 OP4", "1/3:op.4"),
            ("1/3 op. 4(a)(ii)", "1/3:op.4.a.ii"),
            ("1/3 op 4 (a) (ii)", "1/3:op.4.a.ii"),
            ("OP 4 (a) (ii) of 1/3", "1/3:op.4.a.ii"),
            ("operative 4 a ii", "op.4.a.ii"),
            ("1/3 PP3", "1/3:pre.3"),
            ("1/3 PP 3", "1/3:pre.3"),
            ("preambular 3", "pre.3"),
            ("CCPCJ/1/3 4(a)(ii)", "CCPCJ/1/3:op.4.a.ii"),
            ("A/RES/80/53 op 5", "A/RES/80/53:op.5"),
            ("80/53 para 5 (c)", "80/53:op.5.c"),
            ("res 687 para 12", "687:op.12"),
            ("S/RES/687 (1991) OP 8", "S/RES/687 (1991):op.8"),
            ("annex op 2", "annex1.op.2"),
            ("1/4 annex 2 op 1 b", "1/4:annex2.op.1.b"),
            ("CCPCJ/1/4:op.17.d", "CCPCJ/1/4:op.17.d"),
            ("op 17 d", "op.17.d"),
        ];
        for (q, want) in cases {
            assert_eq!(p(q).as_deref(), Some(want), "{q}");
        }
        for q in ["hotline", "data sharing", "the op", "op", "1/3", "INTERPOL border", "res 687", "4 a ii"] {
            assert_eq!(p(q), None, "{q}");
        }
    }

    #[test]
    fn codes() {
        assert!(code_matches("1/3", "CCPCJ/1/3"));
        assert!(!code_matches("1/3", "CCPCJ/1/13"));
        assert!(code_matches("687", "S/RES/687 (1991)"));
        assert!(code_matches("S/RES/687 (1991)", "S/RES/687 (1991)"));
        assert!(!code_matches("S/RES/687 (1992)", "S/RES/687 (1991)"));
        assert!(code_matches("a/res/80/53", "A/RES/80/53"));
    }

    #[test]
    fn resolve_says_when_missing_or_ambiguous() {
        let ids = ["X/1:op.1", "X/1:op.2", "X/1:op.2.a", "X/2:op.1", "X/2:op.2"];
        let items = ids.iter().copied().enumerate();
        let c = |q: &str| parse(q).expect(q);
        assert_eq!(c("X/1 op 2 a").resolve(items.clone(), None), Outcome::Found(2));
        assert_eq!(c("op 2").resolve(items.clone(), None), Outcome::Ambiguous(vec![1, 4]));
        assert_eq!(c("op 2").resolve(items.clone(), Some("X/2")), Outcome::Found(4));
        assert_eq!(c("X/1 op 2 b").resolve(items.clone(), None), Outcome::Missing(vec![2]));
        assert_eq!(c("X/2 op 9").resolve(items.clone(), None), Outcome::Missing(vec![3, 4]));
    }
}
