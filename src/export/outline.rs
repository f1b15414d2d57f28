//! `reso outline`: the clause tree as an indented outline (id, phrase,
//! first words), then anything that could not be placed. Written as it is
//! made, like `--json`: a large corpus's outline is never held whole.

use std::io::Write;

use crate::document::model::{Clause, Document, Vote};

/// How many words of a clause's text the outline shows after its phrase.
const FIRST_WORDS: usize = 8;

/// The outline as a string (for tests and small inputs).
pub fn outline(docs: &[Document]) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_outline(docs, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The outline written to `out` document by document.
pub fn write_outline(docs: &[Document], out: impl Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    for doc in docs {
        write_document(&mut out, doc)?;
    }
    out.flush()
}

fn write_document(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    writeln!(out, "{}  ({})", doc.title, doc.source)?;
    if let Some(note) = &doc.encoding_note {
        writeln!(out, "  note: {note}")?;
    }
    for notice in &doc.notices {
        let _ = writeln!(out, "  note: {notice}");
    }
    for res in &doc.resolutions {
        let topic = res.topic.as_deref().unwrap_or("");
        writeln!(out, "  {}  {}  [{}]", res.code, topic, vote_text(res.vote))?;
        if !res.preamble.is_empty() {
            writeln!(out, "    Preamble")?;
            for c in &res.preamble {
                write_clause(out, c, 3)?;
            }
        }
        if !res.operative.is_empty() {
            writeln!(out, "    Operative")?;
            let mut section: Option<&str> = None;
            for c in &res.operative {
                if c.section.is_some() && c.section.as_deref() != section {
                    section = c.section.as_deref();
                    writeln!(out, "      § {}", section.unwrap_or(""))?;
                }
                write_clause(out, c, 3)?;
            }
        }
        for annex in &res.annexes {
            writeln!(out, "    {}", annex.title)?;
            for c in annex.preamble.iter().chain(&annex.operative) {
                write_clause(out, c, 3)?;
            }
        }
    }
    if doc.resolutions.is_empty() {
        writeln!(out, "  (no resolution found)")?;
    }
    if !doc.unplaced.is_empty() {
        writeln!(out, "  Lines that could not be placed:")?;
        for l in &doc.unplaced {
            writeln!(out, "    line {}: {}", l.line, l.text)?;
        }
    }
    Ok(())
}

fn write_clause(out: &mut impl Write, c: &Clause, depth: usize) -> std::io::Result<()> {
    let indent = "  ".repeat(depth);
    writeln!(out, "{indent}{}  {}  {}", c.id, c.phrase(), first_words(c))?;
    for child in &c.children {
        write_clause(out, child, depth + 1)?;
    }
    Ok(())
}

/// The words after the phrase, without emphasis marks. Reads only as far
/// as the words it returns (a clause may be one 200 MB line, and this is
/// drawn for every visible row on every frame).
pub fn first_words(c: &Clause) -> String {
    // The phrase is short, the words are few: this much of the text holds
    // them unless a "word" is absurdly long, and then it is cut.
    const ENOUGH: usize = 600;
    let text: &str = &c.text;
    let head = &text[..floor_char_boundary(text, ENOUGH)];
    let cut = head.len() < text.len();
    let plain: String = head.chars().filter(|ch| *ch != '*').collect();
    let phrase = crate::document::parse::phrase::leading_phrase(head);
    let rest = plain.trim_start().strip_prefix(phrase.as_str()).unwrap_or(&plain);
    let rest = rest.trim_start_matches([',', ':', ';', ' ']);
    let words: Vec<&str> = rest.split_whitespace().take(FIRST_WORDS + 1).collect();
    let more = words.len() > FIRST_WORDS || (cut && !words.is_empty());
    let mut s = words[..words.len().min(FIRST_WORDS)].join(" ");
    if more {
        s.push('…');
    }
    s
}

/// The largest char boundary at or before `at`.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
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
