//! `t`: the next key names a tag, and the tree shows the clauses that
//! carry it.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Cx, Outcome};

#[derive(Debug, Clone, Copy, Default)]
pub struct TagPick;

impl TagPick {
    /// What the status line says while the prompt is open.
    pub fn prompt(cx: &Cx<'_, '_>) -> String {
        let keys: Vec<String> = cx.tags.iter().map(|t| format!("{} {}", t.key, t.name)).collect();
        format!("filter by tag: {}", keys.join("  "))
    }

    pub fn key(&self, key: &KeyEvent, cx: &Cx<'_, '_>) -> Outcome {
        let KeyCode::Char(c) = key.code else {
            return Outcome::Close;
        };
        match cx.tags.iter().find(|t| t.key == c) {
            Some(tag) => Outcome::FilterTag(tag.name.clone()),
            None => Outcome::CloseSaying(format!("no tag on {c}")),
        }
    }
}
