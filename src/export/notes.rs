//! `reso notes export`: a briefing of every note and tag, grouped by
//! resolution, in Markdown (to print or send to a partner) or JSON.

use std::fmt::Write;

use serde::Serialize;

use crate::annotate::Notes;
use crate::document::Document;

#[derive(Debug, Serialize)]
pub struct Entry {
    pub document: String,
    pub resolution: String,
    pub id: String,
    pub tags: Vec<String>,
    pub note: String,
    pub text: String,
    /// True for an annotation whose clause was lost in a revision.
    pub orphan: bool,
}

/// Every annotation of the open documents, in document order, orphans last.
pub fn entries(docs: &[Document], notes: &Notes, tag_order: &[String]) -> Vec<Entry> {
    let mut out = Vec::new();
    let order = |tags: &std::collections::BTreeSet<String>| {
        let mut v: Vec<String> = tag_order.iter().filter(|t| tags.contains(*t)).cloned().collect();
        v.extend(tags.iter().filter(|t| !tag_order.contains(t)).cloned());
        v
    };
    for (i, doc) in docs.iter().enumerate() {
        for res in &doc.resolutions {
            for c in res.all_clauses() {
                if let Some(a) = notes.get(i, &c.id) {
                    out.push(Entry {
                        document: doc.title.clone(),
                        resolution: res.code.clone(),
                        id: c.id.to_string(),
                        tags: order(&a.tags),
                        note: a.note.clone(),
                        text: c.text.to_string(),
                        orphan: false,
                    });
                }
            }
        }
        for o in notes.orphans(i) {
            out.push(Entry {
                document: doc.title.clone(),
                resolution: o.id.split(':').next().unwrap_or("").to_string(),
                id: o.id.clone(),
                tags: order(&o.annotation.tags),
                note: o.annotation.note.clone(),
                text: o.annotation.text.clone(),
                orphan: true,
            });
        }
    }
    out
}

pub fn markdown(docs: &[Document], entries: &[Entry]) -> String {
    let mut out = String::from("# Briefing\n");
    let mut doc = "";
    let mut res = "";
    for e in entries {
        if e.document != doc {
            doc = &e.document;
            res = "";
            let _ = writeln!(out, "\n## {doc}");
        }
        if e.resolution != res {
            res = &e.resolution;
            let topic = docs
                .iter()
                .flat_map(|d| &d.resolutions)
                .find(|r| r.code == res)
                .and_then(|r| r.topic.as_deref())
                .map(|t| format!(" — {t}"))
                .unwrap_or_default();
            let _ = writeln!(out, "\n### {res}{topic}");
        }
        let tags = if e.tags.is_empty() { String::new() } else { format!(" — {}", e.tags.join(", ")) };
        let orphan = if e.orphan { " (clause not found in this revision)" } else { "" };
        let _ = writeln!(out, "\n#### `{}`{tags}{orphan}\n", e.id);
        for line in e.text.lines() {
            let _ = writeln!(out, "> {line}");
        }
        if !e.note.trim().is_empty() {
            let _ = writeln!(out);
            for line in e.note.lines() {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    if entries.is_empty() {
        out.push_str("\nNo notes or tags yet.\n");
    }
    out
}

pub fn json(entries: &[Entry]) -> String {
    serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into())
}
