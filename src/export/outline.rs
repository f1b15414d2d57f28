//! `reso outline`: the clause tree as an indented outline (id, phrase,
//! first words), then anything that could not be placed.

use std::fmt::Write;

use crate::document::model::{Clause, Document, Vote};

/// How many words of a clause's text the outline shows after its phrase.
const FIRST_WORDS: usize = 8;

pub fn outline(docs: &[Document]) -> String {
    let mut out = String::new();
    for doc in docs {
        write_document(&mut out, doc);
    }
    out
}

fn write_document(out: &mut String, doc: &Document) {
    let _ = writeln!(out, "{}  ({})", doc.title, doc.source);
    if let Some(note) = &doc.encoding_note {
        let _ = writeln!(out, "  note: {note}");
    }
    for notice in &doc.notices {
        let _ = writeln!(out, "  note: {notice}");
    }
    for res in &doc.resolutions {
        let topic = res.topic.as_deref().unwrap_or("");
        let _ = writeln!(out, "  {}  {}  [{}]", res.code, topic, vote_text(res.vote));
        if !res.preamble.is_empty() {
            let _ = writeln!(out, "    Preamble");
            for c in &res.preamble {
                write_clause(out, c, 3);
            }
        }
        if !res.operative.is_empty() {
            let _ = writeln!(out, "    Operative");
            let mut section: Option<&str> = None;
            for c in &res.operative {
                if c.section.is_some() && c.section.as_deref() != section {
                    section = c.section.as_deref();
                    let _ = writeln!(out, "      § {}", section.unwrap_or(""));
                }
                write_clause(out, c, 3);
            }
        }
        for annex in &res.annexes {
            let _ = writeln!(out, "    {}", annex.title);
            for c in annex.preamble.iter().chain(&annex.operative) {
                write_clause(out, c, 3);
            }
        }
    }
    if doc.resolutions.is_empty() {
        let _ = writeln!(out, "  (no resolution found)");
    }
    if !doc.unplaced.is_empty() {
        let _ = writeln!(out, "  Lines that could not be placed:");
        for l in &doc.unplaced {
            let _ = writeln!(out, "    line {}: {}", l.line, l.text);
        }
    }
}

fn write_clause(out: &mut String, c: &Clause, depth: usize) {
    let indent = "  ".repeat(depth);
    let _ = writeln!(out, "{indent}{}  {}  {}", c.id, c.phrase(), first_words(c));
    for child in &c.children {
        write_clause(out, child, depth + 1);
    }
}

/// The words after the phrase, without emphasis marks.
pub fn first_words(c: &Clause) -> String {
    let plain: String = c.text.chars().filter(|ch| *ch != '*').collect();
    let rest = plain.trim_start().strip_prefix(c.phrase().as_str()).unwrap_or(&plain);
    let rest = rest.trim_start_matches([',', ':', ';', ' ']);
    let words: Vec<&str> = rest.split_whitespace().take(FIRST_WORDS + 1).collect();
    let more = words.len() > FIRST_WORDS;
    let mut s = words[..words.len().min(FIRST_WORDS)].join(" ");
    if more {
        s.push('…');
    }
    s
}

pub fn vote_text(vote: Option<Vote>) -> String {
    match vote {
        None => "vote not stated".into(),
        Some(Vote::WithoutVote) => "adopted without a vote".into(),
        Some(Vote::Unanimous) => "adopted unanimously".into(),
        Some(Vote::Recorded { in_favour, against, abstentions }) => {
            format!("{in_favour}–{against}–{abstentions}")
        }
    }
}
