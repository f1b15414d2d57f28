//! The finder: a prompt in place of the tree, its results below it. It
//! owns the query and the results in view; the search engine it drives
//! belongs to the reader (it outlives the finder, index and all). Keys are
//! in `keys.rs`, drawing in `view.rs`; what Enter, Esc and `Ctrl-t` ask of
//! the reader comes back as an `Outcome`.

mod keys;
mod view;

use super::Cx;
use crate::tui::detail::breadcrumb;
use crate::tui::outline::Kind;
use crate::tui::search::{Engine, cite, note_set};

/// Where the reader was when the finder opened: `Esc` goes back exactly.
#[derive(Debug, Clone)]
pub struct Saved {
    pub selected: usize,
    pub open: Vec<bool>,
    pub tree_offset: usize,
    pub detail_scroll: usize,
}

/// One result row as drawn: the node, and which chars of its text
/// matched (sorted, unique).
#[derive(Debug, Clone)]
pub struct Row {
    pub node: usize,
    /// `CCPCJ/1/3 › Operative 4 › a › ii`
    pub breadcrumb: String,
    /// The clause text (emphasis marks removed, lines joined), then its note.
    pub haystack: String,
    pub highlights: Vec<usize>,
    /// The clause a citation names (not a word match).
    pub citation: bool,
}

pub struct Finder {
    pub query: String,
    /// Cursor position in the query, in chars.
    pub cursor: usize,
    /// Opened with `f`: Enter narrows the tree instead of jumping.
    pub filter: bool,
    pub saved: Saved,
    /// Selected result (index into the result list).
    pub selected: usize,
    /// First result row in view.
    pub offset: usize,
    /// The query read as a citation: the clause it names (or, when it names
    /// none or several, the candidates), shown instead of word matches.
    pub pinned: Vec<usize>,
    /// The query is a citation.
    pub citation: bool,
    /// What the citation found, when not exactly one clause.
    pub note: Option<String>,
    /// The reader moved the selection (so Enter takes their choice).
    pub chosen: bool,
    /// `Ctrl-t` was pressed: the next key acts on the selected result (a
    /// tag key toggles that tag, the note key opens its note).
    pub acting: bool,
    /// The query is "selected" after an action: the next character typed
    /// replaces it (the next citation, at once), while `Ctrl-t` and ↑ / ↓
    /// still act on the same results.
    pub replace: bool,
    /// The last result acted on (`Ctrl-t`): a citation without a
    /// resolution (`op 7`) then means that clause's resolution, as the
    /// speaker's "operative 7" after "operative 4 (a) of 1/3" does.
    pub context: Option<usize>,
    /// Results in view, with highlights, refreshed by `tick`.
    pub rows: Vec<Row>,
    pub running: bool,
    pub matched: usize,
    pub total: usize,
    /// The selected result, shown in the detail pane (None: no result).
    pub preview: Option<usize>,
}

/// What Enter hands the reader to carry out.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub query: String,
    pub filter: bool,
    /// The clauses a citation names.
    pub pinned: Vec<usize>,
    pub citation: bool,
    /// The result selected when Enter was pressed.
    pub chosen: Option<usize>,
}

impl Finder {
    pub fn new(filter: bool, saved: Saved, total: usize) -> Finder {
        Finder {
            query: String::new(),
            cursor: 0,
            filter,
            saved,
            selected: 0,
            offset: 0,
            pinned: Vec::new(),
            citation: false,
            note: None,
            chosen: false,
            acting: false,
            replace: false,
            context: None,
            rows: Vec::new(),
            running: true,
            matched: 0,
            total,
            preview: None,
        }
    }

    /// The finder, opened where the reader is (`saved`), with an empty
    /// query. The engine searches the notes and tags as they are now.
    pub fn open(filter: bool, saved: Saved, cx: &mut Cx<'_, '_>) -> Finder {
        let notes = note_set(cx.notes);
        let total = cx.engine.as_deref_mut().map(|e| {
            e.set_notes(notes);
            e.total
        });
        let mut finder = Finder::new(filter, saved, total.unwrap_or(0));
        finder.set_query(String::new(), 0, cx);
        finder
    }

    /// Total results: the citation's clauses, or the word matches.
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
            None => engine.nth(index.checked_sub(self.pinned.len())?),
        }
    }

    /// A new query: read as a citation here, at once, or handed to the
    /// engine as words.
    fn set_query(&mut self, query: String, cursor: usize, cx: &mut Cx<'_, '_>) {
        let context = self.context.unwrap_or(self.saved.selected);
        let cited = cite(cx.nodes, &query, context);
        if let Some(engine) = cx.engine.as_deref_mut() {
            engine.set_query(if cited.is_some() { "" } else { query.as_str() });
        }
        self.query = query;
        self.cursor = cursor;
        self.citation = cited.is_some();
        (self.pinned, self.note) = cited.unwrap_or_default();
        self.selected = 0;
        self.offset = 0;
        self.chosen = false;
        self.tick(cx);
    }

    /// Every frame while the finder is open: take the engine's answer, and
    /// refresh the rows in view (with highlights) and the preview.
    pub fn tick(&mut self, cx: &mut Cx<'_, '_>) {
        let height = cx.tree_height.saturating_sub(2).max(1);
        let Some(engine) = cx.engine.as_deref_mut() else { return };
        self.running = engine.tick();
        self.matched = engine.matched();
        self.total = engine.total;
        let len = self.len();
        if self.selected >= len {
            self.selected = len.saturating_sub(1);
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        let Some(engine) = cx.engine.as_deref() else { return };
        let mut rows = Vec::new();
        for index in self.offset..(self.offset + height).min(len) {
            let Some(node) = self.result(engine, index) else {
                continue;
            };
            let citation = index < self.pinned.len();
            let text = row_text(cx, node);
            let highlights = if citation { Vec::new() } else { engine.highlights(&text) };
            rows.push(Row { node, breadcrumb: breadcrumb(cx.nodes, node), haystack: text, highlights, citation });
        }
        self.rows = rows;
        // No result, no preview: the detail goes back to the selected clause.
        self.preview = self.result(engine, self.selected);
    }
}

/// The text a result row shows and highlights: the clause text without
/// emphasis marks, lines joined, then its note.
fn row_text(cx: &Cx<'_, '_>, node: usize) -> String {
    let Some(Kind::Clause(clause)) = cx.nodes.get(node).map(|n| n.kind) else {
        return String::new();
    };
    let mut text: String =
        clause.text.chars().filter(|&c| c != '*').map(|c| if c.is_control() { ' ' } else { c }).collect();
    if let Some(a) = cx.annotation(node) {
        for t in &a.tags {
            text.push_str(" #");
            text.push_str(t);
        }
        if !a.note.is_empty() {
            text.push_str("  ");
            text.extend(a.note.chars().map(|c| if c.is_control() { ' ' } else { c }));
        }
    }
    text
}
