//! The whole tree as a pre-order list of nodes, built once at start.
//! Visible rows are this list with folded subtrees skipped (see `rows`);
//! every node knows where its subtree ends, so skipping is O(1).

use crate::document::{Annex, Clause, Document, Resolution};

#[derive(Debug, Clone, Copy)]
pub enum Kind<'a> {
    Document(&'a Document),
    Resolution(&'a Resolution),
    Group(Group<'a>),
    /// A section heading (`A`, `I. Global context`) over operative paragraphs.
    Section(&'a str),
    Clause(&'a Clause),
}

#[derive(Debug, Clone, Copy)]
pub enum Group<'a> {
    Preamble(&'a [Clause]),
    Operative(&'a [Clause]),
    Annex(usize, &'a Annex),
}

#[derive(Debug, Clone)]
pub struct Node<'a> {
    pub kind: Kind<'a>,
    pub depth: u16,
    pub parent: Option<usize>,
    /// Index just past this node's last descendant.
    pub end: usize,
    /// The resolution this node belongs to, if any.
    pub resolution: Option<&'a Resolution>,
    /// Index of the document this node belongs to.
    pub doc: usize,
}

impl Node<'_> {
    pub fn has_children(&self, index: usize) -> bool {
        self.end > index + 1
    }
}

/// Build the node list for all documents.
pub fn build<'a>(docs: &'a [Document]) -> Vec<Node<'a>> {
    // Not pre-sized: counting the clauses first would walk a quarter of a
    // million cold clauses twice, which costs more than growing the list.
    let mut b = Builder { nodes: Vec::new(), doc: 0 };
    for (i, doc) in docs.iter().enumerate() {
        b.doc = i;
        let d = b.open(Kind::Document(doc), 0, None, None);
        for res in &doc.resolutions {
            let r = b.open(Kind::Resolution(res), 1, Some(d), Some(res));
            if !res.preamble.is_empty() {
                let g = b.open(Kind::Group(Group::Preamble(&res.preamble)), 2, Some(r), Some(res));
                b.clauses(&res.preamble, 3, g, res);
                b.close(g);
            }
            if !res.operative.is_empty() {
                let g = b.open(Kind::Group(Group::Operative(&res.operative)), 2, Some(r), Some(res));
                b.operative(&res.operative, 3, g, res);
                b.close(g);
            }
            for (k, annex) in res.annexes.iter().enumerate() {
                let g = b.open(Kind::Group(Group::Annex(k, annex)), 2, Some(r), Some(res));
                b.clauses(&annex.preamble, 3, g, res);
                b.operative(&annex.operative, 3, g, res);
                b.close(g);
            }
            b.close(r);
        }
        b.close(d);
    }
    b.nodes
}

struct Builder<'a> {
    nodes: Vec<Node<'a>>,
    doc: usize,
}

impl<'a> Builder<'a> {
    fn open(&mut self, kind: Kind<'a>, depth: u16, parent: Option<usize>, resolution: Option<&'a Resolution>) -> usize {
        let index = self.nodes.len();
        self.nodes.push(Node { kind, depth, parent, end: index + 1, resolution, doc: self.doc });
        index
    }

    fn close(&mut self, index: usize) {
        let end = self.nodes.len();
        if let Some(n) = self.nodes.get_mut(index) {
            n.end = end;
        }
    }

    fn clauses(&mut self, clauses: &'a [Clause], depth: u16, parent: usize, res: &'a Resolution) {
        for c in clauses {
            let i = self.open(Kind::Clause(c), depth, Some(parent), Some(res));
            self.clauses(&c.children, depth + 1, i, res);
            self.close(i);
        }
    }

    /// Operative paragraphs, grouped under a section row where a heading
    /// groups them.
    fn operative(&mut self, clauses: &'a [Clause], depth: u16, parent: usize, res: &'a Resolution) {
        let mut start = 0;
        while start < clauses.len() {
            let section = clauses[start].section.as_deref();
            let len = clauses[start..].iter().take_while(|c| c.section.as_deref() == section).count();
            let run = &clauses[start..start + len];
            match section {
                Some(title) => {
                    let s = self.open(Kind::Section(title), depth, Some(parent), Some(res));
                    self.clauses(run, depth + 1, s, res);
                    self.close(s);
                }
                None => self.clauses(run, depth, parent, res),
            }
            start += len;
        }
    }
}
