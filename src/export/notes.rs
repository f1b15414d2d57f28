//! `reso notes export`: a briefing of every note and tag, grouped by
//! resolution, in Markdown (to print or send to a partner) or JSON.

use std::fmt::Write;

use serde::Serialize;

use crate::annotate::{Annotation, Notes, Target};
use crate::document::Document;

#[derive(Debug, Serialize)]
pub struct Entry {
    pub document: String,
    /// The file the document was read from.
    pub source: String,
    /// What the annotation is on: `clause`, `resolution` or `document`.
    pub on: &'static str,
    pub resolution: String,
    /// The clause id, the resolution code, or empty for the document.
    pub id: String,
    pub tags: Vec<String>,
    pub note: String,
    pub text: String,
    /// True for an annotation whose clause was lost in a revision.
    pub orphan: bool,
}

/// Every annotation of the open documents, in document order (the
/// document's own first, then each resolution's, then its clauses'),
/// orphans last.
pub fn entries(docs: &[Document], notes: &Notes, tag_order: &[String]) -> Vec<Entry> {
    let mut out = Vec::new();
    let order = |tags: &std::collections::BTreeSet<String>| {
        let mut v: Vec<String> = tag_order.iter().filter(|t| tags.contains(*t)).cloned().collect();
        v.extend(tags.iter().filter(|t| !tag_order.contains(t)).cloned());
        v
    };
    for (i, doc) in docs.iter().enumerate() {
        let entry = |on: &'static str, resolution: &str, id: &str, a: &Annotation, text: String, orphan: bool| Entry {
            document: doc.title.clone(),
            source: doc.source.clone(),
            on,
            resolution: resolution.to_string(),
            id: id.to_string(),
            tags: order(&a.tags),
            note: a.note.clone(),
            text,
            orphan,
        };
        if let Some(a) = notes.get_target(i, &Target::Document) {
            out.push(entry("document", "", "", a, String::new(), false));
        }
        for res in &doc.resolutions {
            if let Some(a) = notes.get_target(i, &Target::Resolution(res.code.clone())) {
                out.push(entry("resolution", &res.code, &res.code, a, String::new(), false));
            }
            for c in res.all_clauses() {
                if let Some(a) = notes.get(i, &c.id) {
                    out.push(entry("clause", &res.code, &c.id, a, c.text.to_string(), false));
                }
            }
        }
        for o in notes.orphans(i) {
            let (on, resolution) = match o.id.split_once(':') {
                Some((code, _)) => ("clause", code),
                None => ("resolution", o.id.as_str()),
            };
            out.push(entry(on, resolution, &o.id, &o.annotation, o.annotation.text.clone(), true));
        }
    }
    out
}

pub fn markdown(docs: &[Document], entries: &[Entry]) -> String {
    let mut out = String::from("# Briefing\n");
    let mut doc: Option<(&str, &str)> = None;
    let mut res: Option<&str> = None;
    for e in entries {
        if doc != Some((&e.document, &e.source)) {
            doc = Some((&e.document, &e.source));
            res = None;
            // Two open documents with one title: say which file.
            let shared = docs.iter().filter(|d| d.title == e.document).count() > 1;
            let file = if shared { format!(" ({})", e.source) } else { String::new() };
            let _ = writeln!(out, "\n## {}{file}", e.document);
        }
        if e.on == "document" {
            head_and_note(&mut out, "The whole document", e);
            continue;
        }
        if res != Some(&e.resolution) {
            res = Some(&e.resolution);
            let topic = docs
                .iter()
                .filter(|d| d.source == e.source)
                .flat_map(|d| &d.resolutions)
                .find(|r| r.code == e.resolution)
                .and_then(|r| r.topic.as_deref())
                .map(|t| format!(" — {t}"))
                .unwrap_or_default();
            let _ = writeln!(out, "\n### {}{topic}", e.resolution);
        }
        if e.on == "resolution" && !e.orphan {
            head_and_note(&mut out, "The whole resolution", e);
            continue;
        }
        let tags = if e.tags.is_empty() { String::new() } else { format!(" — {}", e.tags.join(", ")) };
        let orphan = if e.orphan { " (clause not found in this revision)" } else { "" };
        let _ = writeln!(out, "\n#### `{}`{tags}{orphan}\n", e.id);
        for line in e.text.lines() {
            let _ = writeln!(out, "> {line}");
        }
        note(&mut out, &e.note);
    }
    if entries.is_empty() {
        out.push_str("\nNo notes or tags yet.\n");
    }
    out
}

fn head_and_note(out: &mut String, what: &str, e: &Entry) {
    let tags = if e.tags.is_empty() { String::new() } else { format!(" — {}", e.tags.join(", ")) };
    let _ = writeln!(out, "\n#### {what}{tags}");
    note(out, &e.note);
}

/// A note as Markdown, its line breaks kept: a line followed by another
/// ends in a backslash (CommonMark's hard break), so a list typed in the
/// editor does not run together into one line.
fn note(out: &mut String, note: &str) {
    if note.trim().is_empty() {
        return;
    }
    let _ = writeln!(out);
    let lines: Vec<&str> = note.trim_end().lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let next_is_text = lines.get(i + 1).is_some_and(|l| !l.trim().is_empty());
        let brk = if next_is_text && !line.trim().is_empty() { "\\" } else { "" };
        let _ = writeln!(out, "{line}{brk}");
    }
}

pub fn json(entries: &[Entry]) -> String {
    serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into())
}
