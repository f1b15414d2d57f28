//! Text → document model, in three passes: layout cleanup (lines, margin
//! numbers, page furniture, footnotes), segmentation into paragraphs, and
//! the structure builder. Every non-blank line ends up in exactly one place:
//! a node, the front matter, furniture, a footnote, or `unplaced`.

mod build;
mod code;
mod front;
pub(crate) mod ids;
mod inline;
pub mod label;
pub mod layout;
mod meta;
mod notes;
pub mod phrase;
pub mod segment;
mod sequence;
mod signature;
mod split;
mod tree;
pub mod vote;

pub(crate) use build::is_formula;

use std::sync::Arc;

use crate::document::model::{Document, Footnote, Resolution, SourceLine};
use layout::Kind;

/// Parse sanitised text. Never fails: what cannot be placed is listed in
/// `Document::unplaced`.
pub fn parse(text: &str, source: &str) -> Document {
    parse_shared(Arc::new(text.to_string()), source)
}

/// The same, keeping one-line paragraphs as ranges of `text` instead of
/// copies (the document keeps `text` alive).
pub fn parse_shared(text: Arc<String>, source: &str) -> Document {
    let mut doc = split::parse_in_parallel(&text);
    doc.source = source.to_string();
    complete(&mut doc, source);
    if let (Some(title), [res]) = (yaml_field(&text, "title"), doc.resolutions.as_mut_slice())
        && res.topic.is_none()
    {
        res.topic = Some(title);
    }
    doc
}

/// Layout, segmentation and structure for a whole text, before the
/// document-wide completion (codes, table votes, ids, title).
fn parse_structure(text: &str, shared: &Arc<String>) -> Document {
    let lines = layout::lines(text);
    structure(&lines, shared, segment::paragraph_per_line(&lines))
}

/// Segmentation and structure for a stretch of a text's marked lines (the
/// whole, or one half: see `split`). `one_line_paragraphs`: the whole
/// text's layout (`segment::paragraph_per_line`).
fn structure(lines: &[layout::Line<'_>], shared: &Arc<String>, one_line_paragraphs: bool) -> Document {
    let mut doc = Document::default();
    collect_furniture_and_footnotes(lines, &mut doc);
    let mut builder = build::Builder::new(doc, Arc::clone(shared));
    let split_lines = segment::for_each_block(lines, one_line_paragraphs, |block, next| {
        let next_readings = next.and_then(|n| n.label.as_ref()).map(|l| l.readings).unwrap_or_default();
        builder.block(&block, next_readings);
    });
    let mut doc = builder.finish();
    doc.split_lines.extend(split_lines);
    place_signatures(lines, &mut doc);
    code::assign_symbols(&mut doc, lines);
    // Ids of resolutions whose code was known when they closed were made
    // then (`Builder::close_resolution`); those given a code since, or a
    // part letter, get theirs here, on this half's thread. `complete`
    // makes the rest once codes are known.
    for res in doc.resolutions.iter_mut().filter(|r| !r.code.is_empty() && !ids::made_for_code(r)) {
        ids::assign(res);
    }
    doc
}

/// Signature lines are end matter of the resolution they close (the last
/// one opened before them): kept in its header, in line order, never
/// made clauses. Before any resolution they are the front matter's staff.
fn place_signatures(lines: &[layout::Line<'_>], doc: &mut Document) {
    if !lines.iter().any(|l| l.kind == Kind::Signature) {
        return;
    }
    let starts = notes::starts(doc);
    for line in lines.iter().filter(|l| l.kind == Kind::Signature) {
        // Before the first resolution's first line, a block closes nothing.
        let owner = notes::owner(&starts, line.no).filter(|&k| starts.get(k).is_some_and(|&s| s <= line.no));
        let text = line.text.to_string();
        match owner.and_then(|k| doc.resolutions.get_mut(k)) {
            Some(res) => {
                let at = res.header.partition_point(|h| h.line < line.no);
                res.header.insert(at, SourceLine { line: line.no, text });
                res.header_lines.push(line.no);
            }
            // Names and titles above every resolution head a conference's
            // documentation ("Director", "Chair" under their names): staff.
            None => {
                doc.front.lines.push(line.no);
                doc.front.staff.push(SourceLine { line: line.no, text });
            }
        }
    }
}

fn collect_furniture_and_footnotes(lines: &[layout::Line<'_>], doc: &mut Document) {
    for line in lines {
        match line.kind {
            Kind::Furniture => doc.furniture.push(line.no),
            Kind::Footnote => {
                let endnote = || {
                    layout::endnote_marker(line.text, true)
                        .map(|(_, body)| (&line.text[..line.text.len() - body.len()], body))
                };
                if line.text.chars().all(|c| c == '_') || layout::is_notes_heading(line.text) {
                    doc.furniture.push(line.no);
                } else if let Some((marker, body)) = layout::footnote_marker(line.text).or_else(endnote) {
                    let marker = marker.trim().trim_end_matches('.');
                    doc.footnotes.push(Footnote {
                        marker: marker.to_string(),
                        text: body.to_string(),
                        lines: vec![line.no],
                        clause: None,
                    });
                } else if layout::is_note_number(line.text) {
                    // A note's number on a line of its own (`pdftotext -layout`):
                    // its text follows.
                    doc.footnotes.push(Footnote {
                        marker: line.text.to_string(),
                        text: String::new(),
                        lines: vec![line.no],
                        clause: None,
                    });
                } else if let Some(last) = note_to_fill(&mut doc.footnotes) {
                    if !last.text.is_empty() {
                        last.text.push(' ');
                    }
                    last.text.push_str(line.text);
                    last.lines.push(line.no);
                } else {
                    doc.footnotes.push(Footnote {
                        marker: String::new(),
                        text: line.text.to_string(),
                        lines: vec![line.no],
                        clause: None,
                    });
                }
            }
            _ => {}
        }
    }
}

/// The note a line of footnote text belongs to: the last one, unless
/// numbers came first and their texts after (plain `pdftotext` prints a
/// page's note numbers, then the job number, then the notes' texts): then
/// the first note still without text, once the one being written has
/// ended its sentence.
fn note_to_fill(notes: &mut [Footnote]) -> Option<&mut Footnote> {
    let first_empty = notes.iter().position(|n| n.text.is_empty());
    let k = match first_empty {
        Some(e) if e > 0 && !notes[e - 1].text.is_empty() && !notes[e - 1].text.ends_with(['.', ')']) => e - 1,
        Some(e) => e,
        None => notes.len().checked_sub(1)?,
    };
    notes.get_mut(k)
}

/// A field of a converter's YAML front matter (`title: "…"`), if the text
/// opens with one.
fn yaml_field(text: &str, key: &str) -> Option<String> {
    let body = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n"))?;
    for line in body.lines().take(60) {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.trim().eq_ignore_ascii_case(key)
        {
            let v = v.trim().trim_matches(['"', '\'']).trim();
            return (!v.is_empty()).then(|| v.to_string());
        }
    }
    None
}

/// Fill in what is only known once the whole document is read: codes,
/// votes from the front-matter table, ids, and the document title.
fn complete(doc: &mut Document, source: &str) {
    let single = doc.resolutions.len() == 1;
    let title_line = doc.front.title_block.first().map(|l| l.text.clone()).filter(|t| code::is_designation(t));
    let front_lines = doc.front.title_block.clone();
    for (k, res) in doc.resolutions.iter_mut().enumerate() {
        meta::fill(res, if k == 0 { &front_lines } else { &[] });
    }
    // Resolutions without a code got no ids while they were read; a code
    // from their title ("80/120. Title") is known only now.
    let without_ids: Vec<bool> = doc.resolutions.iter().map(|r| r.code.is_empty()).collect();
    code::from_titles(doc);
    for (k, res) in doc.resolutions.iter_mut().enumerate() {
        if res.code.is_empty() {
            res.code = derived_code(res)
                .or_else(|| if single { title_line.clone() } else { None })
                .or_else(|| if k == 0 { code::symbol_in_file_name(source) } else { None })
                .or_else(|| if single { file_stem(source) } else { None })
                .unwrap_or_else(|| format!("Resolution {}", k + 1));
        }
        if without_ids.get(k).copied().unwrap_or(true) {
            ids::assign(res);
        }
        if let Some(row) = doc.front.adopted.iter().find(|r| r.code == res.code) {
            if res.vote.is_none() {
                res.vote = row.vote;
            }
            if res.topic.is_none() {
                res.topic = Some(row.topic.clone());
            }
        }
    }
    notes::resolve(doc);
    sequence::report(doc);
    doc.title = title(doc, source);
}

/// `RESOLUTION 898 (1994)` adopted by the Security Council → `S/RES/898 (1994)`.
fn derived_code(res: &Resolution) -> Option<String> {
    let (number, year) = res.header.iter().find_map(|l| build::resolution_heading(&l.text))?;
    let council = res.committee.as_deref().is_some_and(|c| c.contains("Security Council"))
        || res.header.iter().any(|l| l.text.contains("Security Council"))
        || res.formula.as_deref().is_some_and(|f| f.contains("Security Council"));
    Some(if council { format!("S/RES/{number} ({year})") } else { format!("Resolution {number} ({year})") })
}

fn file_stem(source: &str) -> Option<String> {
    std::path::Path::new(source).file_stem().map(|s| s.to_string_lossy().into_owned())
}

/// An official text is known by its symbol(s), not by the organ its title
/// block names (every General Assembly text says "General Assembly"): two
/// of them open at once must not share a title, and one resolution has the
/// same title whichever format it was read from (notes are keyed by it).
pub(crate) fn official_title(doc: &Document) -> Option<String> {
    if doc.front.conference.is_some()
        || doc.resolutions.is_empty()
        || !doc.resolutions.iter().all(|r| layout::is_symbol(&r.code))
    {
        return None;
    }
    let codes: Vec<&str> = doc.resolutions.iter().take(3).map(|r| r.code.as_str()).collect();
    let more = if doc.resolutions.len() > 3 { " …" } else { "" };
    Some(format!("{}{more}", codes.join(", ")))
}

fn title(doc: &Document, source: &str) -> String {
    let front = &doc.front;
    if let Some(title) = official_title(doc) {
        return title;
    }
    if let Some(body) = &front.body {
        let body = body.trim_end_matches('*').trim();
        return match &front.conference {
            Some(c) => format!("{body} — {c}"),
            None => body.to_string(),
        };
    }
    if let Some(first) = front.title_block.first() {
        return first.text.clone();
    }
    if let [res] = doc.resolutions.as_slice() {
        return res.code.clone();
    }
    std::path::Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string())
}
