//! The interactive finder's state. nucleo matches on its own threads; the
//! event loop calls `tick` each frame, so typing never waits for matching.
//! Items are injected once, from a background thread, the first time the
//! finder opens.

use std::sync::Arc;

use compact_str::CompactString;
use nucleo::pattern::{CaseMatching, Normalization};
use nucleo::{Config, Matcher, Nucleo};

use crate::annotate::{Annotation, Notes};
use crate::document::Text;
use crate::find::candidate::{haystack_of, push_annotation};
use crate::find::highlight::positions;
use crate::find::reference::{self, Reference};
use crate::find::utf32::utf32_string;

use super::outline::{Kind, Node};

/// Where the reader was when the finder opened: `Esc` goes back exactly.
#[derive(Debug, Clone)]
pub struct Saved {
    pub selected: usize,
    pub open: Vec<bool>,
    pub tree_offset: usize,
    pub detail_scroll: usize,
}

/// One result row as drawn: the node, and which chars of its haystack
/// matched (sorted, unique).
#[derive(Debug, Clone)]
pub struct Row {
    pub node: usize,
    /// `CCPCJ/1/3 › Operative 4 › a › ii`
    pub breadcrumb: String,
    /// What was matched: the clause text, then its id.
    pub haystack: String,
    pub highlights: Vec<usize>,
}

pub struct Finder {
    pub query: String,
    /// Opened with `f`: Enter narrows the tree instead of jumping.
    pub filter: bool,
    pub saved: Saved,
    /// Selected result (index into the result list).
    pub selected: usize,
    /// First result row in view.
    pub offset: usize,
    /// Clauses that answer the query as a reference (`1/3 op 4`), shown
    /// first.
    pub pinned: Vec<usize>,
    /// Results in view, with highlights, refreshed by `tick`.
    pub rows: Vec<Row>,
    pub running: bool,
    pub matched: usize,
    pub total: usize,
}

/// A find accepted before matching finished (a very large corpus and a
/// broad query). The reader is back at once; the jump to the best hit, and
/// the hits for `n` / `N` or the filter, follow when matching completes.
#[derive(Debug, Clone)]
pub struct Collecting {
    pub query: String,
    /// Narrow the tree to the hits once they are all known.
    pub filter: bool,
    /// Clauses that answer the query as a reference.
    pub pinned: Vec<usize>,
    /// The reader has jumped already (to a row chosen in the list, or to a
    /// clause reference).
    pub jumped: bool,
    /// The selection when Enter was pressed: if the reader moves before
    /// matching ends, the jump is not made.
    pub selected: usize,
}

/// The nucleo engine over all clause nodes; lives as long as the app.
pub struct Engine {
    pub nucleo: Nucleo<u32>,
    pub total: usize,
    matcher: Matcher,
    last_query: String,
}

impl Engine {
    /// Start matching over every clause node. Only cheap copies are made
    /// here (clause texts are shared, ids short): the haystacks are built on
    /// the thread that feeds nucleo, so the first `/` on a large corpus
    /// opens at once.
    pub fn new(nodes: &[Node<'_>], notes: Option<&Notes>) -> Engine {
        // Allocated once (at most one item a node); the rare annotation boxed.
        let mut items: Vec<(u32, Text, CompactString, Option<Box<Annotation>>)> = Vec::with_capacity(nodes.len());
        items.extend(nodes.iter().enumerate().filter_map(|(i, n)| match n.kind {
            Kind::Clause(c) => {
                let annotation = notes.and_then(|notes| notes.get(n.doc, &c.id)).cloned().map(Box::new);
                Some((u32::try_from(i).ok()?, c.text.clone(), c.id.clone(), annotation))
            }
            _ => None,
        }));
        Engine::start(items.len(), move |push| {
            let mut text = String::new();
            for (node, clause_text, id, annotation) in items {
                haystack_of(&clause_text, &id, &mut text);
                push_annotation(&mut text, annotation.as_deref());
                push(node, &text);
            }
        })
    }

    /// Start matching over `(node, haystack)` items.
    pub fn from_items(items: Vec<(u32, String)>) -> Engine {
        Engine::start(items.len(), move |push| {
            for (node, text) in items {
                push(node, &text);
            }
        })
    }

    /// Start nucleo over `total` items, which `feed` pushes (node, haystack)
    /// from a background thread.
    fn start(total: usize, feed: impl FnOnce(&mut dyn FnMut(u32, &str)) + Send + 'static) -> Engine {
        let notify = Arc::new(|| {});
        let nucleo = Nucleo::new(Config::DEFAULT, notify, None, 1);
        let injector = nucleo.injector();
        std::thread::spawn(move || {
            feed(&mut |node, text| {
                injector.push(node, |_, cols| cols[0] = utf32_string(text));
            });
        });
        Engine { nucleo, total, matcher: Matcher::new(Config::DEFAULT), last_query: String::new() }
    }

    pub fn set_query(&mut self, query: &str) {
        let append = query.starts_with(self.last_query.as_str()) && !self.last_query.is_empty();
        let query = crate::find::engine::nucleo_query(query);
        self.nucleo.pattern.reparse(0, &query, CaseMatching::Smart, Normalization::Smart, append);
        self.last_query = query.to_string();
    }

    /// Let the workers report; true while matching is still running.
    pub fn tick(&mut self) -> bool {
        let status = self.nucleo.tick(10);
        status.running || self.nucleo.snapshot().item_count() < self.total as u32
    }

    pub fn matched(&self) -> usize {
        self.nucleo.snapshot().matched_item_count() as usize
    }

    /// The n-th match's node.
    pub fn nth(&self, n: usize) -> Option<usize> {
        let n = u32::try_from(n).ok()?;
        self.nucleo.snapshot().get_matched_item(n).map(|item| *item.data as usize)
    }

    /// Every matched node, in document (node) order.
    pub fn all_matches(&self) -> Vec<usize> {
        let snap = self.nucleo.snapshot();
        let mut nodes: Vec<usize> = snap.matched_items(..).map(|item| *item.data as usize).collect();
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// Highlight positions of the current pattern in `text`.
    pub fn highlights(&mut self, text: &str) -> Vec<usize> {
        let pattern = self.nucleo.pattern.column_pattern(0).clone();
        positions(&pattern, text, &mut self.matcher)
    }
}

impl Finder {
    pub fn new(filter: bool, saved: Saved, total: usize) -> Finder {
        Finder {
            query: String::new(),
            filter,
            saved,
            selected: 0,
            offset: 0,
            pinned: Vec::new(),
            rows: Vec::new(),
            running: true,
            matched: 0,
            total,
        }
    }

    /// Total results: pinned references, then nucleo's matches.
    pub fn len(&self) -> usize {
        self.pinned.len() + self.matched
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The node of the result at `index`.
    pub fn result(&self, engine: &Engine, index: usize) -> Option<usize> {
        match self.pinned.get(index) {
            Some(&node) => Some(node),
            None => engine.nth(index - self.pinned.len()),
        }
    }
}

/// Clause nodes that answer `query` as a reference, in document order.
pub fn pinned(nodes: &[Node<'_>], query: &str) -> Vec<usize> {
    let Some(r): Option<Reference> = reference::parse(query) else {
        return Vec::new();
    };
    nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(n.kind, Kind::Clause(c) if r.matches(c)))
        .map(|(i, _)| i)
        .collect()
}
