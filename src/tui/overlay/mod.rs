//! What opens over the reader: the finder, the note editor, the list of
//! notes, help, the tag prompt and the notes-file problem. Each owns its
//! state, handles its own keys, draws itself, and says what should happen
//! to the reader in an `Outcome`, which `apply` carries out in one place:
//! an overlay never changes the app. A new overlay is a new file here and
//! a variant of `Overlay`.

pub mod annotations;
pub mod editor;
pub mod finder;
pub mod help;
pub mod problem;
pub mod tag_pick;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::app::{App, Mode};
use super::keymap::Keymap;
use super::outline::Node;
use super::search::Engine;
use crate::annotate::{Annotation, Notes, Target};
use crate::config::TagDef;
use crate::document::Document;

pub use annotations::Annotations;
pub use editor::NoteEditor;
pub use finder::Finder;
pub use help::Help;
pub use problem::Problem;
pub use tag_pick::TagPick;

pub enum Overlay {
    Finder(Box<Finder>),
    Editor(Box<NoteEditor>),
    Annotations(Annotations),
    Help(Help),
    TagPick(TagPick),
    Problem(Problem),
}

/// What a key in an overlay asks of the reader.
pub enum Outcome {
    /// Handled inside the overlay; nothing else changes.
    Stay,
    /// The overlay stays; the status line says this.
    Say(String),
    /// The overlay stays; the status line's message goes.
    Quiet,
    /// The overlay closes.
    Close,
    /// The overlay closes, and the status line says this.
    CloseSaying(String),
    /// Another overlay opens over this one (the note editor over the
    /// finder: closing it comes back to the finder).
    Open(Overlay),
    Quit,
    /// The overlay closes; the node is selected, unfolded, mid-tree.
    Jump(usize),
    /// The finder closes; the reader is put back where it was.
    Restore(finder::Saved),
    /// The finder closes and its query is carried out: a jump, the hits
    /// for `n` / `N`, or a filter.
    Find(finder::Accepted),
    /// A tag (by its key) is toggled on a node; the overlay stays.
    Tag {
        node: usize,
        key: char,
    },
    /// The note editor closes and its text is kept as the node's note.
    SaveNote {
        node: usize,
        text: String,
    },
    /// The tag prompt closes; the tree shows the clauses with this tag.
    FilterTag(String),
    /// An orphaned annotation is re-attached to a node (list stays open).
    Attach {
        doc: usize,
        id: String,
        to: usize,
    },
    /// The notes file could not be read: go on without saving notes.
    ReadOnly,
}

/// What an overlay may read of the reader while it handles a key (and the
/// search engine, which the finder drives).
pub struct Cx<'c, 'a> {
    pub docs: &'a [Document],
    pub nodes: &'c [Node<'a>],
    pub notes: Option<&'c Notes>,
    pub tags: &'c [TagDef],
    pub keymap: &'c Keymap,
    pub engine: Option<&'c mut Engine>,
    /// The whole window.
    pub area: Rect,
    /// Rows the tree pane shows (the finder's list takes its place).
    pub tree_height: usize,
}

impl Cx<'_, '_> {
    pub fn target(&self, node: usize) -> Option<(usize, Target)> {
        super::outline::target(self.nodes, node)
    }

    pub fn annotation(&self, node: usize) -> Option<&Annotation> {
        super::outline::annotation(self.nodes, self.notes, node)
    }
}

impl Overlay {
    pub fn key(&mut self, key: &KeyEvent, cx: &mut Cx<'_, '_>) -> Outcome {
        match self {
            Overlay::Finder(f) => f.key(key, cx),
            Overlay::Editor(e) => e.key(key),
            Overlay::Annotations(a) => a.key(key),
            Overlay::Help(h) => h.key(key, cx),
            Overlay::TagPick(t) => t.key(key, cx),
            Overlay::Problem(p) => p.key(key),
        }
    }

    /// Every frame: an overlay that waits on something (the finder on its
    /// engine) takes what came.
    pub fn tick(&mut self, cx: &mut Cx<'_, '_>) {
        if let Overlay::Finder(f) = self {
            f.tick(cx);
        }
    }

    /// The finder in the tree pane's place; the others in a box over the
    /// window.
    pub fn draw(&self, app: &App<'_>, frame: &mut Frame<'_>) {
        let area = frame.area();
        match self {
            Overlay::Finder(f) => f.draw(app, frame, app.panes().tree),
            Overlay::Editor(e) => e.draw(frame, area),
            Overlay::Annotations(a) => a.draw(app, frame, area),
            Overlay::Help(h) => h.draw(app, frame, area),
            Overlay::TagPick(_) => {}
            Overlay::Problem(p) => p.draw(frame, area),
        }
    }

    /// What the status line calls this.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Finder(_) => Mode::Find,
            Overlay::Editor(_) => Mode::EditNote,
            Overlay::Annotations(_) => Mode::Annotations,
            Overlay::Help(_) => Mode::Help,
            Overlay::TagPick(_) => Mode::TagPick,
            Overlay::Problem(p) => Mode::NotesProblem(p.message.clone()),
        }
    }

    /// A node shown in the detail pane instead of the selected one.
    pub fn preview(&self) -> Option<usize> {
        match self {
            Overlay::Finder(f) => f.preview,
            _ => None,
        }
    }
}
