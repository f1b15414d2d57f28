//! The one place where what an overlay asked for (`Outcome`) is done to the
//! reader. The overlay that asked is on top of the stack when this runs.

use super::app::App;
use super::overlay::{Annotations, Outcome, Overlay};
use super::{hits, notes};

/// What the run loop must do after a key, beyond drawing again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Hand the terminal to the user's editor for this clause node's note.
    EditExternally(usize),
}

pub fn apply(app: &mut App<'_>, outcome: Outcome) -> Effect {
    match outcome {
        Outcome::Stay => {}
        Outcome::Say(message) => app.message = Some(message),
        Outcome::Quiet => app.message = None,
        Outcome::Close => {
            close(app);
            app.message = None;
        }
        Outcome::CloseSaying(message) => {
            close(app);
            app.message = Some(message);
        }
        Outcome::Open(overlay) => app.overlays.push(overlay),
        Outcome::Quit => return Effect::Quit,
        Outcome::Jump(node) => {
            close(app);
            app.reveal(node);
            hits::center(app);
        }
        Outcome::Restore(saved) => {
            close(app);
            hits::restore(app, saved);
        }
        Outcome::Find(found) => {
            close(app);
            hits::accepted(app, found);
        }
        Outcome::Tag { node, key } => {
            notes::tag_node(app, node, key);
        }
        Outcome::SaveNote { node, text } => {
            close(app);
            notes::save_note(app, node, &text);
        }
        Outcome::FilterTag(tag) => {
            close(app);
            notes::filter_by_tag(app, &tag);
        }
        Outcome::Attach { doc, id, to } => {
            if notes::attach(app, doc, &id, to) {
                // The list again, as it is now, still re-attaching to `to`.
                let fresh = Annotations::open(&app.cx(), to);
                if let Some(Overlay::Annotations(list)) = app.overlays.last_mut() {
                    *list = fresh;
                }
            }
        }
        Outcome::ReadOnly => {
            close(app);
            app.message = Some("notes are read-only this session; the file is left as it is".into());
        }
    }
    Effect::None
}

/// The overlay on top closes (what was under it, if anything, is back).
fn close(app: &mut App<'_>) {
    app.overlays.pop();
}
