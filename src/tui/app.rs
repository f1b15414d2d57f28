//! The reader's state. Only `update` and `apply` (and the few event
//! handlers here) change it; views read it. Nothing here draws. The
//! overlays (finder, note editor, …) keep their own state, on a stack.

use ratatui::layout::Rect;
use ratatui::text::Line;

use super::compare::{self, Compare};
use super::detail::{self, Context};
use super::jumps::Jumps;
use super::keymap::{HelpLine, Keymap, help_lines};
use super::layout::{Panes, inner, panes};
use super::outline::{self, Kind, Node};
use super::overlay::{self, Annotations, Cx, Finder, NoteEditor, Overlay};
use super::search::{Collecting, Engine};
use crate::annotate::{Annotation, Notes, Target};
use crate::config::TagDef;
use crate::config::theme::Palette;
use crate::document::Document;

/// What the reader is doing, as the status line names it: reading, or in
/// the overlay on top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    /// The finder prompt is open (`/`, or `f` for a filter).
    Find,
    /// The note editor is open on a clause.
    EditNote,
    /// `t` was pressed: the next key names a tag to filter by.
    TagPick,
    /// The list of every note and tag.
    Annotations,
    /// The notes file could not be read: read without it, or quit.
    NotesProblem(String),
}

/// The tree narrowed to the clauses matching a query, and their ancestors.
#[derive(Debug, Clone)]
pub struct Filter {
    pub query: String,
    /// Per node: shown while filtered?
    pub visible: Vec<bool>,
    pub matches: usize,
    /// The folds before the filter opened ancestors, put back when it is
    /// cleared.
    pub open_before: Vec<bool>,
}

/// Where Shift-Tab is in its cycle, as org-mode's global visibility cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeView {
    Overview,
    Contents,
    Everything,
}

/// Rows of context kept above and below the selection.
pub const SCROLL_OFF: usize = 3;

pub struct App<'a> {
    pub docs: &'a [Document],
    pub nodes: Vec<Node<'a>>,
    /// Per node: unfolded?
    pub open: Vec<bool>,
    /// Visible rows: node indices in pre-order, increasing.
    pub rows: Vec<usize>,
    /// The selected node (always visible).
    pub selected: usize,
    /// First visible row of the tree.
    pub tree_offset: usize,
    pub detail_scroll: usize,
    pub tree_percent: u16,
    /// What is open over the tree, the last on top (the note editor over
    /// the finder). Empty: reading.
    pub overlays: Vec<Overlay>,
    pub tree_view: TreeView,
    pub message: Option<String>,
    pub keymap: Keymap,
    pub area: Rect,
    /// The selected node's detail, wrapped to the detail pane's width.
    pub detail: Vec<Line<'static>>,
    detail_key: Option<(usize, u16)>,
    /// The matching engine, started with the first frame; it outlives
    /// each finder.
    pub engine: Option<Engine>,
    /// A find accepted while matching was still running.
    pub collecting: Option<Collecting>,
    /// Hits of the last find, in document order, for `n` / `N`.
    pub hits: Vec<usize>,
    /// The last find's query: its words are marked in the detail.
    pub marks: Option<crate::find::matcher::Compiled>,
    pub filter: Option<Filter>,
    /// Notes and tags (None: not loaded, as in some tests).
    pub notes: Option<Notes>,
    pub tags: Vec<TagDef>,
    pub palette: Palette,
    /// Two revisions compared (`--compare`): change marks and ghost rows.
    pub compare: Option<Compare>,
    /// Where each jump left from, for `Ctrl-o` and the like.
    pub jumps: Jumps,
    /// The tree narrowed to one resolution (its node), as org-mode's
    /// narrow-to-subtree.
    pub narrow: Option<usize>,
}

impl<'a> App<'a> {
    pub fn new(docs: &'a [Document], tree_percent: u16) -> App<'a> {
        let nodes = outline::build(docs);
        let open = vec![false; nodes.len()];
        let mut app = App {
            docs,
            nodes,
            open,
            rows: Vec::new(),
            selected: 0,
            tree_offset: 0,
            detail_scroll: 0,
            tree_percent: tree_percent.clamp(20, 80),
            overlays: Vec::new(),
            tree_view: TreeView::Contents,
            message: None,
            keymap: Keymap::default(),
            area: Rect::new(0, 0, 120, 40),
            detail: Vec::new(),
            detail_key: None,
            engine: None,
            collecting: None,
            hits: Vec::new(),
            marks: None,
            filter: None,
            notes: None,
            tags: crate::config::Config::default().tags,
            palette: Palette::default(),
            compare: None,
            jumps: Jumps::default(),
            narrow: None,
        };
        app.set_tree_view(TreeView::Contents);
        // Start on the first resolution: that is what a delegate opens for.
        if let Some(first) = app.nodes.iter().position(|n| matches!(n.kind, Kind::Resolution(_))) {
            app.selected = first;
        }
        app.refresh();
        app
    }

    /// The reader on two revisions, the newer one's changes marked.
    pub fn comparing(docs: &'a [Document], tree_percent: u16, old: usize, new: usize) -> App<'a> {
        let mut app = App::new(&docs[..0], tree_percent);
        let (nodes, cmp) = compare::build(docs, old, new);
        app.docs = docs;
        app.open = vec![false; nodes.len()];
        app.nodes = nodes;
        app.compare = Some(cmp);
        app.set_tree_view(TreeView::Contents);
        // The older revision folded: the newer one is what is read.
        for (i, n) in app.nodes.iter().enumerate() {
            if n.doc == old && matches!(n.kind, Kind::Document(_)) {
                app.open[i] = false;
            }
        }
        app.recompute_rows();
        if let Some(first) = app.nodes.iter().position(|n| n.doc == new && matches!(n.kind, Kind::Document(_))) {
            app.reveal(first);
        }
        app.refresh();
        app
    }

    /// Whether a node is a struck clause's ghost row that is hidden now.
    fn hidden_ghost(&self, node: usize) -> bool {
        self.compare.as_ref().is_some_and(|c| !c.show_struck && c.ghost.get(node).copied().unwrap_or(false))
    }

    pub fn panes(&self) -> Panes {
        panes(self.area, self.tree_percent)
    }

    /// Rows the tree pane shows at once.
    pub fn tree_height(&self) -> usize {
        usize::from(inner(self.panes().tree).height)
    }

    pub fn detail_height(&self) -> usize {
        usize::from(inner(self.panes().detail).height)
    }

    /// What a node's annotation would be on: a clause, a whole
    /// resolution, or the document (other rows take none).
    pub fn target(&self, node: usize) -> Option<(usize, Target)> {
        outline::target(&self.nodes, node)
    }

    /// The annotation of a node, if it has one.
    pub fn annotation(&self, node: usize) -> Option<&Annotation> {
        outline::annotation(&self.nodes, self.notes.as_ref(), node)
    }

    /// What an overlay may read (and the engine it may drive).
    pub fn cx(&mut self) -> Cx<'_, 'a> {
        let tree_height = self.tree_height();
        Cx {
            docs: self.docs,
            nodes: &self.nodes,
            notes: self.notes.as_ref(),
            tags: &self.tags,
            keymap: &self.keymap,
            engine: self.engine.as_mut(),
            area: self.area,
            tree_height,
        }
    }

    /// What the reader is doing: reading, or the overlay on top.
    pub fn mode(&self) -> Mode {
        self.overlays.last().map_or(Mode::Normal, Overlay::mode)
    }

    /// The finder, if it is open (perhaps under the note editor).
    pub fn finder(&self) -> Option<&Finder> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Finder(f) => Some(f.as_ref()),
            _ => None,
        })
    }

    /// The note editor, if it is open.
    pub fn editor(&self) -> Option<&NoteEditor> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Editor(e) => Some(e.as_ref()),
            _ => None,
        })
    }

    /// The list of notes, if it is open.
    pub fn annotations(&self) -> Option<&Annotations> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Annotations(a) => Some(a),
            _ => None,
        })
    }

    /// How far help is scrolled (0 when it is closed).
    pub fn help_scroll(&self) -> usize {
        self.overlays
            .iter()
            .rev()
            .find_map(|o| match o {
                Overlay::Help(h) => Some(h.scroll.min(self.max_help_scroll())),
                _ => None,
            })
            .unwrap_or(0)
    }

    /// A node shown in the detail pane without being selected in the tree
    /// (the finder's selected result).
    pub fn preview(&self) -> Option<usize> {
        self.finder().and_then(|f| f.preview)
    }

    /// Forget what was computed from the notes (after any change to them).
    pub fn notes_changed(&mut self) {
        self.detail_key = None;
        self.refresh();
    }

    /// Mark a find's words in the detail (None: stop marking).
    pub fn set_marks(&mut self, marks: Option<crate::find::matcher::Compiled>) {
        self.marks = marks;
        self.detail_key = None;
        self.refresh();
    }

    pub fn has_children(&self, node: usize) -> bool {
        self.nodes.get(node).is_some_and(|n| n.has_children(node))
    }

    /// Row index of the selected node.
    pub fn selected_row(&self) -> usize {
        self.rows.binary_search(&self.selected).unwrap_or_else(|i| i.min(self.rows.len().saturating_sub(1)))
    }

    /// Recompute visible rows from the fold state.
    pub fn recompute_rows(&mut self) {
        self.rows.clear();
        // Narrowed: only the resolution's own subtree.
        let (mut i, end) = match self.narrow {
            Some(r) => (r, self.nodes.get(r).map_or(self.nodes.len(), |n| n.end)),
            None => (0, self.nodes.len()),
        };
        while i < end {
            if self.filter.as_ref().is_some_and(|f| !f.visible[i]) || self.hidden_ghost(i) {
                i = self.nodes[i].end;
                continue;
            }
            self.rows.push(i);
            i = if self.open[i] { i + 1 } else { self.nodes[i].end };
        }
        // The selection must stay visible: fall back to its nearest visible
        // ancestor.
        while self.rows.binary_search(&self.selected).is_err() {
            match self.nodes.get(self.selected).and_then(|n| n.parent) {
                Some(p) => self.selected = p,
                None => {
                    self.selected = self.rows.first().copied().unwrap_or(0);
                    break;
                }
            }
        }
    }

    /// After any change: rows, scroll position and detail are brought up to
    /// date. Cheap when nothing relevant changed.
    pub fn refresh(&mut self) {
        if self.rows.is_empty() && !self.nodes.is_empty() {
            self.recompute_rows();
        }
        self.keep_in_view();
        self.update_detail();
    }

    pub fn keep_in_view(&mut self) {
        let height = self.tree_height().max(1);
        let row = self.selected_row();
        let off = SCROLL_OFF.min(height.saturating_sub(1) / 2);
        if row < self.tree_offset + off {
            self.tree_offset = row.saturating_sub(off);
        } else if row + off >= self.tree_offset + height {
            self.tree_offset = (row + off + 1).saturating_sub(height);
        }
        let max_offset = self.rows.len().saturating_sub(height);
        self.tree_offset = self.tree_offset.min(max_offset);
    }

    fn update_detail(&mut self) {
        let width = inner(self.panes().detail).width;
        let shown = self.preview().unwrap_or(self.selected);
        let key = (shown, width);
        if self.detail_key != Some(key) {
            if self.detail_key.map(|k| k.0) != Some(shown) {
                self.detail_scroll = 0;
            }
            let ctx = Context {
                palette: self.palette,
                tags: &self.tags,
                notes: self.notes.as_ref(),
                compare: self.compare.as_ref(),
            };
            self.detail = match self.nodes.get(shown) {
                Some(node) => detail::lines(node, &self.nodes, shown, width, &ctx),
                None => Vec::new(),
            };
            if let Some(q) = &self.marks {
                detail::mark(&mut self.detail, q, self.palette.highlight);
            }
            self.detail_key = Some(key);
        }
        let max = self.detail.len().saturating_sub(self.detail_height().max(1));
        self.detail_scroll = self.detail_scroll.min(max);
    }

    /// Select a node, unfolding its ancestors so it is visible.
    pub fn reveal(&mut self, node: usize) {
        // A jump out of a narrowed resolution widens the tree again.
        let mut changed =
            self.narrow.take_if(|r| !(*r..self.nodes.get(*r).map_or(0, |n| n.end)).contains(&node)).is_some();
        let mut p = self.nodes.get(node).and_then(|n| n.parent);
        while let Some(i) = p {
            if !self.open[i] {
                self.open[i] = true;
                changed = true;
            }
            p = self.nodes[i].parent;
        }
        self.selected = node;
        if changed {
            self.recompute_rows();
        }
    }

    pub fn set_tree_view(&mut self, view: TreeView) {
        for (i, n) in self.nodes.iter().enumerate() {
            self.open[i] = match view {
                TreeView::Overview => matches!(n.kind, Kind::Document(_)),
                TreeView::Contents => !matches!(n.kind, Kind::Clause(_)),
                TreeView::Everything => true,
            };
        }
        self.tree_view = view;
        self.recompute_rows();
    }

    /// Narrow the tree to `hits` (node indices, in order): each hit with its
    /// sub-clauses, and its ancestors, unfolded so it shows. The hits also
    /// become what `n` / `N` walk. Used by the finder's filter and by the
    /// tag filter.
    pub fn apply_filter(&mut self, query: String, hits: Vec<usize>) {
        // A filter that replaces another keeps the folds from before both.
        let open_before = match &self.filter {
            Some(f) => f.open_before.clone(),
            None => self.open.clone(),
        };
        let mut visible = vec![false; self.nodes.len()];
        for &h in &hits {
            visible[h..self.nodes[h].end].iter_mut().for_each(|v| *v = true);
            let mut p = self.nodes[h].parent;
            while let Some(i) = p {
                if visible[i] && self.open[i] {
                    break;
                }
                visible[i] = true;
                self.open[i] = true;
                p = self.nodes[i].parent;
            }
        }
        self.filter = Some(Filter { query, visible, matches: hits.len(), open_before });
        if let Some(&first) = hits.first() {
            self.selected = first;
        }
        self.hits = hits;
        self.recompute_rows();
    }

    /// The help overlay's lines: every binding (from the keymap, so it lists
    /// exactly the keys that work), the finder's keys, the configured tags
    /// and the notes keys.
    pub fn help(&self) -> Vec<HelpLine> {
        help_lines(&self.keymap, &self.tags)
    }

    /// How far the help can scroll: until its last line is at the bottom.
    pub fn max_help_scroll(&self) -> usize {
        overlay::help::max_scroll(&self.keymap, &self.tags, self.area)
    }

    /// The help as it is shown at this window's width.
    pub fn help_display(&self) -> Vec<Line<'static>> {
        overlay::help::display(&self.keymap, &self.tags, self.area)
    }

    /// Window resized.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        self.refresh();
    }

    /// Mouse click at a screen position: select the row under it.
    pub fn click(&mut self, column: u16, row: u16) {
        let tree = inner(self.panes().tree);
        if column >= tree.x && column < tree.x + tree.width && row >= tree.y && row < tree.y + tree.height {
            let index = self.tree_offset + usize::from(row - tree.y);
            if let Some(&node) = self.rows.get(index) {
                self.selected = node;
                self.refresh();
            }
        }
    }
}
