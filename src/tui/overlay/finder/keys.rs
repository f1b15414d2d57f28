//! The finder's keys. The prompt edits like a shell's: Left/Right,
//! Home/End (Ctrl-a/Ctrl-e), Backspace/Delete, Ctrl-w deletes the word
//! before the cursor, Ctrl-u the whole line. ↑/↓ choose a result, Enter
//! takes it, Esc goes back, `Ctrl-t` then a key acts on the chosen result.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Accepted, Finder};
use crate::tui::keymap::Action;
use crate::tui::overlay::{Cx, NoteEditor, Outcome, Overlay};

impl Finder {
    pub fn key(&mut self, key: &KeyEvent, cx: &mut Cx<'_, '_>) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.acting {
            return self.act(key, cx);
        }
        let replace = std::mem::take(&mut self.replace);
        let chars: Vec<char> = self.query.chars().collect();
        let cursor = self.cursor.min(chars.len());
        // After an action the query is selected: typing replaces it, as in a
        // browser's address bar, and Backspace clears it.
        let (mut chars, cursor) = match key.code {
            KeyCode::Char(_) | KeyCode::Backspace if replace && !ctrl => {
                if key.code == KeyCode::Backspace {
                    self.set_query(String::new(), 0, cx);
                    return Outcome::Stay;
                }
                (Vec::new(), 0)
            }
            _ => (chars, cursor),
        };
        match key.code {
            KeyCode::Esc => return Outcome::Restore(self.saved.clone()),
            KeyCode::Char('c') if ctrl => return Outcome::Restore(self.saved.clone()),
            KeyCode::Enter => return self.accept(cx),
            KeyCode::Char('t') if ctrl => return self.start_acting(cx),
            KeyCode::Up => self.choose_keeping(-1, replace, cx),
            KeyCode::Down => self.choose_keeping(1, replace, cx),
            KeyCode::Char('p') if ctrl => self.choose_keeping(-1, replace, cx),
            KeyCode::Char('n') if ctrl => self.choose_keeping(1, replace, cx),
            KeyCode::PageDown => self.choose(10, cx),
            KeyCode::PageUp => self.choose(-10, cx),
            KeyCode::Left => self.cursor = cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (cursor + 1).min(chars.len()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = chars.len(),
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = chars.len(),
            KeyCode::Char('u') if ctrl => self.set_query(String::new(), 0, cx),
            KeyCode::Char('w') if ctrl => {
                // The word before the cursor, and the spaces after it.
                let mut start = cursor;
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                chars.drain(start..cursor);
                self.set_query(chars.into_iter().collect(), start, cx);
            }
            KeyCode::Backspace if cursor > 0 => {
                chars.remove(cursor - 1);
                self.set_query(chars.into_iter().collect(), cursor - 1, cx);
            }
            KeyCode::Delete if cursor < chars.len() => {
                chars.remove(cursor);
                self.set_query(chars.into_iter().collect(), cursor, cx);
            }
            KeyCode::Char(c) if !ctrl => {
                chars.insert(cursor, c);
                self.set_query(chars.into_iter().collect(), cursor + 1, cx);
            }
            _ => {}
        }
        Outcome::Stay
    }

    /// `Ctrl-t`: the next key acts on the selected result. A prefix, because
    /// digits (the default tag keys) are query text; not Alt, because `Esc`
    /// then a key typed quickly arrives as Alt and that key through tmux
    /// (`update::esc_then`), where it means "leave the finder, then the key".
    fn start_acting(&mut self, cx: &Cx<'_, '_>) -> Outcome {
        let note = cx.keymap.keys_for(Action::EditNote).split(" / ").next().unwrap_or("").to_string();
        let keys: String = match (cx.tags.first(), cx.tags.last()) {
            (Some(a), Some(b)) if cx.tags.len() > 1 => format!("{}-{}", a.key, b.key),
            (Some(a), _) => a.key.to_string(),
            _ => "none".into(),
        };
        // The key after Ctrl-t is taken in any case (never typed into the
        // query): Ctrl-t 1 is one gesture; `act` says why it cannot be done.
        self.acting = true;
        self.replace = false;
        Outcome::Say(match self.selected_hit(cx) {
            Ok(node) => {
                let name = cx.target(node).map(|(_, t)| t.name().to_string()).unwrap_or_default();
                format!("{name}: tag key {keys}, or {note} for its note (Esc cancels)")
            }
            Err(e) => e.into(),
        })
    }

    /// The key after `Ctrl-t`, on the selected result: a tag key toggles the
    /// tag (through the same notes code as in the reader), the note key opens
    /// the note editor over the finder. The finder stays open with the query
    /// selected, so the next citation can be typed at once.
    fn act(&mut self, key: &KeyEvent, cx: &Cx<'_, '_>) -> Outcome {
        self.acting = false;
        let KeyCode::Char(c) = key.code else {
            return Outcome::Quiet;
        };
        let node = match self.selected_hit(cx) {
            Ok(node) => node,
            Err(e) => return Outcome::Say(e.into()),
        };
        let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::CONTROL - KeyModifiers::ALT);
        let outcome = if cx.tags.iter().any(|t| t.key == c) {
            Outcome::Tag { node, key: c }
        } else if cx.keymap.action(&plain) == Some(Action::EditNote) {
            match NoteEditor::open(cx, node) {
                Ok(editor) => Outcome::Open(Overlay::Editor(Box::new(editor))),
                // Refused (read-only notes): the message says why; nothing changes.
                Err(e) => return Outcome::Say(e),
            }
        } else {
            return Outcome::Say(format!("no tag on {c}: Ctrl-t then a tag key, or the note key"));
        };
        self.replace = true;
        self.context = Some(node);
        outcome
    }

    /// The result the finder's actions apply to: the selected row. A citation
    /// that names no single clause must be chosen first, as for Enter.
    fn selected_hit(&self, cx: &Cx<'_, '_>) -> Result<usize, &'static str> {
        let Some(engine) = cx.engine.as_deref() else {
            return Err("no result to act on");
        };
        if self.citation && self.note.is_some() && !self.chosen {
            return Err(if self.pinned.is_empty() {
                "this citation names no clause: change it"
            } else {
                "pick the clause with ↑ / ↓ first, then Ctrl-t"
            });
        }
        self.result(engine, self.selected).ok_or("no result to act on")
    }

    /// ↑ / ↓ after an action: the query stays selected (typing replaces it).
    fn choose_keeping(&mut self, delta: isize, replace: bool, cx: &mut Cx<'_, '_>) {
        self.choose(delta, cx);
        self.replace = replace;
    }

    fn choose(&mut self, delta: isize, cx: &mut Cx<'_, '_>) {
        let last = self.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
        self.chosen = true;
        self.tick(cx);
    }

    /// Enter: the chosen result, for the reader to jump to (or the query,
    /// to filter by). A citation that names no single clause: the reader
    /// must choose one of the candidates (↑/↓), never be taken to another
    /// clause unasked.
    fn accept(&mut self, cx: &mut Cx<'_, '_>) -> Outcome {
        if self.citation && self.note.is_some() && !self.chosen {
            // Said where the reader is looking: the finder's own status line.
            let ask = if self.pinned.is_empty() {
                "change the citation, or Esc"
            } else {
                "pick with ↑ / ↓ then Enter, or Esc"
            };
            if let Some(note) = self.note.as_mut()
                && !note.starts_with(ask)
            {
                *note = format!("{ask} — {note}");
            }
            return Outcome::Stay;
        }
        let Some(engine) = cx.engine.as_deref_mut() else {
            return Outcome::Close;
        };
        engine.tick();
        Outcome::Find(Accepted {
            query: self.query.clone(),
            filter: self.filter,
            pinned: self.pinned.clone(),
            citation: self.citation,
            chosen: self.result(engine, self.selected),
        })
    }
}
