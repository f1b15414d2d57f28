//! The note editor: a text area over the reader, on one clause,
//! resolution or document. Esc or Ctrl-s keep the text, Ctrl-g discards
//! it; opened from the finder, closing it comes back to the finder.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Clear};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::{Cx, Outcome};
use crate::tui::layout::centred;
use crate::tui::notes::{SELECT_FIRST, label};

pub struct NoteEditor {
    /// The node the note is on.
    pub node: usize,
    pub area: TextArea<'static>,
}

impl NoteEditor {
    /// The editor on `node`'s note, or why there can be none.
    pub fn open(cx: &Cx<'_, '_>, node: usize) -> Result<NoteEditor, String> {
        let Some((_, target)) = cx.target(node) else {
            return Err(SELECT_FIRST.into());
        };
        if cx.notes.is_some_and(|n| n.store.is_read_only()) {
            return Err("notes are read-only (the notes file could not be read)".into());
        }
        let note = cx.annotation(node).map(|a| a.note.clone()).unwrap_or_default();
        let mut area = TextArea::new(note.lines().map(str::to_string).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.set_block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" Note on {} — Esc or Ctrl-s keeps, Ctrl-g discards ", label(&target)))
                .title_style(Style::default().add_modifier(Modifier::BOLD)),
        );
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Ok(NoteEditor { node, area })
    }

    pub fn key(&mut self, key: &KeyEvent) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => self.keep(),
            KeyCode::Char('s') if ctrl => self.keep(),
            KeyCode::Char('g') if ctrl => Outcome::CloseSaying("note discarded".into()),
            _ => {
                self.area.input(*key);
                Outcome::Stay
            }
        }
    }

    fn keep(&self) -> Outcome {
        Outcome::SaveNote { node: self.node, text: self.text() }
    }

    /// The text as written so far.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect) {
        let popup = centred(area, area.width.saturating_sub(4).min(90), area.height.saturating_sub(4).min(16));
        frame.render_widget(Clear, popup);
        frame.render_widget(&self.area, popup);
    }
}
