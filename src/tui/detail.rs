//! What the detail pane says about the selected node, as wrapped lines.
//! Built once per selection (and per width), never per frame.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::compare::Compare;
use super::outline::{Group, Kind, Node};
use super::text::{Rich, emphasised, plain, truncate, wrap};
use crate::annotate::{Annotation, Notes, Target};
use crate::config::TagDef;
use crate::config::theme::Palette;
use crate::diff::{self, WordOp};
use crate::document::{Clause, Document, Resolution, Vote};
use crate::export::outline::{first_words, vote_text};

/// What the detail needs besides the node: colours, tags, notes.
pub struct Context<'c> {
    pub palette: Palette,
    pub tags: &'c [TagDef],
    pub notes: Option<&'c Notes>,
    /// Two revisions compared: what changed since the older one.
    pub compare: Option<&'c Compare>,
}

impl Context<'_> {
    fn annotation(&self, doc: usize, clause: &Clause) -> Option<&Annotation> {
        self.notes?.get(doc, &clause.id)
    }

    fn annotation_on(&self, doc: usize, target: &Target) -> Option<&Annotation> {
        self.notes?.get_target(doc, target)
    }
}

fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}
fn dim() -> Style {
    Style::default().add_modifier(Modifier::DIM)
}
fn heading(p: &Palette) -> Style {
    Style::default().fg(p.accent).add_modifier(Modifier::BOLD)
}

pub fn lines(node: &Node<'_>, nodes: &[Node<'_>], index: usize, width: u16, ctx: &Context<'_>) -> Vec<Line<'static>> {
    let mut out = Out { lines: Vec::new(), width };
    let p = &ctx.palette;
    match node.kind {
        Kind::Document(doc) => document(&mut out, doc, ctx, node.doc),
        Kind::Resolution(res) => resolution(&mut out, res, ctx, node.doc),
        Kind::Group(group) => group_detail(&mut out, node, group, p),
        Kind::Section(title) => {
            out.para(&plain(title, heading(p)), 0);
            out.blank();
            let children: Vec<&Clause> = nodes[index + 1..node.end]
                .iter()
                .filter(|n| n.parent == Some(index))
                .filter_map(|n| if let Kind::Clause(c) = n.kind { Some(c) } else { None })
                .collect();
            for c in children {
                glance(&mut out, c);
            }
        }
        Kind::Clause(clause) => clause_detail(&mut out, nodes, index, clause, ctx),
    }
    out.lines
}

struct Out {
    lines: Vec<Line<'static>>,
    width: u16,
}

impl Out {
    fn para(&mut self, rich: &Rich, indent: u16) {
        self.lines.extend(wrap(rich, self.width, indent));
    }
    fn text(&mut self, text: &str, style: Style) {
        self.para(&plain(text, style), 0);
    }
    fn blank(&mut self) {
        self.lines.push(Line::default());
    }
    fn field(&mut self, name: &str, value: &str) {
        let mut rich = plain(&format!("{name}: "), dim());
        rich.extend(plain(value, Style::default()));
        self.para(&rich, 0);
    }
}

/// `CCPCJ/1/4 › Operative 17 › d`
pub fn breadcrumb(nodes: &[Node<'_>], index: usize) -> String {
    let mut chain = Vec::new();
    let mut i = Some(index);
    while let Some(n) = i {
        chain.push(n);
        i = nodes[n].parent;
    }
    chain.reverse();
    let mut parts: Vec<String> = Vec::new();
    let mut pending_group: Option<&str> = None;
    for &n in &chain {
        match nodes[n].kind {
            Kind::Document(_) => {}
            Kind::Resolution(r) => parts.push(r.code.to_string()),
            Kind::Group(Group::Preamble(_)) => pending_group = Some("Preamble"),
            Kind::Group(Group::Operative(_)) => pending_group = Some("Operative"),
            Kind::Group(Group::Annex(k, _)) => parts.push(format!("Annex {}", k + 1)),
            Kind::Section(title) => parts.push(title.to_string()),
            Kind::Clause(c) => {
                let label = if c.label.is_empty() {
                    c.id.rsplit('.').next().unwrap_or("").to_string()
                } else {
                    c.label.to_string()
                };
                match pending_group.take() {
                    Some(g) => parts.push(format!("{g} {label}")),
                    None => parts.push(label),
                }
            }
        }
    }
    if let Some(g) = pending_group {
        parts.push(g.to_string());
    }
    parts.join(" › ")
}

fn clause_detail(out: &mut Out, nodes: &[Node<'_>], index: usize, clause: &Clause, ctx: &Context<'_>) {
    out.text(&breadcrumb(nodes, index), dim());
    if let Some(section) = &clause.section {
        out.text(section, heading(&ctx.palette));
    }
    if let Some(a) = ctx.annotation(nodes[index].doc, clause) {
        annotation(out, a, ctx);
    }
    change_since(out, index, ctx);
    out.blank();
    clause_text(out, clause, None, 0);
    if !clause.children.is_empty() {
        out.blank();
        for child in &clause.children {
            sub_clause(out, child, 2);
        }
    }
    out.blank();
    out.text(&format!("id {}", clause.id), dim());
    let (first, last) = clause.line_range();
    let lines = if first == last { format!("source line {first}") } else { format!("source lines {first}–{last}") };
    out.text(&lines, dim());
}

/// With two revisions compared: what this clause was, the word-level
/// difference, and the notes it had in the older revision.
fn change_since(out: &mut Out, index: usize, ctx: &Context<'_>) {
    let Some(cmp) = ctx.compare else { return };
    let Some(change) = cmp.change(index) else { return };
    let was = change.old.join(" + ");
    let now = change.new.join(" + ");
    let what = match change.kind {
        diff::Kind::Added => "added".to_string(),
        diff::Kind::Struck => "struck from the newer revision".to_string(),
        diff::Kind::Renumbered => format!("renumbered (was {was})"),
        diff::Kind::Moved => format!("moved (was {was})"),
        diff::Kind::Reworded if change.renumbered => format!("reworded (was {was})"),
        diff::Kind::Reworded => "reworded".to_string(),
        diff::Kind::Split => format!("split from {was} into {now}"),
        diff::Kind::Merged => format!("merged from {was}"),
    };
    out.blank();
    out.text(&format!("Since the older revision: {what}"), heading(&ctx.palette));
    if !change.words.is_empty() {
        let color = ctx.palette.color;
        let mut rich = Vec::new();
        for (k, op) in change.words.iter().enumerate() {
            if k > 0 {
                rich.extend(plain(" ", Style::default()));
            }
            rich.extend(match (op, color) {
                (WordOp::Equal(t), _) => plain(t, Style::default()),
                (WordOp::Delete(t), true) => {
                    plain(t, Style::default().fg(Color::Red).add_modifier(Modifier::CROSSED_OUT))
                }
                (WordOp::Insert(t), true) => {
                    plain(t, Style::default().fg(Color::Green).add_modifier(Modifier::UNDERLINED))
                }
                (WordOp::Delete(t), false) => plain(&format!("[-{t}-]"), Style::default()),
                (WordOp::Insert(t), false) => plain(&format!("{{+{t}+}}"), Style::default()),
            });
        }
        out.para(&rich, 2);
    }
    // Notes stay with their own revision; here they are shown beside it.
    if !matches!(change.kind, diff::Kind::Struck)
        && let Some(notes) = ctx.notes
    {
        for old in cmp.old_ids(index) {
            if let Some(a) = notes.get(cmp.old_doc, &old) {
                out.text(&format!("In the older revision ({old}):"), dim());
                annotation(out, a, ctx);
            }
        }
    }
}

fn sub_clause(out: &mut Out, clause: &Clause, indent: u16) {
    let label = (!clause.label.is_empty()).then(|| plain(&format!("{}. ", clause.label), bold()));
    clause_text(out, clause, label, indent);
    for child in &clause.children {
        sub_clause(out, child, indent + 2);
    }
}

/// How much of one clause's text the detail lays out. Real clauses are a
/// few KB; a damaged file can make one clause of a 200 MB line, and laying
/// all of it out took seconds and gigabytes for text no one scrolls to.
const SHOWN_BYTES: usize = 64 * 1024;

/// A clause's text as a paragraph (after `label`), cut at `SHOWN_BYTES`
/// under a line that says how much is not shown.
fn clause_text(out: &mut Out, clause: &Clause, label: Option<Rich>, indent: u16) {
    let text: &str = &clause.text;
    let head = &text[..crate::export::outline::floor_char_boundary(text, SHOWN_BYTES)];
    if head.len() < text.len() {
        let more = crate::files::human_size((text.len() - head.len()) as u64);
        let (first, last) = (clause.lines.first, clause.lines.last);
        out.text(&format!("(the last {more} of this clause are not shown: see source lines {first}–{last})"), dim());
    }
    let phrase = crate::document::parse::phrase::leading_phrase(head);
    let mut rich = label.unwrap_or_default();
    rich.extend(emphasised(head, &phrase, Style::default()));
    out.para(&rich, indent);
}

/// Tags as coloured words, then the note.
fn annotation(out: &mut Out, a: &Annotation, ctx: &Context<'_>) {
    if !a.tags.is_empty() {
        let mut rich = plain("Tags: ", dim());
        for (i, t) in ordered_tags(a, ctx.tags).iter().enumerate() {
            if i > 0 {
                rich.extend(plain(", ", Style::default()));
            }
            rich.extend(plain(t, tag_style(ctx, t)));
        }
        out.para(&rich, 0);
    }
    if !a.note.trim().is_empty() {
        out.text("Note:", bold());
        for line in a.note.lines() {
            out.para(&plain(line, Style::default().add_modifier(Modifier::ITALIC)), 2);
        }
    }
}

/// A clause's tags in the configured order (unknown ones last).
pub fn ordered_tags(a: &Annotation, defs: &[TagDef]) -> Vec<String> {
    let mut out: Vec<String> = defs.iter().filter(|d| a.tags.contains(&d.name)).map(|d| d.name.clone()).collect();
    out.extend(a.tags.iter().filter(|t| !defs.iter().any(|d| &d.name == *t)).cloned());
    out
}

pub fn tag_style(ctx: &Context<'_>, tag: &str) -> Style {
    let color = ctx.tags.iter().find(|d| d.name == tag).map(|d| ctx.palette.tag(&d.color)).unwrap_or(Color::Reset);
    Style::default().fg(color).add_modifier(Modifier::BOLD)
}

fn resolution(out: &mut Out, res: &Resolution, ctx: &Context<'_>, doc: usize) {
    let p = &ctx.palette;
    out.text(&res.code, heading(p));
    if let Some(a) = ctx.annotation_on(doc, &Target::Resolution(res.code.clone())) {
        annotation(out, a, ctx);
    }
    if let Some(c) = &res.committee {
        out.field("Committee", c);
    }
    if let Some(t) = &res.topic {
        out.field("Topic", t);
    }
    if !res.sponsors.is_empty() {
        out.field("Sponsors", &res.sponsors.join(", "));
    }
    if !res.signatories.is_empty() {
        out.field("Signatories", &res.signatories.join(", "));
    }
    meta(out, &res.meta);
    out.blank();
    vote_chart(out, res.vote, p);
    out.blank();
    let sub: usize = res.operative.iter().chain(&res.preamble).map(Clause::descendant_count).sum();
    let mut counts =
        format!("{} preambular · {} operative · {} sub-clauses", res.preamble.len(), res.operative.len(), sub);
    if !res.annexes.is_empty() {
        counts.push_str(&format!(" · {} annex{}", res.annexes.len(), if res.annexes.len() == 1 { "" } else { "es" }));
    }
    out.text(&counts, Style::default());
    if let Some(cmp) = ctx.compare.filter(|c| c.new_doc == doc)
        && let Some(rd) = cmp.resolution_diff(&res.code)
    {
        let old = if rd.old == rd.new { String::new() } else { format!(" ({})", rd.old) };
        out.field(&format!("Since the older revision{old}"), &rd.summary.line());
        // Notes whose clause was struck cannot follow it: listed here.
        let struck = rd.changes.iter().filter(|c| c.kind == diff::Kind::Struck);
        for id in struck.flat_map(|c| c.old.iter().map(|l| format!("{}:{l}", rd.old))) {
            if let Some(a) = ctx.notes.and_then(|n| n.get(cmp.old_doc, &id)) {
                out.text(&format!("Notes on struck {id}:"), dim());
                annotation(out, a, ctx);
            }
        }
    }
    // Clauses per tag: where the delegation stands on this resolution.
    if let Some(notes) = ctx.notes {
        // One pass over the clauses, counting every tag and the notes.
        let mut per_tag = vec![0usize; ctx.tags.len()];
        let mut noted = 0;
        for a in res.all_clauses().filter_map(|c| notes.get(doc, &c.id)) {
            for (count, def) in per_tag.iter_mut().zip(ctx.tags) {
                *count += usize::from(a.tags.contains(&def.name));
            }
            noted += usize::from(!a.note.trim().is_empty());
        }
        let mut rich: Rich = Vec::new();
        for (def, &n) in ctx.tags.iter().zip(&per_tag) {
            if n > 0 {
                if !rich.is_empty() {
                    rich.extend(plain(" · ", Style::default()));
                }
                rich.extend(plain(&format!("{} {n}", def.name), tag_style(ctx, &def.name)));
            }
        }
        if noted > 0 {
            rich.extend(plain(&format!("{}{noted} noted", if rich.is_empty() { "" } else { " · " }), Style::default()));
        }
        if !rich.is_empty() {
            out.para(&rich, 0);
        }
    }
    out.blank();
    out.text("At a glance", bold());
    for c in &res.operative {
        glance(out, c);
    }
}

/// What the printed header says: title, organ and date, meeting, agenda
/// item, origin, subjects. Each only when the document gives it.
fn meta(out: &mut Out, m: &crate::document::ResolutionMeta) {
    let adopted = match (&m.organ, &m.date) {
        (Some(o), Some(d)) => Some(format!("by the {o} on {d}")),
        (Some(o), None) => Some(format!("by the {o}")),
        (None, Some(d)) => Some(format!("on {d}")),
        (None, None) => None,
    };
    let fields = [
        ("Title", m.title.clone()),
        ("Adopted", adopted),
        ("Meeting", m.meeting.clone()),
        ("Agenda", m.agenda_item.clone()),
        ("Origin", m.origin.clone()),
        ("Subjects", (!m.subjects.is_empty()).then(|| m.subjects.join(", "))),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            out.field(name, &v);
        }
    }
}

/// One line per clause: label, phrase in bold, first words.
fn glance(out: &mut Out, c: &Clause) {
    let label = if c.label.is_empty() { String::new() } else { format!("{:>3} ", c.label) };
    let mut rich = plain(&label, dim());
    rich.extend(plain(&c.phrase(), bold()));
    rich.extend(plain(&format!(" {}", first_words(c)), Style::default()));
    let line: String = rich.iter().map(|r| r.0.as_str()).collect();
    let width = usize::from(out.width);
    if unicode_width::UnicodeWidthStr::width(line.as_str()) > width {
        out.text(&truncate(&line, width), Style::default());
    } else {
        out.para(&rich, 0);
    }
}

fn vote_chart(out: &mut Out, vote: Option<Vote>, p: &Palette) {
    let Some(Vote::Recorded { in_favour, against, abstentions }) = vote else {
        let text = if vote.is_none() { "not stated in the text".to_string() } else { vote_text(vote) };
        out.text(&format!("Vote: {text}"), bold());
        return;
    };
    out.text(&format!("Vote: {in_favour} in favour, {against} against, {abstentions} abstentions"), bold());
    let max = in_favour.max(against).max(abstentions).max(1);
    let room = usize::from(out.width).saturating_sub(18).clamp(1, 40);
    for (name, n, color) in [
        ("In favour", in_favour, p.vote_for),
        ("Against", against, p.vote_against),
        ("Abstentions", abstentions, p.vote_abstain),
    ] {
        let bar = (n as usize * room).div_ceil(max as usize);
        out.lines.push(Line::from(vec![
            Span::styled(format!("{name:<12}{n:>4} "), Style::default()),
            Span::styled("█".repeat(bar), Style::default().fg(color)),
        ]));
    }
}

fn group_detail(out: &mut Out, node: &Node<'_>, group: Group<'_>, p: &Palette) {
    let code = node.resolution.map(|r| r.code.as_str()).unwrap_or("");
    let (title, clauses): (String, Vec<&Clause>) = match group {
        Group::Preamble(c) => ("Preamble".into(), c.iter().collect()),
        Group::Operative(c) => ("Operative part".into(), c.iter().collect()),
        Group::Annex(_, a) => (a.title.clone(), a.preamble.iter().chain(&a.operative).collect()),
    };
    out.text(code, dim());
    out.text(&format!("{title} — {} paragraphs", clauses.len()), heading(p));
    out.blank();
    for c in clauses {
        glance(out, c);
    }
}

fn document(out: &mut Out, doc: &Document, ctx: &Context<'_>, index: usize) {
    let p = &ctx.palette;
    out.text(&doc.title, heading(p));
    out.text(&doc.source, dim());
    if let Some(a) = ctx.annotation_on(index, &Target::Document) {
        annotation(out, a, ctx);
    }
    if let Some(note) = &doc.encoding_note {
        out.text(&format!("Note: {note}"), Style::default().fg(p.warning));
    }
    for notice in &doc.notices {
        out.text(&format!("Note: {notice}"), Style::default().fg(p.warning));
    }
    let f = &doc.front;
    if !f.title_block.is_empty() {
        out.blank();
        for l in &f.title_block {
            out.text(&l.text, Style::default());
        }
    }
    if !f.staff.is_empty() {
        out.blank();
        out.text("Committee staff", bold());
        for l in &f.staff {
            out.text(&l.text, Style::default());
        }
    }
    if !f.agenda.is_empty() {
        out.blank();
        out.text("Agenda", bold());
        for (i, item) in f.agenda.iter().enumerate() {
            out.para(&plain(&format!("{}. {item}", i + 1), Style::default()), 2);
        }
    }
    if !f.adopted.is_empty() {
        out.blank();
        out.text("Resolutions adopted", bold());
        for row in &f.adopted {
            let vote = if row.vote.is_some() { vote_text(row.vote) } else { row.vote_text.clone() };
            out.para(&plain(&format!("{}  {}  [{}]", row.code, row.topic, vote), Style::default()), 2);
        }
    }
    if !f.summary.is_empty() {
        out.blank();
        out.text("Summary report", bold());
        for p in &f.summary {
            out.para(&plain(p, Style::default()), 0);
            out.blank();
        }
    }
    if !doc.footnotes.is_empty() {
        out.blank();
        out.text("Footnotes", bold());
        for n in &doc.footnotes {
            out.para(&plain(&format!("{} {}", n.marker, n.text), dim()), 2);
        }
    }
    if !doc.unplaced.is_empty() {
        out.blank();
        out.text("Lines that could not be placed", Style::default().fg(p.warning));
        for l in &doc.unplaced {
            out.para(&plain(&format!("{}: {}", l.line, l.text), Style::default()), 2);
        }
    }
    if doc.resolutions.is_empty() {
        out.blank();
        out.text("No resolution was found in this document.", Style::default().fg(p.warning));
    }
    if let Some(notes) = ctx.notes {
        if let Some(problem) = &notes.store.problem {
            out.blank();
            out.text(&format!("Notes are read-only: {problem}"), Style::default().fg(p.warning));
        }
        let orphans = notes.orphans(index);
        if !orphans.is_empty() {
            out.blank();
            out.text(
                &format!("{} annotations lost their clause in a revision: A lists them", orphans.len()),
                Style::default().fg(p.warning),
            );
        }
    }
}

/// Mark the words a find matched in the detail's lines (after a jump, so
/// the reader sees why the clause was found). Wrapping keeps words whole,
/// so each line is marked on its own.
pub fn mark(lines: &mut [Line<'static>], q: &crate::find::matcher::Compiled, color: Color) {
    let hl = Style::default().fg(color).add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    for line in lines.iter_mut() {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let marked = crate::find::highlight::positions(q, &text);
        if marked.is_empty() {
            continue;
        }
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut at = 0usize;
        let mut next = marked.iter().peekable();
        for span in &line.spans {
            let mut buf = String::new();
            let mut buf_hl = false;
            for c in span.content.chars() {
                while next.next_if(|&&m| m < at).is_some() {}
                let is_hl = next.peek().is_some_and(|&&m| m == at);
                if is_hl != buf_hl && !buf.is_empty() {
                    let style = if buf_hl { span.style.patch(hl) } else { span.style };
                    spans.push(Span::styled(std::mem::take(&mut buf), style));
                }
                buf_hl = is_hl;
                buf.push(c);
                at += 1;
            }
            if !buf.is_empty() {
                spans.push(Span::styled(buf, if buf_hl { span.style.patch(hl) } else { span.style }));
            }
        }
        line.spans = spans;
    }
}
