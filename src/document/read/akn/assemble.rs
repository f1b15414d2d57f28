//! A run of blocks → preambular and operative clauses at their levels,
//! sections and annexes, by the counting rules in
//! `tests/fixtures/real/README.md` (they hold for every format): flat
//! `(a)`/`(i)` paragraphs are items of the operative paragraph before them;
//! items after a preambular paragraph belong to it; unnumbered text in
//! lower case continues the paragraph before; an unnumbered paragraph that
//! opens with a preambular word before any operative one is preambular.

use super::blocks::{Block, Para};
use super::label::{Kind, next_letter, roman_value};
use super::words::{is_annex_heading, is_formula, is_numbered_heading, is_preambular, label_only, starts_lower};
use crate::document::model::{Annex, Clause, Resolution};

/// Preambular and operative clauses of one resolution or annex.
#[derive(Default)]
struct Flow {
    pre: Vec<Clause>,
    op: Vec<Clause>,
    /// In an annex, unnumbered paragraphs before the first numbered one are
    /// its preamble, whatever their words.
    annex: bool,
    last: Last,
    /// Whether the items under the last paragraph are letters or numerals.
    items: Option<Kind>,
    seen_op: bool,
    section: Option<String>,
    /// The numbered section an unnumbered sub-heading sits under.
    numbered: Option<String>,
    /// Set when the resolution has numbered headings (`I`, `A.`): its
    /// unnumbered ones are then sub-headings, not sections.
    has_numbered: bool,
    /// A heading that is only a label (`I`), waiting for its title.
    pending: Option<String>,
    after_heading: bool,
    heading_lines: Vec<u32>,
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Last {
    #[default]
    None,
    Pre,
    Op,
}

/// What the body of one document gives.
pub struct Assembled {
    /// The resolution, then any draft resolution quoted in it.
    pub resolutions: Vec<Resolution>,
}

/// Build `res`'s clauses (and annexes started by an `Annex` heading, and
/// quoted draft resolutions) from its body's blocks.
pub fn resolution(mut blocks: Vec<Block>, res: Resolution) -> Assembled {
    mark_numerals(&mut blocks);
    let mut done: Vec<Resolution> = Vec::new();
    let mut res = res;
    let mut flow = Flow { has_numbered: has_numbered_headings(&blocks), ..Flow::default() };
    // Where paragraphs go: the resolution, or its last annex.
    let mut in_annex = false;
    let mut annex_title_open = false;
    for block in blocks {
        match block {
            Block::Formula { text, line } => {
                if flow.seen_op && !in_annex {
                    // "…adoption of the following draft resolution:" and then
                    // the draft's own formula: a resolution of its own.
                    finish(&mut res, &mut flow, in_annex);
                    done.push(std::mem::take(&mut res));
                    res = Resolution { formula: Some(text), header_lines: vec![line], ..Resolution::default() };
                    in_annex = false;
                } else if res.formula.is_none() && !in_annex {
                    res.formula = Some(text);
                    res.header_lines.push(line);
                } else {
                    flow.para(Para::plain(text, line, true));
                }
            }
            Block::Heading { text, line } => {
                if !in_annex && is_annex_heading(&text) {
                    finish(&mut res, &mut flow, in_annex);
                    res.annexes.push(Annex { title: text, heading_lines: vec![line], ..Annex::default() });
                    flow = Flow { annex: true, ..Flow::default() };
                    in_annex = true;
                    annex_title_open = true;
                    continue;
                }
                if in_annex
                    && annex_title_open
                    && let Some(annex) = res.annexes.last_mut()
                {
                    annex.title = format!("{} — {text}", annex.title);
                    annex.heading_lines.push(line);
                    continue;
                }
                flow.heading(text, line);
            }
            Block::Para(p) => {
                annex_title_open = false;
                if !in_annex && !flow.annex && p.label.is_none() && flow.seen_op && is_formula(&p.text) {
                    finish(&mut res, &mut flow, in_annex);
                    done.push(std::mem::take(&mut res));
                    res = Resolution {
                        formula: Some(p.text.replace('*', "")),
                        header_lines: vec![p.lines.first],
                        ..Resolution::default()
                    };
                    flow = Flow::default();
                    continue;
                }
                flow.para(p);
            }
        }
    }
    finish(&mut res, &mut flow, in_annex);
    done.push(res);
    Assembled { resolutions: done }
}

/// An annex given as an `attachment`: its heads are its title, the rest
/// its clauses.
pub fn annex(mut blocks: Vec<Block>, mut annex: Annex) -> Annex {
    mark_numerals(&mut blocks);
    let mut flow = Flow { annex: true, has_numbered: has_numbered_headings(&blocks), ..Flow::default() };
    let mut title_open = true;
    for block in blocks {
        match block {
            Block::Heading { text, line } if title_open => {
                if annex.title.is_empty() {
                    annex.title = text;
                } else {
                    annex.title = format!("{} — {text}", annex.title);
                }
                annex.heading_lines.push(line);
            }
            Block::Heading { text, line } => flow.heading(text, line),
            Block::Formula { text, line } => {
                title_open = false;
                flow.para(Para::plain(text, line, true));
            }
            Block::Para(p) => {
                title_open = false;
                flow.para(p);
            }
        }
    }
    annex.heading_lines.append(&mut flow.heading_lines);
    annex.preamble = flow.pre;
    annex.operative = flow.op;
    annex
}

/// `(i)` followed by `(ii)` is a numeral even after `(h)`: it opens the
/// numerals under `h` (the same convention as the text parser).
fn mark_numerals(blocks: &mut [Block]) {
    let mut next_is_ii = false;
    for block in blocks.iter_mut().rev() {
        if let Block::Para(p) = block {
            let is_ii = p.label.as_ref().is_some_and(|(l, _)| l == "ii");
            if let Some((label, kind)) = &mut p.label
                && label == "i"
                && next_is_ii
            {
                *kind = Kind::Roman;
            }
            next_is_ii = is_ii;
        }
    }
}

fn finish(res: &mut Resolution, flow: &mut Flow, in_annex: bool) {
    let flow = std::mem::take(flow);
    if in_annex && let Some(annex) = res.annexes.last_mut() {
        annex.preamble.extend(flow.pre);
        annex.operative.extend(flow.op);
        annex.heading_lines.extend(flow.heading_lines);
    } else {
        res.preamble.extend(flow.pre);
        res.operative.extend(flow.op);
        res.header_lines.extend(flow.heading_lines);
    }
}

impl Para {
    fn plain(text: String, line: u32, preamble: bool) -> Para {
        Para {
            label: None,
            text,
            lines: crate::document::model::LineSpan::new(line, line),
            children: Vec::new(),
            preamble,
        }
    }
}

impl Flow {
    fn heading(&mut self, text: String, line: u32) {
        self.heading_lines.push(line);
        if let Some(label) = label_only(&text) {
            if let Some(prev) = self.pending.take() {
                self.set_numbered(prev);
            }
            self.pending = Some(label);
            return;
        }
        let title = match self.pending.take() {
            Some(label) => format!("{label}. {text}"),
            None => text,
        };
        if is_numbered_heading(&title) {
            self.set_numbered(title);
        } else {
            self.section = Some(match (&self.numbered, self.has_numbered) {
                (Some(main), true) => format!("{main} — {title}"),
                _ => title,
            });
        }
        self.after_heading = true;
    }

    fn set_numbered(&mut self, title: String) {
        self.numbered = Some(title.clone());
        self.section = Some(title);
        self.after_heading = true;
    }

    fn para(&mut self, p: Para) {
        if let Some(label) = self.pending.take() {
            self.set_numbered(label);
        }
        let after_heading = std::mem::take(&mut self.after_heading);
        match p.label.as_ref().map(|(_, k)| *k) {
            Some(Kind::Number) if !p.preamble => self.top(p, Last::Op),
            Some(Kind::Letter | Kind::Roman | Kind::Upper) if self.last != Last::None => self.item(p),
            Some(_) if p.preamble => self.top(p, Last::Pre),
            Some(_) => self.top(p, Last::Op),
            None if p.preamble => self.top(p, Last::Pre),
            None if starts_lower(&p.text) && self.last != Last::None => self.continues(p),
            None if self.annex => {
                let to = if self.seen_op { Last::Op } else { Last::Pre };
                self.top(p, to)
            }
            None if (!self.seen_op || after_heading) && is_preambular(&p.text) => self.top(p, Last::Pre),
            None => self.top(p, Last::Op),
        }
    }

    /// A paragraph at the top level: preambular or operative.
    fn top(&mut self, p: Para, to: Last) {
        let section = self.section.clone();
        let clause = clause(p, section);
        match to {
            Last::Pre => self.pre.push(clause),
            _ => {
                self.seen_op = true;
                self.op.push(clause);
            }
        }
        self.last = if to == Last::Pre { Last::Pre } else { Last::Op };
        self.items = None;
    }

    /// `(a)`, `(i)`, `(iv)` after a paragraph: its item (level 2), or an
    /// item's item (level 3) when a numeral follows letters.
    fn item(&mut self, p: Para) {
        let Some((label, kind)) = p.label.clone() else { return self.top(p, Last::Op) };
        let items = self.items;
        let parent = match self.last {
            Last::Pre => self.pre.last_mut(),
            _ => self.op.last_mut(),
        };
        let Some(parent) = parent else { return self.top(p, Last::Op) };
        let prev = parent.children.last().map(|c| c.label.clone());
        // Items the markup nested itself tell the list's kind too.
        let items = items.or_else(|| match prev.as_deref() {
            Some(l) if l.len() == 1 && roman_value(l).is_none() => Some(Kind::Letter),
            Some(l) if l.len() > 1 && roman_value(l).is_some() => Some(Kind::Roman),
            _ => None,
        });
        let roman_capable = roman_value(&label).is_some();
        // (level 3?, kind of the level-2 list)
        let (deeper, kind) = match (kind, items, prev.as_deref()) {
            (Kind::Letter, Some(Kind::Letter), Some(prev))
                if roman_capable && next_letter(prev).is_some_and(|n| label.starts_with(n)) =>
            {
                (false, Kind::Letter)
            }
            (Kind::Letter | Kind::Roman, Some(Kind::Letter), Some(_)) if roman_capable => (true, Kind::Letter),
            (Kind::Letter, None, _) if label == "i" => (false, Kind::Roman),
            (Kind::Letter, Some(Kind::Roman), _) if roman_capable => (false, Kind::Roman),
            (Kind::Roman, _, _) => (false, Kind::Roman),
            (k, _, _) => (false, if k == Kind::Upper { Kind::Upper } else { Kind::Letter }),
        };
        let item = clause(p, None);
        if deeper && let Some(l2) = parent.children.last_mut() {
            l2.children.push(item);
            return;
        }
        parent.children.push(item);
        self.items = Some(kind);
    }

    /// Unnumbered text in lower case: the rest of the paragraph before.
    fn continues(&mut self, p: Para) {
        let list = match self.last {
            Last::Pre => &mut self.pre,
            _ => &mut self.op,
        };
        let Some(top) = list.last_mut() else { return };
        let open = deepest(top);
        let text = open.text.to_mut();
        text.push('\n');
        text.push_str(&p.text);
        open.lines.extend_to(p.lines.last);
        open.children.extend(p.children);
    }
}

/// The last clause at the deepest level under `c` (or `c` itself).
fn deepest(c: &mut Clause) -> &mut Clause {
    if c.children.is_empty() {
        return c;
    }
    let last = c.children.len() - 1;
    deepest(&mut c.children[last])
}

fn clause(p: Para, section: Option<String>) -> Clause {
    Clause {
        label: p.label.map(|(l, _)| l).unwrap_or_default(),
        section,
        text: p.text.into(),
        children: p.children,
        lines: p.lines,
        ..Clause::default()
    }
}

fn has_numbered_headings(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Heading { text, .. } => label_only(text).is_some() || is_numbered_heading(text),
        _ => false,
    })
}
