//! `reso diff`: the comparison as text a person reads in a terminal or a
//! pipe, or as JSON. Colour (struck red, inserted green) only when asked;
//! without it, struck words are `[-like this-]` and inserted ones
//! `{+like this+}`, as `git diff --word-diff` writes them.

use std::fmt::Write;

use crate::diff::{Change, Diff, Kind, WordOp};

pub fn plain(diff: &Diff, color: bool) -> String {
    let mut out = String::new();
    for r in &diff.resolutions {
        let title = if r.old == r.new { r.new.clone() } else { format!("{} → {}", r.old, r.new) };
        let _ = writeln!(out, "{}: {}", paint(color, "1", &title), r.summary.line());
        for c in &r.changes {
            write_change(&mut out, c, color);
        }
    }
    for code in &diff.only_old {
        let _ = writeln!(out, "{}: only in the old revision", paint(color, "1", code));
    }
    for code in &diff.only_new {
        let _ = writeln!(out, "{}: only in the new revision", paint(color, "1", code));
    }
    if diff.resolutions.is_empty() && diff.only_old.is_empty() && diff.only_new.is_empty() {
        out.push_str("no resolutions to compare\n");
    }
    out
}

/// The sign and the words for a change: (`*`, `op.2 → op.3 reworded`).
fn describe(c: &Change) -> (&'static str, String) {
    let old = c.old.join(" + ");
    let new = c.new.join(" + ");
    match c.kind {
        Kind::Added => ("+", format!("{new} added")),
        Kind::Struck => ("-", format!("{old} struck")),
        Kind::Moved => ("~", format!("{old} → {new} moved")),
        Kind::Renumbered => ("~", format!("{old} → {new} renumbered")),
        Kind::Reworded if c.renumbered => ("*", format!("{old} → {new} reworded")),
        Kind::Reworded => ("*", format!("{new} reworded")),
        Kind::Split => ("<", format!("{old} split into {new}")),
        Kind::Merged => (">", format!("{old} merged into {new}")),
    }
}

fn write_change(out: &mut String, c: &Change, color: bool) {
    let indent = "  ".repeat(c.depth + 1);
    let (mark, what) = describe(c);
    let code = match c.kind {
        Kind::Added => "32",
        Kind::Struck => "31",
        _ => "33",
    };
    let _ = write!(out, "{indent}{} {}", paint(color, code, mark), paint(color, code, &what));
    let body = match c.kind {
        Kind::Reworded => words(&c.words, color),
        Kind::Struck if !color => format!("[-{}-]", c.text),
        Kind::Struck => paint(color, "31;9", &c.text),
        _ => c.text.clone(),
    };
    let _ = writeln!(out, ": {body}");
}

fn words(ops: &[WordOp], color: bool) -> String {
    ops.iter()
        .map(|op| match (op, color) {
            (WordOp::Equal(t), _) => t.clone(),
            (WordOp::Delete(t), false) => format!("[-{t}-]"),
            (WordOp::Insert(t), false) => format!("{{+{t}+}}"),
            (WordOp::Delete(t), true) => paint(true, "31;9", t),
            (WordOp::Insert(t), true) => paint(true, "32;4", t),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` in the SGR style `sgr` when colour is on (the one place reso's
/// plain outputs make colour; `cli::color` names its styles).
pub fn paint(on: bool, sgr: &str, text: &str) -> String {
    if on { format!("\x1b[{sgr}m{text}\x1b[0m") } else { text.to_string() }
}

pub fn json(diff: &Diff) -> String {
    serde_json::to_string_pretty(diff).unwrap_or_else(|_| "{}".into())
}

/// What a delegation marked on one side of a change.
pub struct Marks<'a> {
    pub tags: Vec<&'a str>,
    pub note: &'a str,
}

/// Which revision a clause id belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Old,
    New,
}

/// "Changes since OLD" for the briefing: each change with the tags and
/// note it carries (a struck clause's from the older revision, any other
/// from the newer one).
pub fn briefing_section<'a>(diff: &Diff, old_name: &str, marks: impl Fn(Side, &str) -> Option<Marks<'a>>) -> String {
    let mut out = format!("\n## Changes since {old_name}\n");
    for r in &diff.resolutions {
        let _ = writeln!(out, "\n### {}: {}\n", r.new, r.summary.line());
        for c in &r.changes {
            let (side, code, local) = match c.kind {
                Kind::Struck => (Side::Old, &r.old, c.old.first()),
                _ => (Side::New, &r.new, c.new.first()),
            };
            let marked = local.and_then(|l| marks(side, &format!("{code}:{l}")));
            let tags = marked.as_ref().filter(|m| !m.tags.is_empty()).map(|m| format!(" — {}", m.tags.join(", ")));
            // Markdown: struck words ~~struck~~, inserted ones **bold**.
            let body = match c.kind {
                Kind::Reworded => c
                    .words
                    .iter()
                    .map(|op| match op {
                        WordOp::Equal(t) => t.clone(),
                        WordOp::Delete(t) => format!("~~{t}~~"),
                        WordOp::Insert(t) => format!("**{t}**"),
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
                Kind::Struck => format!("~~{}~~", c.text),
                _ => c.text.clone(),
            };
            let _ = writeln!(out, "- *{}*{}: {body}", describe(c).1, tags.unwrap_or_default());
            if let Some(m) = marked.filter(|m| !m.note.trim().is_empty()) {
                for l in m.note.lines() {
                    let _ = writeln!(out, "  > {l}");
                }
            }
        }
    }
    out
}
