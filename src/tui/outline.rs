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

/// A clause of an older revision shown where it stood in the newer one
/// (a struck clause's "ghost row").
#[derive(Debug, Clone, Copy)]
pub struct Ghost<'a> {
    pub clause: &'a Clause,
    /// The older revision's document.
    pub doc: usize,
    /// Its depth among clauses (0: a paragraph).
    pub level: usize,
    /// What the caller wants back with the ghost's node index.
    pub tag: usize,
}

/// Ghosts by the id of the clause of the newer revision they stood after,
/// or by `CODE:` for those before its first clause.
pub type Ghosts<'a> = std::collections::HashMap<String, Vec<Ghost<'a>>>;

/// Build the node list for all documents.
pub fn build<'a>(docs: &'a [Document]) -> Vec<Node<'a>> {
    build_with(docs, Ghosts::new()).0
}

/// The same, with ghost rows placed among the clauses; also returns each
/// ghost's node and tag.
pub fn build_with<'a>(docs: &'a [Document], ghosts: Ghosts<'a>) -> (Vec<Node<'a>>, Vec<(usize, usize)>) {
    // Not pre-sized: counting the clauses first would walk a quarter of a
    // million cold clauses twice, which costs more than growing the list.
    let mut b = Builder { nodes: Vec::new(), doc: 0, ghosts, pending: Vec::new(), placed: Vec::new() };
    for (i, doc) in docs.iter().enumerate() {
        b.doc = i;
        let d = b.open(Kind::Document(doc), 0, None, None);
        for res in &doc.resolutions {
            let r = b.open(Kind::Resolution(res), 1, Some(d), Some(res));
            b.pending = b.ghosts.remove(&format!("{}:", res.code)).unwrap_or_default();
            if !res.preamble.is_empty() {
                let g = b.open(Kind::Group(Group::Preamble(&res.preamble)), 2, Some(r), Some(res));
                b.place_pending(0, 3, g, res);
                b.clauses(&res.preamble, 3, g, res, 0);
                b.close(g);
            }
            if !res.operative.is_empty() {
                let g = b.open(Kind::Group(Group::Operative(&res.operative)), 2, Some(r), Some(res));
                b.place_pending(0, 3, g, res);
                b.operative(&res.operative, 3, g, res);
                b.place_all_pending(3, g, res);
                b.close(g);
            }
            for (k, annex) in res.annexes.iter().enumerate() {
                let g = b.open(Kind::Group(Group::Annex(k, annex)), 2, Some(r), Some(res));
                b.clauses(&annex.preamble, 3, g, res, 0);
                b.operative(&annex.operative, 3, g, res);
                b.place_all_pending(3, g, res);
                b.close(g);
            }
            b.close(r);
        }
        b.close(d);
    }
    (b.nodes, b.placed)
}

struct Builder<'a> {
    nodes: Vec<Node<'a>>,
    doc: usize,
    ghosts: Ghosts<'a>,
    /// Ghosts whose clause has been passed, waiting for their level.
    pending: Vec<Ghost<'a>>,
    /// (node, tag) of each ghost placed.
    placed: Vec<(usize, usize)>,
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

    fn clauses(&mut self, clauses: &'a [Clause], depth: u16, parent: usize, res: &'a Resolution, level: usize) {
        for c in clauses {
            let i = self.open(Kind::Clause(c), depth, Some(parent), Some(res));
            if !self.ghosts.is_empty()
                && let Some(after) = self.ghosts.remove(c.id.as_str())
            {
                // Deeper than this clause: struck items at the start of its
                // own list; the others wait for their level.
                let (inside, rest): (Vec<Ghost<'a>>, Vec<Ghost<'a>>) = after.into_iter().partition(|g| g.level > level);
                for g in inside {
                    self.ghost(g, depth + 1, i, res);
                }
                self.pending.extend(rest);
            }
            self.clauses(&c.children, depth + 1, i, res, level + 1);
            self.close(i);
            self.place_pending(level, depth, parent, res);
        }
    }

    /// Ghosts waiting at `level` or deeper are placed here, as siblings.
    fn place_pending(&mut self, level: usize, depth: u16, parent: usize, res: &'a Resolution) {
        if self.pending.iter().any(|g| g.level >= level) {
            let (here, up): (Vec<Ghost<'a>>, Vec<Ghost<'a>>) =
                std::mem::take(&mut self.pending).into_iter().partition(|g| g.level >= level);
            self.pending = up;
            for g in here {
                self.ghost(g, depth, parent, res);
            }
        }
    }

    fn place_all_pending(&mut self, depth: u16, parent: usize, res: &'a Resolution) {
        self.place_pending(0, depth, parent, res);
    }

    /// A ghost row: the older revision's clause, as a leaf (its struck
    /// sub-items are ghosts of their own), belonging to the older document
    /// so that its notes and tags are its own.
    fn ghost(&mut self, g: Ghost<'a>, depth: u16, parent: usize, res: &'a Resolution) {
        let i = self.open(Kind::Clause(g.clause), depth, Some(parent), Some(res));
        self.nodes[i].doc = g.doc;
        self.close(i);
        self.placed.push((i, g.tag));
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
                    self.clauses(run, depth + 1, s, res, 0);
                    self.close(s);
                }
                None => self.clauses(run, depth, parent, res, 0),
            }
            start += len;
        }
    }
}

/// What a node's annotation would be on: a clause, a whole resolution, or
/// the document (other rows take none).
pub fn target(nodes: &[Node<'_>], node: usize) -> Option<(usize, crate::annotate::Target)> {
    use crate::annotate::Target;
    let n = nodes.get(node)?;
    let target = match n.kind {
        Kind::Clause(c) => Target::Clause(c.id.to_string()),
        Kind::Resolution(r) => Target::Resolution(r.code.clone()),
        Kind::Document(_) => Target::Document,
        _ => return None,
    };
    Some((n.doc, target))
}

/// The annotation of a node, if it has one.
pub fn annotation<'n>(
    nodes: &[Node<'_>],
    notes: Option<&'n crate::annotate::Notes>,
    node: usize,
) -> Option<&'n crate::annotate::Annotation> {
    let n = nodes.get(node)?;
    let notes = notes?;
    match n.kind {
        // The common case, without building a target.
        Kind::Clause(c) => notes.get(n.doc, &c.id),
        _ => target(nodes, node).and_then(|(doc, t)| notes.get_target(doc, &t)),
    }
}
