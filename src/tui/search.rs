//! The search engine behind the finder, and what a find leaves behind. The
//! engine builds a word index on its own thread as soon as the documents
//! are loaded, and answers each query there, so typing never waits: the
//! event loop calls `tick` each frame and shows the results when they come.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use crate::annotate::Notes;
use crate::find::citation::{self, Outcome};
use crate::find::engine::citation_note;
use crate::find::highlight::positions;
use crate::find::index::{Annotated, Annotations, Index, Item, NoteSet};
use crate::find::matcher::Compiled;

use super::outline::{Kind, Node};

/// A find accepted before matching finished (the index still building on
/// a very large corpus). The reader is back at once; the jump to the best
/// hit, and the hits for `n` / `N` or the filter, follow when it completes.
#[derive(Debug, Clone)]
pub struct Collecting {
    pub query: String,
    /// Narrow the tree to the hits once they are all known.
    pub filter: bool,
    /// Clauses that answer the query as a citation.
    pub pinned: Vec<usize>,
    /// The reader has jumped already (to a row chosen in the list, or to a
    /// cited clause).
    pub jumped: bool,
    /// The selection when Enter was pressed: if the reader moves before
    /// matching ends, the jump is not made.
    pub selected: usize,
}

/// What a query found, computed on the engine's thread.
#[derive(Debug, Default)]
struct Results {
    generation: u64,
    /// Nodes, best first.
    ranked: Vec<u32>,
}

struct Request {
    generation: u64,
    query: String,
    notes: Arc<NoteSet>,
}

#[derive(Default)]
struct State {
    request: Option<Request>,
    done: Option<Arc<Results>>,
    ready: bool,
    stop: bool,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    wake: Condvar,
    /// The newest query's generation: an older one still being answered
    /// stops (typing on needs only the newest answer).
    latest: AtomicU64,
}

/// The search engine over all clause nodes; lives as long as the app.
pub struct Engine {
    pub total: usize,
    shared: Arc<Shared>,
    generation: u64,
    results: Arc<Results>,
    compiled: Compiled,
    notes: Arc<NoteSet>,
}

impl Drop for Engine {
    fn drop(&mut self) {
        if let Ok(mut s) = self.shared.state.lock() {
            s.stop = true;
        }
        self.shared.wake.notify_all();
    }
}

impl Engine {
    /// Start indexing every clause node. Only cheap copies are made here
    /// (clause texts are shared, ids short): the index is built on the
    /// engine's thread.
    pub fn new(nodes: &[Node<'_>]) -> Engine {
        let items: Vec<Item> = nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match n.kind {
                Kind::Clause(c) => Some(Item {
                    node: u32::try_from(i).ok()?,
                    doc: u32::try_from(n.doc).ok()?,
                    text: c.text.clone(),
                    id: c.id.clone(),
                }),
                _ => None,
            })
            .collect();
        Engine::start(items)
    }

    /// Start over `(node, text)` items (tests and benchmarks).
    pub fn from_items(items: Vec<(u32, String)>) -> Engine {
        Engine::start(
            items
                .into_iter()
                .map(|(node, text)| Item { node, doc: 0, text: text.into(), id: format!("T/1:op.{node}").into() })
                .collect(),
        )
    }

    fn start(items: Vec<Item>) -> Engine {
        let total = items.len();
        let shared = Arc::new(Shared::default());
        let worker = Arc::clone(&shared);
        std::thread::spawn(move || serve(&worker, items));
        Engine {
            total,
            shared,
            generation: 0,
            results: Arc::new(Results::default()),
            compiled: Compiled::new(""),
            notes: Arc::new(NoteSet::new()),
        }
    }

    /// The notes and tags searched with the text (few: copied on change).
    pub fn set_notes(&mut self, notes: NoteSet) {
        if *self.notes != notes {
            self.notes = Arc::new(notes);
        }
    }

    pub fn set_query(&mut self, query: &str) {
        self.generation += 1;
        self.compiled = Compiled::new(query);
        let request = Request { generation: self.generation, query: query.to_string(), notes: Arc::clone(&self.notes) };
        self.shared.latest.store(self.generation, Ordering::Relaxed);
        if let Ok(mut s) = self.shared.state.lock() {
            s.request = Some(request);
        }
        self.shared.wake.notify_all();
    }

    /// Take finished results; true while the current query is still being
    /// answered (or the index built).
    pub fn tick(&mut self) -> bool {
        if self.results.generation == self.generation {
            return false;
        }
        if let Ok(mut s) = self.shared.state.lock()
            && let Some(done) = s.done.take()
        {
            if done.generation == self.generation {
                self.results = done;
            } else if done.generation > self.results.generation {
                // An answer to a later query than ours cannot exist; an
                // older one is dropped.
                s.done = None;
            }
        }
        self.results.generation != self.generation
    }

    /// Is the index built?
    pub fn ready(&self) -> bool {
        self.shared.state.lock().map(|s| s.ready).unwrap_or(false)
    }

    pub fn matched(&self) -> usize {
        if self.results.generation == self.generation { self.results.ranked.len() } else { 0 }
    }

    /// The n-th match's node.
    pub fn nth(&self, n: usize) -> Option<usize> {
        if self.results.generation != self.generation {
            return None;
        }
        self.results.ranked.get(n).map(|&node| node as usize)
    }

    /// Every matched node, in document (node) order.
    pub fn all_matches(&self) -> Vec<usize> {
        if self.results.generation != self.generation {
            return Vec::new();
        }
        let mut nodes: Vec<usize> = self.results.ranked.iter().map(|&n| n as usize).collect();
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// Highlight positions of the current query in `text`.
    pub fn highlights(&self, text: &str) -> Vec<usize> {
        positions(&self.compiled, text)
    }

    /// The current query, compiled (for highlighting elsewhere).
    pub fn compiled(&self) -> &Compiled {
        &self.compiled
    }
}

/// The engine's thread: build the index, then answer the latest query
/// until the engine is dropped. Queries that arrive while one is being
/// answered replace each other: only the newest is answered next.
fn serve(shared: &Shared, items: Vec<Item>) {
    let index = Index::build(items);
    let mut cached: Option<(Arc<NoteSet>, Annotations)> = None;
    if let Ok(mut s) = shared.state.lock() {
        s.ready = true;
    }
    loop {
        let request = {
            let Ok(mut s) = shared.state.lock() else { return };
            loop {
                if s.stop {
                    return;
                }
                if let Some(r) = s.request.take() {
                    break r;
                }
                let Ok(next) = shared.wake.wait(s) else { return };
                s = next;
            }
        };
        let notes = match &cached {
            Some((set, a)) if Arc::ptr_eq(set, &request.notes) || **set == *request.notes => a,
            _ => {
                let a = index.annotations(&request.notes);
                &cached.insert((Arc::clone(&request.notes), a)).1
            }
        };
        let cancelled = || shared.latest.load(Ordering::Relaxed) != request.generation;
        let Some(ranked) = index.search(&Compiled::new(&request.query), notes, &cancelled) else {
            continue;
        };
        let results = Results {
            generation: request.generation,
            ranked: ranked.into_iter().filter_map(|i| index.nodes.get(i as usize).copied()).collect(),
        };
        if let Ok(mut s) = shared.state.lock() {
            // A newer request waiting makes this answer useless, but it is
            // kept: the reader sees the latest complete answer.
            s.done = Some(Arc::new(results));
        }
    }
}

/// The notes and tags of every open document, as the engine searches them.
pub fn note_set(notes: Option<&Notes>) -> NoteSet {
    let mut set = NoteSet::new();
    let Some(notes) = notes else { return set };
    for (doc, view) in notes.docs.iter().enumerate() {
        for (id, a) in &view.anchored.by_id {
            let entry = Annotated { tags: a.tags.iter().cloned().collect(), note: a.note.clone() };
            set.insert((doc as u32, id.to_string()), entry);
        }
    }
    set
}

/// The query read as a citation: the nodes it names (one, or the
/// candidates), and what to say when it is not exactly one. `context`: the
/// node the reader is on, whose resolution a citation without one means.
pub fn cite(nodes: &[Node<'_>], query: &str, context: usize) -> Option<(Vec<usize>, Option<String>)> {
    let c = citation::parse(query)?;
    let here = nodes.get(context).and_then(|n| n.resolution).map(|r| r.code.as_str());
    let clauses = nodes.iter().enumerate().filter_map(|(i, n)| match n.kind {
        Kind::Clause(c) => Some((i, c.id.as_str())),
        _ => None,
    });
    let outcome = c.resolve(clauses, here);
    let id = |i: usize| match nodes.get(i).map(|n| n.kind) {
        Some(Kind::Clause(c)) => c.id.to_string(),
        _ => String::new(),
    };
    let note = citation_note(&c, &outcome, id);
    let nodes = match outcome {
        Outcome::Found(i) => vec![i],
        Outcome::Ambiguous(v) | Outcome::Missing(v) => v,
    };
    Some((nodes, note))
}
