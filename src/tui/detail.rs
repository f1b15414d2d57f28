//! What the detail pane says about the selected node, as wrapped lines.
//! Built once per selection (and per width), never per frame.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::outline::{Group, Kind, Node};
use super::text::{Rich, emphasised, plain, truncate, wrap};
use crate::document::{Clause, Document, Resolution, Vote};
use crate::export::outline::{first_words, vote_text};

fn bold() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}
fn dim() -> Style {
    Style::default().add_modifier(Modifier::DIM)
}
fn heading() -> Style {
    Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

pub fn lines(node: &Node<'_>, nodes: &[Node<'_>], index: usize, width: u16) -> Vec<Line<'static>> {
    let mut out = Out {
        lines: Vec::new(),
        width,
    };
    match node.kind {
        Kind::Document(doc) => document(&mut out, doc),
        Kind::Resolution(res) => resolution(&mut out, res),
        Kind::Group(group) => group_detail(&mut out, node, group),
        Kind::Section(title) => {
            out.para(&plain(title, heading()), 0);
            out.blank();
            let children: Vec<&Clause> = nodes[index + 1..node.end]
                .iter()
                .filter(|n| n.parent == Some(index))
                .filter_map(|n| {
                    if let Kind::Clause(c) = n.kind {
                        Some(c)
                    } else {
                        None
                    }
                })
                .collect();
            for c in children {
                glance(&mut out, c);
            }
        }
        Kind::Clause(clause) => clause_detail(&mut out, nodes, index, clause),
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

fn clause_detail(out: &mut Out, nodes: &[Node<'_>], index: usize, clause: &Clause) {
    out.text(&breadcrumb(nodes, index), dim());
    if let Some(section) = &clause.section {
        out.text(section, heading());
    }
    out.blank();
    out.para(
        &emphasised(&clause.text, &clause.phrase, Style::default()),
        0,
    );
    if !clause.children.is_empty() {
        out.blank();
        for child in &clause.children {
            sub_clause(out, child, 2);
        }
    }
    out.blank();
    out.text(&format!("id {}", clause.id), dim());
    let (first, last) = clause.line_range();
    let lines = if first == last {
        format!("source line {first}")
    } else {
        format!("source lines {first}–{last}")
    };
    out.text(&lines, dim());
}

fn sub_clause(out: &mut Out, clause: &Clause, indent: u16) {
    let mut rich = if clause.label.is_empty() {
        Vec::new()
    } else {
        plain(&format!("{}. ", clause.label), bold())
    };
    rich.extend(emphasised(&clause.text, &clause.phrase, Style::default()));
    out.para(&rich, indent);
    for child in &clause.children {
        sub_clause(out, child, indent + 2);
    }
}

fn resolution(out: &mut Out, res: &Resolution) {
    out.text(&res.code, heading());
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
    out.blank();
    vote_chart(out, res.vote);
    out.blank();
    let sub: usize = res
        .operative
        .iter()
        .chain(&res.preamble)
        .map(Clause::descendant_count)
        .sum();
    let mut counts = format!(
        "{} preambular · {} operative · {} sub-clauses",
        res.preamble.len(),
        res.operative.len(),
        sub
    );
    if !res.annexes.is_empty() {
        counts.push_str(&format!(
            " · {} annex{}",
            res.annexes.len(),
            if res.annexes.len() == 1 { "" } else { "es" }
        ));
    }
    out.text(&counts, Style::default());
    out.blank();
    out.text("At a glance", bold());
    for c in &res.operative {
        glance(out, c);
    }
}

/// One line per clause: label, phrase in bold, first words.
fn glance(out: &mut Out, c: &Clause) {
    let label = if c.label.is_empty() {
        String::new()
    } else {
        format!("{:>3} ", c.label)
    };
    let mut rich = plain(&label, dim());
    rich.extend(plain(&c.phrase, bold()));
    rich.extend(plain(&format!(" {}", first_words(c)), Style::default()));
    let line: String = rich.iter().map(|r| r.0.as_str()).collect();
    let width = usize::from(out.width);
    if unicode_width::UnicodeWidthStr::width(line.as_str()) > width {
        out.text(&truncate(&line, width), Style::default());
    } else {
        out.para(&rich, 0);
    }
}

fn vote_chart(out: &mut Out, vote: Option<Vote>) {
    let Some(Vote::Recorded {
        in_favour,
        against,
        abstentions,
    }) = vote
    else {
        out.text(&format!("Vote: {}", vote_text(vote)), bold());
        return;
    };
    out.text(
        &format!("Vote: {in_favour} in favour, {against} against, {abstentions} abstentions"),
        bold(),
    );
    let max = in_favour.max(against).max(abstentions).max(1);
    let room = usize::from(out.width).saturating_sub(18).clamp(1, 40);
    for (name, n, color) in [
        ("In favour", in_favour, Color::Green),
        ("Against", against, Color::Red),
        ("Abstentions", abstentions, Color::Yellow),
    ] {
        let bar = (n as usize * room).div_ceil(max as usize);
        out.lines.push(Line::from(vec![
            Span::styled(format!("{name:<12}{n:>4} "), Style::default()),
            Span::styled("█".repeat(bar), Style::default().fg(color)),
        ]));
    }
}

fn group_detail(out: &mut Out, node: &Node<'_>, group: Group<'_>) {
    let code = node.resolution.map(|r| r.code.as_str()).unwrap_or("");
    let (title, clauses): (String, Vec<&Clause>) = match group {
        Group::Preamble(c) => ("Preamble".into(), c.iter().collect()),
        Group::Operative(c) => ("Operative part".into(), c.iter().collect()),
        Group::Annex(_, a) => (
            a.title.clone(),
            a.preamble.iter().chain(&a.operative).collect(),
        ),
    };
    out.text(code, dim());
    out.text(
        &format!("{title} — {} paragraphs", clauses.len()),
        heading(),
    );
    out.blank();
    for c in clauses {
        glance(out, c);
    }
}

fn document(out: &mut Out, doc: &Document) {
    out.text(&doc.title, heading());
    out.text(&doc.source, dim());
    if let Some(note) = &doc.encoding_note {
        out.text(&format!("Note: {note}"), Style::default().fg(Color::Yellow));
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
            let vote = if row.vote.is_some() {
                vote_text(row.vote)
            } else {
                row.vote_text.clone()
            };
            out.para(
                &plain(
                    &format!("{}  {}  [{}]", row.code, row.topic, vote),
                    Style::default(),
                ),
                2,
            );
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
        out.text(
            "Lines that could not be placed",
            Style::default().fg(Color::Yellow),
        );
        for l in &doc.unplaced {
            out.para(
                &plain(&format!("{}: {}", l.line, l.text), Style::default()),
                2,
            );
        }
    }
    if doc.resolutions.is_empty() {
        out.blank();
        out.text(
            "No resolution was found in this document.",
            Style::default().fg(Color::Yellow),
        );
    }
}
