//! One table maps keys to actions. The help overlay and the status-line
//! hints are generated from it, so they can never drift from the keys; the
//! configuration can rebind any action without touching the code.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

/// Everything a key can do in the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Down,
    Up,
    FoldOrParent,
    UnfoldOrChild,
    Toggle,
    CycleNode,
    CycleTree,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    PrevSibling,
    NextSibling,
    PrevResolution,
    NextResolution,
    Parent,
    DetailDown,
    DetailUp,
    ShrinkTree,
    GrowTree,
    Center,
    OpenFinder,
    OpenFilter,
    NextHit,
    PrevHit,
    ClearFilter,
    EditNote,
    EditNoteExternal,
    Annotations,
    TagFilter,
    NextChange,
    PrevChange,
    ToggleStruck,
    JumpBack,
    JumpForward,
    JumpToggle,
    Narrow,
    Help,
    Quit,
}

impl Action {
    pub const ALL: [Action; 41] = [
        Action::Down,
        Action::Up,
        Action::FoldOrParent,
        Action::UnfoldOrChild,
        Action::Toggle,
        Action::CycleNode,
        Action::CycleTree,
        Action::Top,
        Action::Bottom,
        Action::PageUp,
        Action::PageDown,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::PrevSibling,
        Action::NextSibling,
        Action::PrevResolution,
        Action::NextResolution,
        Action::Parent,
        Action::DetailDown,
        Action::DetailUp,
        Action::ShrinkTree,
        Action::GrowTree,
        Action::Center,
        Action::OpenFinder,
        Action::OpenFilter,
        Action::NextHit,
        Action::PrevHit,
        Action::ClearFilter,
        Action::EditNote,
        Action::EditNoteExternal,
        Action::Annotations,
        Action::TagFilter,
        Action::NextChange,
        Action::PrevChange,
        Action::ToggleStruck,
        Action::JumpBack,
        Action::JumpForward,
        Action::JumpToggle,
        Action::Narrow,
        Action::Help,
        Action::Quit,
    ];

    /// One line for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Action::Down => "move down",
            Action::Up => "move up",
            Action::FoldOrParent => "fold, or go to the parent",
            Action::UnfoldOrChild => "unfold, or go to the first child",
            Action::Toggle => "fold or unfold",
            Action::CycleNode => "cycle this node: folded → children → subtree",
            Action::CycleTree => "cycle the tree: resolutions → clauses → everything",
            Action::Top => "go to the first row",
            Action::Bottom => "go to the last row",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::HalfPageUp => "half a page up",
            Action::HalfPageDown => "half a page down",
            Action::PrevSibling => "previous sibling",
            Action::NextSibling => "next sibling",
            Action::PrevResolution => "previous resolution",
            Action::NextResolution => "next resolution",
            Action::Parent => "go to the parent",
            Action::DetailDown => "scroll the detail down",
            Action::DetailUp => "scroll the detail up",
            Action::ShrinkTree => "narrow the tree pane",
            Action::GrowTree => "widen the tree pane",
            Action::Center => "centre the selected row",
            Action::OpenFinder => "find any clause (fuzzy)",
            Action::OpenFilter => "filter the tree to matching clauses",
            Action::NextHit => "next hit of the last find",
            Action::PrevHit => "previous hit of the last find",
            Action::ClearFilter => "clear the filter",
            Action::EditNote => "write a note on this clause",
            Action::EditNoteExternal => "write the note in $VISUAL / $EDITOR",
            Action::Annotations => "list every note and tag",
            Action::TagFilter => "show only clauses with a tag (then the tag's key)",
            Action::NextChange => "next change since the older revision (--compare)",
            Action::PrevChange => "previous change since the older revision",
            Action::ToggleStruck => "show or hide struck clauses (--compare)",
            Action::JumpBack => "back to where you were before the last jump",
            Action::JumpForward => "forward again through the jumps",
            Action::JumpToggle => "toggle between the last two places",
            Action::Narrow => "narrow to this resolution, or widen again",
            Action::Help => "show or hide this help",
            Action::Quit => "quit",
        }
    }
}

/// Every key the reader knows, as the help overlay and the man page list
/// them: the keymap's actions (so exactly the keys that work), the finder's
/// keys, the configured tags, the note editor's keys.
pub fn help_lines(keymap: &Keymap, tags: &[crate::config::TagDef]) -> Vec<HelpLine> {
    let key = |keys: String, what: String| HelpLine::Key { keys, what };
    let mut lines: Vec<HelpLine> = keymap
        .bindings
        .iter()
        .map(|(action, _)| key(keymap.keys_for(*action), action.description().to_string()))
        .collect();
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading("In the finder (/ or f)"));
    lines.extend(FINDER_KEYS.iter().map(|(keys, what)| key(keys.to_string(), what.to_string())));
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading("Tags and notes"));
    lines.extend(tags.iter().map(|t| key(t.key.to_string(), format!("toggle the tag {} on this clause", t.name))));
    lines.extend(NOTES_KEYS.iter().map(|(keys, what)| key(keys.to_string(), what.to_string())));
    lines
}

/// Keys inside the finder's prompt (text input, so not rebindable
/// actions); listed in the help overlay from this table.
pub const FINDER_KEYS: [(&str, &str); 18] = [
    ("hotline data sharing", "clauses with every word (case, accents, ’ and ' ignored)"),
    ("traffick · trafficing", "a word matches exactly, as a prefix, or with a typo"),
    ("intrpl", "scattered letters match only codes and acronyms (INTERPOL)"),
    ("'exact ^start end$ !not", "contains, starts with, ends with, does not contain"),
    ("#tag", "clauses carrying that tag"),
    ("1/3 op 4 (a) (ii)", "a citation: that clause, marked ="),
    ("1/3 PP3 · OP 4 of 1/3", "preambular 3; operative 4 of resolution 1/3"),
    ("S/RES/687 (1991) OP 8", "also res 687 para 12, 80/53 para 5 (c), annex op 2"),
    ("op 4 · preambular 3", "without a resolution: the one you are in (or last tagged from here)"),
    ("↑ / ↓, Ctrl-p / Ctrl-n", "choose a result"),
    ("Enter", "jump to it (in filter: narrow the tree)"),
    ("Ctrl-t then a tag key", "toggle that tag on the chosen result; the finder stays open"),
    ("Ctrl-t then a (note key)", "write the chosen result's note, then back to the finder"),
    ("after Ctrl-t: type", "the query is replaced: type the next citation at once"),
    ("Esc", "back to exactly where you were"),
    ("← / →, Home / End", "move in the query (also Ctrl-a / Ctrl-e)"),
    ("Backspace, Delete", "delete a character"),
    ("Ctrl-w, Ctrl-u", "delete a word, the whole query"),
];

/// Keys in the note editor and the list of notes (text input and a
/// modal list, so not rebindable actions); listed in the help overlay.
/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Key { keys: String, what: String },
    Heading(&'static str),
    Blank,
}

pub const NOTES_KEYS: [(&str, &str); 5] = [
    ("Esc, Ctrl-s", "in the note editor: keep the note"),
    ("Ctrl-g", "in the note editor: discard the edit"),
    ("Enter", "in the list of notes: jump to the clause"),
    ("r", "in the list of notes: re-attach an orphan to the clause selected before"),
    ("Esc", "in the list of notes: close it"),
];

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, modifiers: KeyModifiers::NONE }
    }
    pub const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// How the key is written in help: `j`, `↓`, `Ctrl-d`, `PgUp`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Esc => "Esc".into(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) { format!("Ctrl-{base}") } else { base }
    }
}

/// The key table: each action with the keys bound to it.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<(Action, Vec<Key>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode::*;
        let b = |a: Action, keys: &[Key]| (a, keys.to_vec());
        Keymap {
            bindings: vec![
                b(Action::Down, &[Key::ch('j'), Key::plain(Down)]),
                b(Action::Up, &[Key::ch('k'), Key::plain(Up)]),
                b(Action::FoldOrParent, &[Key::ch('h'), Key::plain(Left)]),
                b(Action::UnfoldOrChild, &[Key::ch('l'), Key::plain(Right)]),
                b(Action::Toggle, &[Key::plain(Enter), Key::ch(' ')]),
                b(Action::CycleNode, &[Key::plain(Tab)]),
                b(Action::CycleTree, &[Key::plain(BackTab)]),
                b(Action::Top, &[Key::ch('g'), Key::plain(Home)]),
                b(Action::Bottom, &[Key::ch('G'), Key::plain(End)]),
                b(Action::PageUp, &[Key::plain(PageUp)]),
                b(Action::PageDown, &[Key::plain(PageDown)]),
                b(Action::HalfPageUp, &[Key::ctrl('u')]),
                b(Action::HalfPageDown, &[Key::ctrl('d')]),
                b(Action::PrevSibling, &[Key::ch('[')]),
                b(Action::NextSibling, &[Key::ch(']')]),
                b(Action::PrevResolution, &[Key::ch('{')]),
                b(Action::NextResolution, &[Key::ch('}')]),
                b(Action::Parent, &[Key::ch('p')]),
                b(Action::DetailDown, &[Key::ch('J')]),
                b(Action::DetailUp, &[Key::ch('K')]),
                b(Action::ShrinkTree, &[Key::ch('<')]),
                b(Action::GrowTree, &[Key::ch('>')]),
                b(Action::Center, &[Key::ch('z')]),
                b(Action::OpenFinder, &[Key::ch('/')]),
                b(Action::OpenFilter, &[Key::ch('f')]),
                b(Action::NextHit, &[Key::ch('n')]),
                b(Action::PrevHit, &[Key::ch('N')]),
                b(Action::ClearFilter, &[Key::plain(Esc)]),
                b(Action::EditNote, &[Key::ch('a')]),
                b(Action::EditNoteExternal, &[Key::ch('E')]),
                b(Action::Annotations, &[Key::ch('A')]),
                b(Action::TagFilter, &[Key::ch('t')]),
                b(Action::NextChange, &[Key::ch('c')]),
                b(Action::PrevChange, &[Key::ch('C')]),
                b(Action::ToggleStruck, &[Key::ch('x')]),
                b(Action::JumpBack, &[Key::ctrl('o')]),
                b(Action::JumpForward, &[Key::ctrl('n')]),
                b(Action::JumpToggle, &[Key::ch('`')]),
                b(Action::Narrow, &[Key::ch('o')]),
                b(Action::Help, &[Key::ch('?')]),
                b(Action::Quit, &[Key::ch('q'), Key::ctrl('c')]),
            ],
        }
    }
}

impl Keymap {
    /// The action bound to a key press, if any. Shift is ignored for
    /// characters (the character itself says `G` or `{`).
    pub fn action(&self, event: &KeyEvent) -> Option<Action> {
        let mut modifiers = event.modifiers;
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        let pressed = Key { code: event.code, modifiers };
        self.bindings.iter().find(|(_, keys)| keys.contains(&pressed)).map(|(a, _)| *a)
    }

    /// The keys for an action, written for people: `j / ↓`.
    pub fn keys_for(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, keys)| keys.iter().map(Key::label).collect::<Vec<_>>().join(" / "))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_key_and_no_key_is_bound_twice() {
        let map = Keymap::default();
        for action in Action::ALL {
            assert!(!map.keys_for(action).is_empty(), "{action:?} has no key");
        }
        let mut all: Vec<Key> = map.bindings.iter().flat_map(|(_, k)| k.clone()).collect();
        let n = all.len();
        all.dedup_by(|a, b| a == b);
        assert_eq!(n, all.len());
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{a:?} bound twice");
        }
    }

    #[test]
    fn shifted_characters_and_control_keys() {
        let map = Keymap::default();
        let ev = |code, m| KeyEvent::new(code, m);
        assert_eq!(map.action(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(map.action(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
        assert_eq!(map.action(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::CycleTree));
        assert_eq!(map.action(&ev(KeyCode::Char('w'), KeyModifiers::NONE)), None);
    }
}
