//! The last resort for a note being written: if the event loop does not
//! get to save it (it is stuck when the terminal goes away, and the
//! watchdog ends the process), the text is written beside the notes file
//! as `notes.ron.draft.md`, and the next start says where it is.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::annotate::atomic::{with_suffix, write_atomic};

/// The editor's text as of the last key, shared with the watchdog.
#[derive(Clone, Default)]
pub struct Draft {
    slot: Arc<Mutex<Option<String>>>,
    path: Option<PathBuf>,
}

/// Where a draft for the notes file at `notes` is kept.
pub fn path_for(notes: &Path) -> PathBuf {
    with_suffix(notes, ".draft.md")
}

impl Draft {
    pub fn new(notes: Option<&Path>) -> Draft {
        Draft { slot: Arc::default(), path: notes.map(path_for) }
    }

    /// What is in the editor now (`None`: no editor open).
    pub fn set(&self, text: Option<String>) {
        if let Ok(mut slot) = self.slot.lock() {
            *slot = text;
        }
    }

    /// Write the draft, if there is one, to its file (private, atomic).
    pub fn keep(&self) -> Option<PathBuf> {
        let text = self.slot.lock().ok()?.clone()?;
        let path = self.path.clone()?;
        write_atomic(&path, text.as_bytes()).ok().map(|()| path)
    }
}

/// The message for a draft left by an earlier run, if one is there.
pub fn left_over(notes: &Path) -> Option<String> {
    let path = path_for(notes);
    path.is_file().then(|| {
        format!(
            "a note left unsaved when reso last closed is in {} (copy it back with `a`, then delete it)",
            path.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_kept_only_while_an_editor_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.ron");
        let draft = Draft::new(Some(&notes));
        assert_eq!(draft.keep(), None);
        assert_eq!(left_over(&notes), None);
        draft.set(Some("Note on X:op.1\n\nhalf a thought".into()));
        assert_eq!(draft.keep(), Some(path_for(&notes)));
        assert_eq!(std::fs::read_to_string(path_for(&notes)).unwrap(), "Note on X:op.1\n\nhalf a thought");
        assert!(left_over(&notes).is_some_and(|m| m.contains("notes.ron.draft.md")));
        draft.set(None);
        std::fs::remove_file(path_for(&notes)).unwrap();
        assert_eq!(draft.keep(), None);
        assert!(!path_for(&notes).exists());
    }
}
