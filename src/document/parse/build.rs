//! Blocks → resolutions. A small state machine: front matter, then for each
//! resolution its header, preamble, operative part and annexes.

use std::sync::Arc;

use compact_str::CompactString;

use super::front::{self, Section};
use super::label::{Class, Reading, Readings};
use super::label::{roman_value, split_label};
use super::layout::masthead_symbol;
use super::phrase::{self, Opening, starts_with_phrase};
use super::segment::{Block, field, is_annex_heading};
use super::tree::{MAX_DEPTH, Open, insert, open_at, place};
use super::vote::parse_vote;
use crate::document::model::{Annex, Clause, Document, LineSpan, Resolution, SourceLine};
use crate::document::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Front(Section),
    /// A resolution is open but no clause has been seen yet.
    Header,
    Body,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Preamble,
    Operative,
}

pub struct Builder {
    pub doc: Document,
    /// The decoded source: one-line paragraphs keep their text as a range
    /// of it.
    source: Arc<String>,
    mode: Mode,
    res: Option<Resolution>,
    part: Part,
    stack: Vec<Open>,
    section: Option<String>,
    /// The previous block was a section heading (`A`, `I. …`).
    after_section_heading: bool,
    /// The previous block was an annex heading (its subtitle may follow).
    after_annex_heading: bool,
    /// The label readings of the block after this one, if it has a label.
    next: Readings,
    /// This resolution (or annex) numbers its paragraphs `1.` …
    dotted: bool,
    /// … or `(1)` (then a bracketed number is never read as an item).
    bracketed_top: bool,
}

impl Builder {
    pub fn new(doc: Document, source: Arc<String>) -> Self {
        Builder {
            doc,
            source,
            mode: Mode::Front(Section::Title),
            res: None,
            part: Part::Preamble,
            stack: Vec::new(),
            section: None,
            after_section_heading: false,
            after_annex_heading: false,
            next: Readings::default(),
            dotted: false,
            bracketed_top: false,
        }
    }

    pub fn finish(mut self) -> Document {
        self.close_resolution();
        front::describe(&mut self.doc.front);
        self.doc
    }

    pub fn block(&mut self, block: &Block<'_>, next: Readings) {
        self.next = next;
        let was_section = std::mem::take(&mut self.after_section_heading);
        let was_annex = std::mem::take(&mut self.after_annex_heading);
        let text = block.first_text();
        if block.label.is_none()
            && let Some((key, value)) = field(text)
        {
            self.field(key, value, block);
            return;
        }
        if starts_resolution(block) && !matches!(self.mode, Mode::Header) {
            self.open_resolution();
        }
        // A second opening formula after clauses: the next part of a
        // resolution in parts (`B`, its title, "The General Assembly,") or
        // the next resolution of a file that prints no symbols.
        if self.mode == Mode::Body
            && block.label.is_none()
            && may_be_formula(block)
            && self
                .res
                .as_ref()
                .is_some_and(|r| r.annexes.is_empty() && !(r.preamble.is_empty() && r.operative.is_empty()))
            && is_formula(&block.joined())
        {
            let part = if was_section { self.section.as_deref().and_then(part_title) } else { None };
            self.open_resolution();
            if let Some(res) = self.res.as_mut() {
                res.meta.title = part;
            }
        }
        match self.mode {
            Mode::Front(Section::Title) if block.label.is_none() && is_formula(&block.joined()) => {
                let recital = self.recital_before_therefore(block);
                self.open_resolution();
                self.header(block);
                if let Some(clause) = recital {
                    self.roots().push(clause);
                    self.stack = vec![Open { class: Class::Number, ordinal: 0 }];
                }
            }
            Mode::Front(section) => self.front(section, block),
            Mode::Header => self.header(block),
            Mode::Body => self.body(block, was_section, was_annex),
        }
    }

    /// S/RES/4 (1946) states its ground before its formula: "4 (1946).
    /// Resolution of …", "The attention of the Security Council has been
    /// drawn …;", then "Therefore the Security Council,". What stands
    /// between the title line and a formula opening with "Therefore" is
    /// the resolution's first preambular paragraph, taken out of the title
    /// block, when it reads as one (a sentence of eight words or more
    /// ending with `;` or `,`).
    fn recital_before_therefore(&mut self, block: &Block<'_>) -> Option<Clause> {
        if !block.first_text().starts_with("Therefore") || self.doc.front.title_block.len() < 2 {
            return None;
        }
        let lines = &self.doc.front.title_block[1..];
        let text = lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join(" ");
        if text.split_whitespace().count() < 8 || !text.ends_with([';', ',']) || !text.starts_with(char::is_uppercase) {
            return None;
        }
        let first = lines.first()?.line;
        let last = lines.last()?.line;
        self.doc.front.title_block.truncate(1);
        self.doc.front.lines.retain(|&l| l < first || l > last);
        Some(Clause {
            id: CompactString::default(),
            label: CompactString::default(),
            section: None,
            text: Text::from(text),
            children: Vec::new(),
            lines: LineSpan::new(first, last),
        })
    }

    fn front(&mut self, section: Section, block: &Block<'_>) {
        if block.label.is_none()
            && let Some(next) = front::heading(block.first_text())
        {
            self.doc.front.lines.extend(block.parts.iter().map(|p| p.0));
            self.mode = Mode::Front(next);
            return;
        }
        // A document that opens straight into clauses (a pasted draft).
        let clause_like = match &block.label {
            // A title such as an agenda item's ("Strengthening of the
            // coordination…") has no closing punctuation; a clause has.
            None => {
                let joined = block.joined();
                starts_with_phrase(block.first_text())
                    && joined.split_whitespace().count() >= 6
                    && joined.trim_end_matches(|c: char| c.is_ascii_digit() || c == ']').ends_with([',', ';', ':', '.'])
            }
            Some(l) => l.readings.iter().any(|r| r.class == Class::Number) && starts_with_phrase(block.first_text()),
        };
        if clause_like && section == Section::Title {
            self.open_resolution();
            self.mode = Mode::Body;
            self.body(block, false, false);
            return;
        }
        // A `* text` line in the title block is the footnote its `*` marks.
        if section == Section::Title && block.label.as_ref().is_some_and(|l| l.printed == "*") {
            self.doc.footnotes.push(crate::document::model::Footnote {
                marker: "*".into(),
                text: block.joined(),
                lines: block.parts.iter().map(|p| p.0).collect(),
                clause: None,
            });
            return;
        }
        front::add(&mut self.doc.front, section, block);
    }

    fn field(&mut self, key: &str, value: &str, block: &Block<'_>) {
        let needs_new = match &self.res {
            None => true,
            Some(r) => {
                let has_clauses = !r.preamble.is_empty() || !r.operative.is_empty();
                has_clauses || (key == "code" && !r.code.is_empty()) || self.mode == Mode::Body
            }
        };
        if needs_new {
            self.open_resolution();
        }
        let mut value = value.to_string();
        for (_, more) in block.parts.iter().skip(1) {
            value.push(' ');
            value.push_str(more);
        }
        if self.res.is_none() {
            self.unplaced(block);
            return;
        }
        let Some(res) = self.res.as_mut() else { return };
        res.header_lines.extend(block.parts.iter().map(|p| p.0));
        match key {
            "code" => res.code = value,
            "committee" => res.committee = Some(value),
            "topic" => res.topic = Some(value),
            "sponsors" => res.sponsors.extend(split_names(&value)),
            "signatories" => res.signatories.extend(split_names(&value)),
            "vote" => res.vote = parse_vote(&value),
            _ => res.header.push(SourceLine { line: block.parts[0].0, text: value }),
        }
    }

    fn header(&mut self, block: &Block<'_>) {
        let text = block.joined();
        if block.label.is_none() && is_formula(&text) {
            match self.res.as_mut() {
                Some(res) => {
                    if res.meta.title.is_none() {
                        res.meta.title = part_in_header(&res.header);
                    }
                    res.formula = Some(text);
                    res.header_lines.extend(block.parts.iter().map(|p| p.0));
                }
                None => self.unplaced(block),
            }
            self.mode = Mode::Body;
            self.part = Part::Preamble;
            return;
        }
        let clause_like = match &block.label {
            None => {
                let lower = text.to_lowercase();
                starts_with_phrase(&text)
                    && text.split_whitespace().count() >= 4
                    && !lower.starts_with("adopted")
                    && !lower.starts_with("resolution")
            }
            // `A. Information in the service of humanity`: a part's heading.
            Some(l) if l.readings.iter().any(|r| r.class == Class::Upper) && section_heading(block).is_some() => false,
            Some(_) => true,
        };
        if clause_like {
            self.mode = Mode::Body;
            self.part = Part::Preamble;
            self.body(block, false, false);
            return;
        }
        self.header_line(block);
    }

    /// Header material: code, organ, date, "Adopted … by N votes …".
    fn header_line(&mut self, block: &Block<'_>) {
        if self.res.is_none() {
            self.unplaced(block);
            return;
        }
        let Some(res) = self.res.as_mut() else { return };
        res.header_lines.extend(block.parts.iter().map(|p| p.0));
        let text = match &block.label {
            Some(l) => format!("{}. {}", l.printed, block.joined()),
            None => block.joined(),
        };
        if let Some(symbol) = masthead_symbol(&text)
            && res.code.is_empty()
        {
            res.code = symbol.to_string();
        }
        if let Some((organ, _)) = text.split_once("Distr.")
            && res.committee.is_none()
            && !organ.trim().is_empty()
        {
            res.committee = Some(organ.trim().to_string());
        }
        // "80/53. Strengthening the coordination…": number and title.
        if let Some((number, title)) = text.split_once(". ") {
            let numbered = number.split('/').count() == 2
                && number.split('/').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if numbered && res.topic.is_none() {
                res.topic = Some(title.to_string());
            }
        }
        let lower = text.to_lowercase();
        let lower = lower.trim_start_matches('(');
        if lower.starts_with("adopted") || lower.contains("votes to") || lower.contains("recorded vote") {
            if res.vote.is_none() {
                res.vote = parse_vote(&text);
            }
            if res.committee.is_none()
                && let Some(organ) = organ_in(&text)
            {
                res.committee = Some(organ);
            }
        }
        res.header.push(SourceLine { line: block.parts[0].0, text });
    }

    fn body(&mut self, block: &Block<'_>, was_section: bool, was_annex: bool) {
        let text = block.first_text();
        if block.parts.len() == 1 && block.after_break && block.label.is_none() && is_annex_heading(text) {
            self.open_annex(text, block);
            return;
        }
        // The annex's title, on a line or wrapped over two or three ("Political
        // declaration of the high-level meeting …" before paragraph 1,
        // "Letter dated … addressed to the Secretary-General").
        let last = block.parts.last().map(|p| p.1).unwrap_or("");
        let wrapped_title = block.parts.len() <= 3
            && (!self.next.is_empty() || text.starts_with("Letter dated") || text.starts_with("Note verbale"));
        if was_annex
            && block.label.is_none()
            && (block.parts.len() == 1 || wrapped_title)
            && block.before_break
            && is_subtitle(last)
        {
            match self.res.as_mut().and_then(|r| r.annexes.last_mut()) {
                Some(annex) => {
                    annex.title.push_str(" — ");
                    annex.title.push_str(&block.joined());
                    annex.heading_lines.extend(block.parts.iter().map(|p| p.0));
                }
                None => self.unplaced(block),
            }
            self.after_annex_heading = true;
            return;
        }
        // Right after a heading, a short line is its title (below), not a
        // heading of its own.
        let unnumbered = if was_section { None } else { self.unnumbered_heading(block) };
        let heading = section_heading(block).or_else(|| self.next_lettered_section(block)).or(unnumbered);
        if let Some(heading) = heading {
            // Under a numbered section (`II. …`) an unnumbered heading is a
            // sub-heading: the clauses stay in their section.
            let numbered = |h: &str| {
                split_label(h).is_some() || h.len() == 1 || roman_value(h.split(' ').next().unwrap_or("")).is_some()
            };
            if numbered(&heading) || !self.section.as_deref().is_some_and(numbered) {
                self.section = Some(heading);
            }
            self.stack.clear();
            self.after_section_heading = true;
            match self.res.as_mut() {
                Some(res) => res.header_lines.extend(block.parts.iter().map(|p| p.0)),
                None => self.unplaced(block),
            }
            return;
        }
        // "A" then "Assistance to victims": the heading's title on its own line.
        if was_section
            && block.label.is_none()
            && block.standalone()
            && is_subtitle(text)
            && text.split_whitespace().count() <= 12
            && let (Some(section), Some(res)) = (self.section.as_mut(), self.res.as_mut())
        {
            section.push_str(" — ");
            section.push_str(text);
            res.header_lines.extend(block.parts.iter().map(|p| p.0));
            self.after_section_heading = true;
            return;
        }
        let joined = block.text_in(&self.source);
        let unbracketed = joined.trim_start_matches('(');
        let adopted = unbracketed.get(..8).is_some_and(|p| p.eq_ignore_ascii_case("adopted "));
        let closing = joined.len() < 60
            && (joined.to_lowercase().contains("plenary meeting")
                || super::front::looks_like_date(&joined) && joined.len() < 30);
        if block.label.is_none() && (adopted || closing) {
            self.header_line(block);
            return;
        }
        match &block.label {
            None => self.paragraph(block, joined, was_section),
            Some(label) => {
                let mut readings = label.readings;
                let mut printed = CompactString::from(label.printed);
                let bracketed_number = label.bracketed && readings.iter().any(|r| r.class == Class::Number);
                // A text that numbers its paragraphs `(1)`, `(2)` (an
                // annex's list of entries) has no misread letters.
                let misread = bracketed_number && !self.bracketed_top;
                if misread && let Some((letter, reading)) = self.misread_item(label.printed, block) {
                    printed = CompactString::from(letter);
                    readings = Readings::one(reading);
                }
                // `(2)` under a paragraph printed `1.` is one of its items.
                let as_item = misread && self.dotted && !self.stack.is_empty();
                self.item(block, printed, readings.as_slice(), joined, as_item);
            }
        }
    }

    fn paragraph(&mut self, block: &Block<'_>, text: Text, was_section: bool) {
        // Read by meaning only where no number decides (the phrase costs a
        // little, and most paragraphs are preambular ones before numbers).
        let unnumbered_part = self.part == Part::Operative && self.roots().last().is_some_and(|c| c.label.is_empty());
        let opening = if unnumbered_part || was_section { phrase::opening(&text) } else { None };
        // An unnumbered paragraph that opens with an operative verb
        // ("Decides…", "Requests the Secretary-General…") is operative, among
        // unnumbered operative paragraphs: under a numbered one, an
        // unnumbered paragraph goes on with it.
        let sentence = text.trim_end_matches(|c: char| c.is_ascii_digit()).ends_with([';', '.', ':', ',']);
        let council = unnumbered_part && phrase::council_acts(&text);
        if (opening == Some(Opening::Operative) || council) && unnumbered_part && sentence {
            self.unnumbered_operative(text, block);
            return;
        }
        // "Adopts the following declaration:" among preambular paragraphs,
        // or "Decides …;" after numbered ones whose sentence has ended: an
        // operative paragraph of its own, by the rule that an unnumbered
        // paragraph opening with a capital is one. Its verb must be a listed
        // one and its sentence must end as an operative paragraph's does
        // (a preambular one ends with a comma), so that neither a
        // preambular paragraph nor a wrapped sentence is taken for one.
        if self.own_operative(&text) {
            self.unnumbered_operative(text, block);
            return;
        }
        let preambular = self.part == Part::Preamble
            || self.stack.is_empty()
            || (was_section && opening == Some(Opening::Preambular));
        if preambular {
            if self.part == Part::Operative {
                self.part = Part::Preamble;
            }
            let clause = self.clause(CompactString::default(), text, block);
            let section = self.section.clone();
            let roots = self.roots();
            roots.push(Clause { section, ..clause });
            // Items that follow nest under this paragraph; numbered ones
            // start the operative part instead (see `item`).
            self.stack = vec![Open { class: Class::Number, ordinal: 0 }];
            return;
        }
        // An unlabelled paragraph after an operative item continues it.
        let depth = self.stack.len().saturating_sub(1);
        let last = block.parts.last().map(|p| p.0).unwrap_or(0);
        match open_at(self.roots(), depth) {
            Some(open) => {
                let own = open.text.to_mut();
                own.push('\n');
                own.push_str(&text);
                open.lines.extend_to(last);
            }
            None => self.unplaced(block),
        }
    }

    /// An unnumbered operative paragraph of its own, at the top level of
    /// the operative part (under the current section).
    fn unnumbered_operative(&mut self, text: Text, block: &Block<'_>) {
        self.part = Part::Operative;
        let mut clause = self.clause(CompactString::default(), text, block);
        clause.section = self.section.clone();
        self.roots().push(clause);
        self.stack = vec![Open { class: Class::Number, ordinal: 0 }];
    }

    /// Does this unnumbered paragraph stand as an operative one of its own
    /// (see `paragraph`)? After an operative paragraph, only when that
    /// one's last item has ended its sentence (`;` or `.`): text after a
    /// comma or a colon goes on with it.
    fn own_operative(&mut self, text: &str) -> bool {
        // "Determines that this action constitutes a breach of the peace;
        // and" leads into the next operative paragraph.
        let ends = matches!(final_punctuation(text), Some(';' | '.' | ':')) || text.trim_end().ends_with("; and");
        if !ends || !phrase::opens_with_listed_verb(text) {
            return false;
        }
        if self.part == Part::Preamble {
            return true;
        }
        let depth = self.stack.len().saturating_sub(1);
        open_at(self.roots(), depth).is_some_and(|open| matches!(final_punctuation(&open.text), Some(';' | '.')))
    }

    /// A heading without a number among operative paragraphs ("Human
    /// rights, governance and the rule of law"): a short line standing
    /// alone, not a sentence, not opening with a clause's phrase.
    fn unnumbered_heading(&self, block: &Block<'_>) -> Option<String> {
        if block.label.is_some() || !block.standalone() || self.part != Part::Operative {
            return None;
        }
        let text = block.first_text();
        if text.len() >= 140 || text.ends_with([';', ',', ':', '.']) {
            return None;
        }
        // A long title ("Political declaration on the implementation of …")
        // heads the numbered paragraphs that follow it.
        let numbered_next = self.next.iter().any(|r| r.class == Class::Number);
        let most = if numbered_next { 30 } else { 16 };
        let words = text.split_whitespace().take(most + 1).count();
        let heading = words <= most
            && text.starts_with(|c: char| c.is_uppercase())
            // Before a numbered paragraph only a listed verb or preambular
            // word opens a clause: "Commitments to action" (a noun in -s)
            // is a title.
            && if numbered_next {
                !phrase::opens_clause(text)
            } else {
                phrase::opening(text).is_none() && (words == 1 || !starts_with_phrase(text))
            };
        heading.then(|| text.to_string())
    }

    /// "B. Plebiscite" printed right under a paragraph's last line (no
    /// blank line above it) after the section "A. Restoration of peace and
    /// order": the next section's heading, as the letters run, not an item.
    fn next_lettered_section(&self, block: &Block<'_>) -> Option<String> {
        let label = block.label.as_ref()?;
        let current = self.section.as_deref()?;
        let mut chars = current.chars();
        let letter = chars.next().filter(char::is_ascii_uppercase)?;
        if !(chars.as_str().is_empty() || chars.as_str().starts_with(". ")) {
            return None;
        }
        let next = u32::from(letter) - u32::from('A') + 2;
        let follows = label.readings.iter().any(|r| r.class == Class::Upper && r.ordinal == next);
        if !follows || block.parts.len() != 1 || !block.before_break {
            return None;
        }
        // Otherwise a heading as `section_heading` reads one.
        let alone =
            Block { label: block.label.clone(), parts: block.parts.clone(), after_break: true, before_break: true };
        section_heading(&alone)
    }

    /// Lines that fit nowhere: listed, so nothing is silently lost.
    fn unplaced(&mut self, block: &Block<'_>) {
        let label = block.label.as_ref().map(|l| l.printed);
        for (i, (line, text)) in block.parts.iter().enumerate() {
            let text = match (i, label) {
                (0, Some(l)) => format!("{l} {text}"),
                _ => text.to_string(),
            };
            self.doc.unplaced.push(SourceLine { line: *line, text });
        }
    }

    /// An item label the OCR misread: `(6)` or `(5)` where `(b)` is due
    /// (after `(a)`, and before `(c)` or `(b)`'s lookalike), `(1)` where
    /// `(i)` is due (before `(ii)`). The label the sequence makes certain,
    /// as printed and as read; the change is told in `Document::notices`.
    fn misread_item(&mut self, printed: &str, block: &Block<'_>) -> Option<(&'static str, Reading)> {
        let lower = |ordinal| Reading { class: Class::Lower, ordinal };
        let (letter, reading) = match printed {
            // `b` after an open `a` (the deepest lettered list).
            "5" | "6"
                if self.stack.iter().rev().find(|o| o.class == Class::Lower).is_some_and(|o| o.ordinal == 1)
                    && (self.next.is_empty() || self.next.iter().any(|&r| r == lower(3))) =>
            {
                ("b", lower(2))
            }
            // `i` opening numerals that `ii` goes on with.
            "1" if self.next.iter().any(|r| r.class == Class::LowerRoman && r.ordinal == 2)
                && !self.stack.iter().any(|o| o.class == Class::LowerRoman) =>
            {
                ("i", Reading { class: Class::LowerRoman, ordinal: 1 })
            }
            _ => return None,
        };
        let line = block.parts.first().map(|p| p.0).unwrap_or(0);
        self.doc.notices.push(format!(
            "line {line}: item ({printed}) read as ({letter}), as its neighbours number it (a misprint or OCR misreading)"
        ));
        Some((letter, reading))
    }

    fn item(&mut self, block: &Block<'_>, printed: CompactString, readings: &[Reading], text: Text, as_item: bool) {
        let number = readings.iter().find(|r| r.class == Class::Number).copied().filter(|_| !as_item);
        if number.is_some() {
            if block.label.as_ref().is_some_and(|l| l.bracketed) {
                self.bracketed_top = true;
            } else {
                self.dotted = true;
            }
        }
        let (depth, reading) = match number {
            Some(r) => {
                if self.part == Part::Preamble {
                    self.part = Part::Operative;
                }
                (0, r)
            }
            None if self.stack.is_empty() && self.part == Part::Preamble => {
                self.part = Part::Operative;
                place(&[], readings)
            }
            // A bracketed number among items: beside the open items of a
            // list, or the first of its own under the paragraph.
            None if as_item => {
                let reading = readings.first().copied().unwrap_or(Reading { class: Class::Number, ordinal: 1 });
                let items = || self.stack.iter().enumerate().skip(1).rev();
                let open = items()
                    .find(|(_, o)| o.class == reading.class)
                    .or_else(|| items().find(|(_, o)| o.class != Class::Number))
                    .map(|(d, _)| d);
                (open.unwrap_or(self.stack.len()), reading)
            }
            None => place(&self.stack, readings),
        };
        // `i` after `h` is the letter, unless `ii` comes next: then it opens
        // a list of numerals under `h`.
        let numerals_follow = self.next.iter().any(|r| r.class == Class::LowerRoman && r.ordinal == 2)
            && !self.next.iter().any(|r| r.class == Class::Lower && r.ordinal == 10);
        let (depth, reading) = if reading == (Reading { class: Class::Lower, ordinal: 9 }) && numerals_follow {
            (self.stack.len(), Reading { class: Class::LowerRoman, ordinal: 1 })
        } else {
            (depth, reading)
        };
        let depth = depth.min(MAX_DEPTH);
        // Items run into a wrapped paragraph: a numbered one's after its
        // colon ("Requests the Secretary-General: (a) to report …; (b) …")
        // or the next items after an item's `;`. A line of its own is cut
        // before it gets here (`inline`); over several lines, the joined
        // text is.
        let items = if block.parts.len() > 1 && memchr::memchr2(b':', b';', text.as_bytes()).is_some() {
            let own = (number.is_none()).then_some(printed.as_str());
            super::inline::run_in_items(&text, own).map(|p| p.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        } else {
            None
        };
        let text = match &items {
            Some(pieces) => Text::from(pieces[0].clone()),
            None => text,
        };
        let spans = items.as_ref().map(|pieces| self.piece_spans(block, pieces)).unwrap_or_default();
        let mut clause = self.clause(printed, text, block);
        if let Some(first) = spans.first() {
            clause.lines = *first;
        }
        if depth == 0 {
            clause.section = self.section.clone();
        }
        self.stack.truncate(depth);
        insert(self.roots(), depth, clause);
        self.stack.push(Open { class: reading.class, ordinal: reading.ordinal });
        for (piece, lines) in items.iter().flatten().zip(spans).skip(1) {
            let Some((label, rest)) = split_label(piece) else { continue };
            let (depth, reading) = place(&self.stack, label.readings.as_slice());
            let depth = depth.min(MAX_DEPTH);
            let mut item = self.clause(CompactString::from(label.printed), Text::from(rest.to_string()), block);
            item.lines = lines;
            self.stack.truncate(depth);
            insert(self.roots(), depth, item);
            self.stack.push(Open { class: reading.class, ordinal: reading.ordinal });
        }
    }

    /// The lines each piece of a paragraph cut apart holds: from the line
    /// its label is on to the line the next piece starts on. A line two
    /// pieces share is listed in `split_lines`, so it counts once.
    fn piece_spans(&mut self, block: &Block<'_>, pieces: &[String]) -> Vec<LineSpan> {
        let last = block.parts.last().map(|p| p.0).unwrap_or(0);
        let mut starts = Vec::with_capacity(pieces.len());
        let mut part = 0;
        for (k, piece) in pieces.iter().enumerate() {
            if k > 0 {
                // The label and the word after it, as the line prints them.
                let head: String = piece.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
                if let Some(found) = block.parts[part..].iter().position(|(_, t)| t.contains(head.as_str())) {
                    part += found;
                }
            }
            starts.push(block.parts.get(part).map(|p| p.0).unwrap_or(last));
        }
        let mut spans = Vec::with_capacity(pieces.len());
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(last).max(start);
            spans.push(LineSpan::new(start, end));
            if starts.get(k + 1) == Some(&end) {
                self.doc.split_lines.push(end);
            }
        }
        spans
    }

    fn clause(&self, label: CompactString, text: Text, block: &Block<'_>) -> Clause {
        Clause { id: CompactString::default(), label, section: None, text, children: Vec::new(), lines: span(block) }
    }

    /// The list that top-level clauses go into now.
    fn roots(&mut self) -> &mut Vec<Clause> {
        if self.res.is_none() {
            self.open_resolution();
            self.mode = Mode::Body;
        }
        let part = self.part;
        let res = self.res.get_or_insert_with(Resolution::default);
        match (res.annexes.last_mut(), part) {
            (Some(a), Part::Preamble) => &mut a.preamble,
            (Some(a), Part::Operative) => &mut a.operative,
            (None, Part::Preamble) => &mut res.preamble,
            (None, Part::Operative) => &mut res.operative,
        }
    }

    fn open_annex(&mut self, title: &str, block: &Block<'_>) {
        if self.res.is_none() {
            self.unplaced(block);
            return;
        }
        let Some(res) = self.res.as_mut() else { return };
        res.annexes.push(Annex {
            title: title.trim_end_matches(':').to_string(),
            heading_lines: block.parts.iter().map(|p| p.0).collect(),
            ..Annex::default()
        });
        self.part = Part::Preamble;
        self.stack.clear();
        self.section = None;
        self.dotted = false;
        self.bracketed_top = false;
        self.after_annex_heading = true;
    }

    fn open_resolution(&mut self) {
        self.close_resolution();
        self.res = Some(Resolution::default());
        self.mode = Mode::Header;
        self.part = Part::Preamble;
        self.stack.clear();
        self.section = None;
        self.dotted = false;
        self.bracketed_top = false;
    }

    fn close_resolution(&mut self) {
        if let Some(mut res) = self.res.take() {
            operative_by_meaning(&mut res.preamble, &mut res.operative);
            for a in &mut res.annexes {
                operative_by_meaning(&mut a.preamble, &mut a.operative);
            }
            // Lists grew by doubling while the resolution was read; give the
            // slack back now, so a large corpus never holds it all at once.
            shrink(&mut res.preamble);
            shrink(&mut res.operative);
            for a in &mut res.annexes {
                shrink(&mut a.preamble);
                shrink(&mut a.operative);
            }
            // Ids now, while its clauses are in the cache, if its code is
            // known (a later pass over a 50 MB corpus finds them in memory);
            // `parse_structure` gives the others theirs once codes are known.
            if !res.code.is_empty() {
                super::ids::assign(&mut res);
            }
            self.doc.resolutions.push(res);
        }
    }
}

/// A resolution whose operative paragraphs carry no numbers (Security
/// Council resolutions of 1949, "Decides to include…" alone): its
/// preamble was read to the end; the paragraphs from the first one that
/// opens with an operative verb on are its operative part. (One that also
/// ends as an operative paragraph does, with `;`, `.` or `:`, was made
/// operative as it was read: see `Builder::own_operative`.)
fn operative_by_meaning(preamble: &mut Vec<Clause>, operative: &mut Vec<Clause>) {
    if !operative.is_empty() {
        return;
    }
    let Some(first) = preamble.iter().position(|c| phrase::opening(&c.text) == Some(Opening::Operative)) else {
        return;
    };
    let mut moved = preamble.split_off(first);
    moved.append(operative);
    *operative = moved;
}

/// The punctuation a paragraph ends with, past footnote markers (`2`,
/// `²`, `[^3]`) and emphasis marks.
fn final_punctuation(text: &str) -> Option<char> {
    let mut rest = text.trim_end();
    loop {
        let before = rest.len();
        rest = rest.trim_end_matches(|c: char| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰*_”’\")\"".contains(c));
        if rest.ends_with(']')
            && let Some(open) = rest.rfind("[^")
        {
            rest = &rest[..open];
        }
        if rest.len() == before {
            return rest.chars().next_back();
        }
    }
}

fn shrink(list: &mut Vec<Clause>) {
    list.shrink_to_fit();
    for c in list {
        shrink(&mut c.children);
    }
}

fn span(block: &Block<'_>) -> LineSpan {
    let first = block.parts.first().map(|p| p.0).unwrap_or(0);
    let last = block.parts.last().map(|p| p.0).unwrap_or(first);
    LineSpan::new(first, last)
}

/// Lines that begin a new resolution wherever they appear.
fn starts_resolution(block: &Block<'_>) -> bool {
    if block.label.is_some() {
        return false;
    }
    let text = block.first_text();
    if text.starts_with("United Nations") {
        return masthead_symbol(text).is_some();
    }
    // "Resolutions adopted by the General Assembly on 12 December 2022"
    // opens a resolution in parts; "Resolutions adopted by the Committee"
    // heads a conference's table of them.
    let parts_dated = || {
        text.get(..22).is_some_and(|p| p.eq_ignore_ascii_case("resolutions adopted by"))
            && text.rsplit_once(" on ").is_some_and(|(_, date)| super::front::looks_like_date(date))
    };
    if text.get(..21).is_some_and(|p| p.eq_ignore_ascii_case("resolution adopted by")) || parts_dated() {
        return true;
    }
    resolution_heading(text).is_some() && block.after_break
}

/// `Resolution 1445 (2002)`, `RESOLUTION 898 (1994)` → (number, year).
pub fn resolution_heading(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("Resolution ").or_else(|| text.strip_prefix("RESOLUTION "))?;
    let (number, after) = rest.trim().split_once(' ')?;
    let after = after.trim_start();
    let close = after.find(')')?;
    let year = after[..close].strip_prefix('(')?;
    // "Resolution 78 (1949) of 18 October 1949", "Resolution 883 (1993)
    // 11 November 1993" (a heading and its date line joined): the date may
    // follow, and nothing else.
    let tail = after[close + 1..].trim();
    let dated = tail.is_empty() || tail.starts_with("of ") || super::front::looks_like_date(tail);
    (dated
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit()))
    .then_some((number, year))
}

/// A part's heading as its title: `B — Title` or `B. Title` → `B. Title`,
/// `B` → `B`; None for other sections (`I. …`).
fn part_title(section: &str) -> Option<String> {
    let mut chars = section.chars();
    // Parts are lettered A, B, C…; `I`, `V`, `X` open roman sections.
    let letter = chars.next().filter(|c| c.is_ascii_uppercase() && !"IVXL".contains(*c))?;
    let rest = chars.as_str().trim_start_matches(['.', ' ', '—']).trim();
    if !(chars.as_str().is_empty() || chars.as_str().starts_with(['.', ' '])) {
        return None;
    }
    Some(if rest.is_empty() { letter.to_string() } else { format!("{letter}. {rest}") })
}

/// The header of a part ends with its letter and perhaps its title:
/// `A` / `Information in the service of humanity`, or `A. Information…`.
fn part_in_header(header: &[SourceLine]) -> Option<String> {
    let n = header.len();
    let is_letter = |t: &str| t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase());
    match header {
        [.., a, b] if is_letter(&a.text) && b.text.len() < 120 && !is_letter(&b.text) => {
            Some(format!("{}. {}", a.text, b.text))
        }
        [.., a] if is_letter(&a.text) => Some(a.text.clone()),
        [.., a] if n > 0 && a.text.get(1..3) == Some(". ") && a.text.starts_with(|c: char| c.is_ascii_uppercase()) => {
            part_title(&a.text)
        }
        _ => None,
    }
}

/// A cheap look at a block before its text is joined: a formula is a line
/// or two ending in a comma.
fn may_be_formula(block: &Block<'_>) -> bool {
    let first = block.first_text().trim_start_matches(['*', '_']).as_bytes();
    let opens = matches!(first.first(), Some(b'T' | b'W')) && matches!(first.get(1), Some(b'h' | b'H' | b'e' | b'E'));
    opens
        && block.parts.len() <= 2
        && block.parts.last().is_some_and(|p| p.1.len() < 200 && p.1.trim_end_matches(['*', '_']).ends_with(','))
}

/// The opening formula: "The Security Council,", "The General Assembly,".
pub(crate) fn is_formula(text: &str) -> bool {
    if text.len() > 200 {
        return false;
    }
    let words = text.split_whitespace().take(17).count();
    let text = text.trim_matches(|c| c == '*' || c == '_');
    // THIMUN prints it in capitals: "THE SECURITY COUNCIL,".
    let opens = |w: &str| text.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
    // Without its comma ("The General Assembly", "THE SECURITY COUNCIL"),
    // only an organ's name alone is the formula.
    let organ_alone = || {
        text.get(4..).is_some_and(|organ| {
            ["Security Council", "General Assembly", "Economic and Social Council", "Human Rights Council"]
                .iter()
                .any(|o| o.eq_ignore_ascii_case(organ.trim()))
        })
    };
    if (text.ends_with(',') || organ_alone()) && words <= 16 && (opens("The ") || opens("We ")) {
        return true;
    }
    // The Council's first resolutions open with a recital, then "Therefore
    // the Security Council," (S/RES/4 (1946)).
    text.strip_prefix("Therefore ")
        .is_some_and(|rest| rest.ends_with(',') && organ_in(rest).is_some() && is_formula(rest))
}

fn organ_in(text: &str) -> Option<String> {
    for organ in ["Security Council", "General Assembly", "Economic and Social Council", "Human Rights Council"] {
        if text.contains(organ) {
            return Some(organ.to_string());
        }
    }
    None
}

fn is_subtitle(text: &str) -> bool {
    // "…the reports of the Unit,[^3]" ends with its comma, not the marker.
    text.len() < 120 && !matches!(final_punctuation(text), Some(';' | ',' | ':' | '.'))
}

/// `A`, `B.`, `I. Global context` standing alone.
fn section_heading(block: &Block<'_>) -> Option<String> {
    if !block.standalone() {
        return None;
    }
    let text = block.first_text();
    match &block.label {
        None if text.len() > 80 => None,
        None => {
            let t = text.trim_end_matches(['.', ':']);
            let letter = (t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase()))
                || (t.len() <= 6 && t.bytes().all(|b| b.is_ascii_uppercase()) && roman_value(t).is_some());
            // "Chemical Section:", "Part two": a short title-case line.
            let words = t.split_whitespace().count();
            let titled = words <= 4
                && !text.ends_with([';', ',', '.'])
                && t.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
                && t.to_lowercase().split_whitespace().any(|w| matches!(w, "section" | "part" | "chapter"));
            (letter || titled).then(|| t.to_string())
        }
        Some(_) if text.len() > 120 => None,
        Some(label) => {
            let upper = label.readings.iter().any(|r| matches!(r.class, Class::Upper | Class::UpperRoman));
            let words = text.split_whitespace().count();
            let heading = upper && words <= 12 && !text.ends_with([';', ',', ':', '.']) && !phrase::opens_clause(text);
            heading.then(|| {
                if text.is_empty() { label.printed.to_string() } else { format!("{}. {}", label.printed, text) }
            })
        }
    }
}

/// Country names that contain "and" and must not be split.
const JOINED_NAMES: &[&str] = &[
    "Bosnia and Herzegovina",
    "Trinidad and Tobago",
    "Antigua and Barbuda",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Great Britain and Northern Ireland",
    "Turks and Caicos",
];

/// "France, Germany and Italy" → three names; "Trinidad and Tobago" stays one.
fn split_names(value: &str) -> Vec<String> {
    let parts: Vec<&str> = value.trim_end_matches('.').split([',', ';']).map(str::trim).collect();
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let part = part.strip_prefix("and ").unwrap_or(part).trim();
        if part.is_empty() {
            continue;
        }
        if i + 1 < parts.len() {
            out.push(part.to_string());
            continue;
        }
        // The last name may be "X and Y": split it, but not inside a name
        // that itself contains "and" (protected while splitting).
        let mut protected = part.to_string();
        for name in JOINED_NAMES {
            protected = protected.replace(name, &name.replace(" and ", " \u{1}and "));
        }
        for name in protected.split(" and ") {
            out.push(name.replace(" \u{1}and ", " and ").trim().to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_like_a_reader_would() {
        assert_eq!(split_names("France, Germany and Italy."), ["France", "Germany", "Italy"]);
        assert_eq!(split_names("Chile, Trinidad and Tobago"), ["Chile", "Trinidad and Tobago"]);
    }

    #[test]
    fn resolution_headings() {
        assert_eq!(resolution_heading("RESOLUTION 898 (1994)"), Some(("898", "1994")));
        assert_eq!(resolution_heading("Resolution 1445 (2002)"), Some(("1445", "2002")));
        assert_eq!(resolution_heading("Resolution of the issue"), None);
        assert_eq!(resolution_heading("Resolution 78 (1949) of 18 October 1949"), Some(("78", "1949")));
    }
}
