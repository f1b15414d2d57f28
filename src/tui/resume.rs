//! Resume: reopening the same documents brings back the selected clause,
//! the folds and the narrowing, per document. Kept in `state.ron` in reso's
//! data directory, never in the notes file (it is not the user's work, and
//! a notes file is often shared). A damaged or missing state file only
//! means starting afresh, with a word on the status line.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::App;
use super::outline::{Group, Kind, Node};

/// More open rows than this are not listed one by one (a whole corpus
/// unfolded): the tree view is kept instead.
const MAX_OPEN: usize = 20_000;

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    #[serde(default)]
    documents: BTreeMap<String, DocState>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct DocState {
    /// The selected row, when it was in this document.
    #[serde(default)]
    selected: Option<String>,
    /// Unfolded rows (their keys); none kept when there were too many.
    #[serde(default)]
    open: Option<Vec<String>>,
    #[serde(default)]
    narrow: Option<String>,
}

/// Where the state lives: reso's data directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "reso", "reso").map(|d| d.data_dir().join("state.ron"))
}

/// A document is known by its file (canonical path) or, for the bundled
/// sample, its title.
fn doc_key(app: &App<'_>, doc: usize) -> String {
    let d = &app.docs[doc];
    std::fs::canonicalize(&d.source).map(|p| p.display().to_string()).unwrap_or_else(|_| d.title.clone())
}

/// A row's key, stable across runs: a clause's id, a resolution's code, a
/// group or section under its resolution's code.
fn node_key(node: &Node<'_>) -> String {
    let code = node.resolution.map(|r| r.code.as_str()).unwrap_or("");
    match node.kind {
        Kind::Document(_) => String::new(),
        Kind::Resolution(r) => r.code.clone(),
        Kind::Group(Group::Preamble(_)) => format!("{code}#pre"),
        Kind::Group(Group::Operative(_)) => format!("{code}#op"),
        Kind::Group(Group::Annex(k, _)) => format!("{code}#annex{k}"),
        Kind::Section(title) => format!("{code}#§{title}"),
        Kind::Clause(c) => c.id.to_string(),
    }
}

/// Put the reader back where it was on these documents. Returns a message
/// for the status line when the file could not be read.
pub fn restore(app: &mut App<'_>, path: &Path) -> Option<String> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some(format!("reading place not restored: {e}")),
    };
    let state: State = match ron::from_str(&text) {
        Ok(s) => s,
        Err(e) => {
            return Some(format!(
                "reading place not restored: {}:{}:{}: damaged, ignored",
                path.display(),
                e.span.start.line,
                e.span.start.col
            ));
        }
    };
    let mut restored = false;
    for doc in 0..app.docs.len() {
        let Some(saved) = state.documents.get(&doc_key(app, doc)) else { continue };
        let index: HashMap<String, usize> =
            app.nodes.iter().enumerate().filter(|(_, n)| n.doc == doc).map(|(i, n)| (node_key(n), i)).collect();
        if let Some(open) = &saved.open {
            for (i, n) in app.nodes.iter().enumerate() {
                if n.doc == doc && !matches!(n.kind, Kind::Document(_)) {
                    app.open[i] = false;
                }
            }
            for key in open {
                if let Some(&i) = index.get(key) {
                    app.open[i] = true;
                }
            }
        }
        app.narrow = saved.narrow.as_ref().and_then(|k| index.get(k).copied()).or(app.narrow);
        if let Some(&i) = saved.selected.as_ref().and_then(|k| index.get(k)) {
            app.recompute_rows();
            app.reveal(i);
            restored = true;
        }
    }
    app.recompute_rows();
    app.refresh();
    restored.then(|| "back where you left off".to_string())
}

/// Remember where the reader is, for the next time these documents open.
/// Other documents' entries are kept.
pub fn save(app: &App<'_>, path: &Path) -> Result<(), String> {
    let mut state: State = std::fs::read_to_string(path).ok().and_then(|t| ron::from_str(&t).ok()).unwrap_or_default();
    for doc in 0..app.docs.len() {
        let open: Vec<String> = app
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| n.doc == doc && app.open[*i] && !matches!(n.kind, Kind::Document(_)))
            .map(|(_, n)| node_key(n))
            .collect();
        let selected = app.nodes.get(app.selected).filter(|n| n.doc == doc).map(node_key);
        let narrow = app.narrow.and_then(|r| app.nodes.get(r)).filter(|n| n.doc == doc).map(node_key);
        let entry = DocState { selected, open: (open.len() <= MAX_OPEN).then_some(open), narrow };
        state.documents.insert(doc_key(app, doc), entry);
    }
    let text = ron::ser::to_string_pretty(&state, ron::ser::PrettyConfig::default()).map_err(|e| e.to_string())?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot save the reading place: {e}"))?;
    }
    crate::annotate::atomic::write_atomic(path, text.as_bytes())
        .map_err(|e| format!("cannot save the reading place in {}: {e}", path.display()))
}
