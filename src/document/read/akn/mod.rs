//! Akoma Ntoso (the UN's AKN4UN profile) → the document model, straight
//! from the elements: the markup already says what is preamble, what is a
//! paragraph and what is an annex, so the text parser is not involved.
//!
//! - `xml`: bytes → element tree with line numbers (quick-xml).
//! - `meta`: symbol, title, organ, dates, agenda item, subjects, vote.
//! - `blocks`: body elements → headings and paragraphs, in order.
//! - `inline`: a paragraph's text, italics as `*…*`, footnotes out.
//! - `label`: `<num>` and typed labels (`(a)`, `(ii)`, `3.`).
//! - `assemble`: blocks → clauses at their levels, sections, annexes.
//!
//! Clause `lines` are lines of the XML file, which `reso` shows as the
//! source lines of a clause.

mod assemble;
mod blocks;
mod inline;
mod label;
mod meta;
mod words;
mod xml;

use blocks::Collector;
use inline::NoteTargets;
use xml::Element;

use crate::document::decode::{DecodeError, sanitize};
use crate::document::model::{Annex, Document, Footnote, Resolution, ResolutionMeta, SourceLine};
use crate::document::parse::ids;

/// Elements that are a whole document inside `akomaNtoso`.
const DOCUMENTS: &[&str] = &[
    "statement",
    "doc",
    "act",
    "bill",
    "amendment",
    "amendmentList",
    "debate",
    "debateReport",
    "judgment",
    "portion",
    "officialGazette",
];

pub fn read(bytes: &[u8], source: &str) -> Result<Document, DecodeError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(body).map_err(|e| {
        DecodeError::Unreadable(format!("Akoma Ntoso XML that is not UTF-8 (bad byte at offset {})", e.valid_up_to()))
    })?;
    let root = xml::parse(text).map_err(|e| DecodeError::Unreadable(format!("Akoma Ntoso: {e}")))?;
    if root.name != "akomaNtoso" {
        return Err(DecodeError::Unreadable(format!(
            "Akoma Ntoso: the root element is <{}>, not <akomaNtoso>",
            clean(&root.name)
        )));
    }
    let mut reader = Reader { doc: Document { source: source.to_string(), format: "akn", ..Document::default() } };
    let top = root.elements().find(|e| DOCUMENTS.contains(&e.name.as_str()) || e.name == "documentCollection");
    let Some(top) = top else {
        return Err(DecodeError::Unreadable("Akoma Ntoso: no document inside <akomaNtoso>".to_string()));
    };
    if top.name == "documentCollection" {
        reader.collection(&root, top);
    } else {
        let cover = reader.cover(top);
        let symbol = meta::symbol(top.child("coverPage")).map(|s| clean(&s));
        let code = symbol.clone().unwrap_or_default();
        reader.document(top, code, &Shared { cover, meta: top.child("meta") });
    }
    reader.finish(source);
    Ok(reader.doc)
}

/// What the parts of a collection share: the cover page and its metadata.
struct Shared<'x> {
    cover: meta::Cover,
    meta: Option<&'x Element>,
}

struct Reader {
    doc: Document,
}

impl Reader {
    /// The cover page goes to the front matter: it is the document's.
    fn cover(&mut self, doc: &Element) -> meta::Cover {
        let mut cover = meta::cover(doc.child("coverPage"));
        for l in &mut cover.lines {
            l.text = clean(&l.text);
        }
        self.doc.front.lines.extend(cover.lines.iter().map(|l| l.line));
        self.doc.front.title_block.extend(cover.lines.iter().cloned());
        self.doc.front.body = cover.organ.as_deref().map(clean);
        cover
    }

    /// `A/RES/77/128 A-B`: parts A and B, each a resolution coded with its letter.
    fn collection(&mut self, root: &Element, collection: &Element) {
        let cover = self.cover(collection);
        let symbol = meta::symbol(collection.child("coverPage")).map(|s| clean(&s)).unwrap_or_default();
        let base = meta::collection_base(&symbol).to_string();
        let shared = Shared { cover, meta: collection.child("meta") };
        let preface = meta::preface(collection.child("preface"));
        self.doc.front.lines.extend(preface.lines.iter().map(|l| l.line));
        self.doc
            .front
            .title_block
            .extend(preface.lines.iter().map(|l| SourceLine { line: l.line, text: clean(&l.text) }));
        // Parts are under `components` (beside or inside the collection),
        // or inside the collection body's components directly.
        let mut parts: Vec<&Element> = Vec::new();
        for holder in [Some(root), Some(collection), collection.child("collectionBody")].into_iter().flatten() {
            for comp in holder.elements().filter(|e| e.name == "components" || e.name == "collectionBody") {
                for c in comp.elements().filter(|e| e.name == "component") {
                    parts.extend(c.elements().filter(|e| DOCUMENTS.contains(&e.name.as_str())));
                }
            }
        }
        if parts.is_empty() {
            self.doc.notices.push("a document collection with no parts inside".to_string());
        }
        for (k, part) in parts.into_iter().enumerate() {
            let letter = meta::preface(part.child("preface")).number.map(|n| clean(&n));
            let code = match letter {
                Some(l) if !base.is_empty() => format!("{base} {l}"),
                Some(l) => l,
                None => format!("{base} ({})", k + 1),
            };
            self.document(part, code, &shared);
        }
    }

    /// One document: its resolution(s), annexes and footnotes.
    fn document(&mut self, doc: &Element, code: String, shared: &Shared<'_>) {
        let own_meta = doc.child("meta");
        let targets = note_targets(own_meta.or(shared.meta));
        let preface = meta::preface(doc.child("preface"));
        let conclusions = meta::conclusions(doc.child("conclusions"));
        let vote = meta::vote(own_meta).or_else(|| meta::vote(shared.meta));
        let mut subjects = meta::subjects(own_meta);
        if subjects.is_empty() {
            subjects = meta::subjects(shared.meta);
        }
        let mut sponsors = meta::sponsors(own_meta);
        if sponsors.is_empty() {
            sponsors = meta::sponsors(shared.meta);
        }
        let title = match (&preface.number, &preface.title) {
            (Some(n), Some(t)) => Some(format!("{n}. {t}")),
            (n, t) => t.clone().or(n.clone()),
        };
        let header: Vec<SourceLine> = preface
            .lines
            .iter()
            .chain(&conclusions.lines)
            .map(|l| SourceLine { line: l.line, text: clean(&l.text) })
            .collect();
        let res = Resolution {
            code,
            committee: shared.cover.organ.as_deref().map(clean),
            topic: preface.title.as_deref().map(clean),
            vote,
            sponsors: sponsors.iter().map(|s| clean(s)).collect(),
            header_lines: header.iter().map(|l| l.line).collect(),
            header,
            meta: ResolutionMeta {
                title: title.as_deref().map(clean),
                organ: shared.cover.organ.as_deref().map(clean),
                date: conclusions.date.as_deref().map(clean),
                meeting: conclusions.meeting.as_deref().map(clean),
                agenda_item: shared.cover.agenda_item.as_deref().map(clean),
                origin: shared.cover.origin.as_deref().map(clean),
                subjects: subjects.iter().map(|s| clean(s)).collect(),
            },
            ..Resolution::default()
        };
        let mut collector = Collector::new(&targets);
        collector.meta_notes();
        for part in doc.elements() {
            match part.name.as_str() {
                "preamble" => collector.preamble(part, 0),
                "mainBody" | "body" | "judgmentBody" | "debateBody" | "amendmentBody" | "collectionBody" => {
                    collector.body(part, 0)
                }
                "meta" | "coverPage" | "preface" | "conclusions" | "attachments" | "components" => {}
                other => collector
                    .unknown
                    .push((other.to_string(), SourceLine { line: part.line, text: clean(&part.plain_text()) })),
            }
        }
        let blocks = std::mem::take(&mut collector.blocks);
        let mut resolutions = assemble::resolution(blocks, res).resolutions;
        for quoted in std::mem::take(&mut collector.quoted) {
            resolutions.extend(assemble::resolution(quoted, Resolution::default()).resolutions);
        }
        self.take(&mut collector);
        if let Some(attachments) = doc.child("attachments")
            && let Some(first) = resolutions.first_mut()
        {
            for attachment in attachments.elements() {
                let annex = self.attachment(attachment, &targets);
                first.annexes.push(annex);
            }
        }
        let base = resolutions.first().map(|r| r.code.clone()).unwrap_or_default();
        for (k, res) in resolutions.iter_mut().enumerate() {
            if k > 0 {
                // A draft resolution quoted in this one: no code of its own;
                // its ids still need one that no other clause has.
                res.code = format!("{base} draft {k}");
                ids::assign(res);
                res.code = String::new();
                res.topic = Some(format!("Draft resolution quoted in {base}"));
            } else {
                ids::assign(res);
            }
        }
        self.doc.resolutions.extend(resolutions);
    }

    /// `attachment` → an annex: its heads (cover, preface, first headings)
    /// are its title; its preamble and body its clauses.
    fn attachment(&mut self, attachment: &Element, targets: &NoteTargets<'_>) -> Annex {
        let doc = attachment.elements().find(|e| DOCUMENTS.contains(&e.name.as_str())).unwrap_or(attachment);
        let mut annex = Annex { heading_lines: vec![attachment.line], ..Annex::default() };
        let mut heads: Vec<String> = Vec::new();
        for part in ["coverPage", "preface"] {
            if let Some(e) = doc.child(part) {
                let text = clean(&e.plain_text());
                if !text.is_empty() {
                    heads.push(text);
                    annex.heading_lines.push(e.line);
                }
            }
        }
        annex.title = heads.join(" — ");
        let mut collector = Collector::new(targets);
        for part in doc.elements() {
            match part.name.as_str() {
                "meta" | "coverPage" | "preface" | "attachments" => {}
                "preamble" => collector.preamble(part, 0),
                _ => collector.body(part, 0),
            }
        }
        let blocks = std::mem::take(&mut collector.blocks);
        self.take(&mut collector);
        let annex = assemble::annex(blocks, annex);
        if annex.title.is_empty() { Annex { title: "Annex".to_string(), ..annex } } else { annex }
    }

    /// Footnotes and unknown elements a collector found.
    fn take(&mut self, collector: &mut Collector<'_, '_>) {
        for note in collector.notes.drain(..) {
            self.doc.footnotes.push(Footnote {
                marker: clean(&note.marker),
                // Italics marks are for clause text; a footnote shows plain.
                text: clean(&note.text.replace('*', "")),
                lines: vec![note.line],
                clause: None,
            });
        }
        let mut names: Vec<String> = Vec::new();
        for (name, line) in collector.unknown.drain(..) {
            let name = clean(&name);
            if !names.contains(&name) {
                names.push(name.clone());
            }
            if !line.text.is_empty() {
                self.doc.unplaced.push(SourceLine { line: line.line, text: format!("<{name}> {}", clean(&line.text)) });
            }
        }
        if !names.is_empty() {
            self.doc.notices.push(format!(
                "elements this reader does not know, their text kept (listed as unplaced when outside a paragraph): {}",
                names.iter().map(|n| format!("<{n}>")).collect::<Vec<_>>().join(", ")
            ));
        }
    }

    fn finish(&mut self, source: &str) {
        let doc = &mut self.doc;
        doc.notices.dedup();
        // The symbol, as every format names an official text (notes are
        // keyed by it); else the resolution's code and topic.
        doc.title = match (crate::document::parse::official_title(doc), doc.resolutions.as_slice()) {
            (Some(title), _) => title,
            (None, [res]) => match &res.topic {
                Some(t) => format!("{} — {t}", res.code),
                None => res.code.clone(),
            },
            (None, _) => {
                doc.front.title_block.iter().find(|l| l.text.contains('/')).map(|l| l.text.clone()).unwrap_or_default()
            }
        };
        if doc.title.is_empty() {
            doc.title = std::path::Path::new(source)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| source.to_string());
        }
        if doc.resolutions.is_empty() {
            doc.notices.push("no resolution text in this Akoma Ntoso file".to_string());
        }
    }
}

/// Notes kept apart in `meta/notes`, for `noteRef`.
fn note_targets(meta: Option<&Element>) -> NoteTargets<'_> {
    let mut out = Vec::new();
    if let Some(notes) = meta.and_then(|m| m.child("notes")) {
        for n in notes.elements() {
            if let Some(id) = n.attr("eId").or(n.attr("id")) {
                out.push((id, n));
            }
        }
    }
    out
}

/// Untrusted text from the file, made safe for the terminal.
fn clean(text: &str) -> String {
    sanitize(text).into_owned()
}

#[cfg(test)]
mod tests;
