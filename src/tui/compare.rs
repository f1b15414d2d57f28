//! Comparing two revisions in the reader (`reso --compare OLD NEW`): the
//! newer revision's tree carries a mark on each changed clause, struck
//! clauses stand where they were as ghost rows (hidden with one key), and
//! the detail pane shows the word-level difference. State only: the views
//! read it, `update` steps through it.

use std::collections::HashMap;

use super::outline::{self, Ghost, Ghosts, Kind, Node};
use crate::diff::{Change, Diff, compare_documents};
use crate::document::{Clause, Document};

pub struct Compare {
    pub old_doc: usize,
    pub new_doc: usize,
    pub diff: Diff,
    /// Per node: (resolution, change) in `diff`, for changed clauses of the
    /// newer revision and for ghost rows.
    pub change_of: Vec<Option<(usize, usize)>>,
    /// Per node: a ghost row (a struck clause)?
    pub ghost: Vec<bool>,
    /// Ghost rows shown?
    pub show_struck: bool,
}

impl Compare {
    pub fn change(&self, node: usize) -> Option<&Change> {
        let (r, c) = (*self.change_of.get(node)?)?;
        self.diff.resolutions.get(r)?.changes.get(c)
    }

    /// The older revision's full id of what a changed node was, for the
    /// notes it had there.
    pub fn old_ids(&self, node: usize) -> Vec<String> {
        let Some((r, _)) = self.change_of.get(node).copied().flatten() else { return Vec::new() };
        let code = &self.diff.resolutions[r].old;
        self.change(node).map(|c| c.old.iter().map(|l| format!("{code}:{l}")).collect()).unwrap_or_default()
    }

    /// The comparison of the resolution a node belongs to.
    pub fn resolution_diff(&self, code: &str) -> Option<&crate::diff::ResolutionDiff> {
        self.diff.resolutions.iter().find(|r| r.new == code)
    }
}

/// The tree of both documents with the newer one's changes marked and its
/// struck clauses as ghost rows.
pub fn build<'a>(docs: &'a [Document], old_doc: usize, new_doc: usize) -> (Vec<Node<'a>>, Compare) {
    let diff = compare_documents(&docs[old_doc], &docs[new_doc]);
    let old_clauses: HashMap<&str, &'a Clause> = docs[old_doc].all_clauses().map(|c| (c.id.as_str(), c)).collect();
    let mut ghosts: Ghosts<'a> = Ghosts::new();
    let mut by_new: HashMap<String, (usize, usize)> = HashMap::new();
    let mut tags: Vec<(usize, usize)> = Vec::new();
    for (r, rd) in diff.resolutions.iter().enumerate() {
        for (k, change) in rd.changes.iter().enumerate() {
            if !change.new.is_empty() {
                for id in &change.new {
                    by_new.insert(format!("{}:{id}", rd.new), (r, k));
                }
                continue;
            }
            let Some(old) = change.old.first().and_then(|l| old_clauses.get(format!("{}:{l}", rd.old).as_str())) else {
                continue;
            };
            let anchor = match &change.after {
                Some(after) => format!("{}:{after}", rd.new),
                None => format!("{}:", rd.new),
            };
            ghosts.entry(anchor).or_default().push(Ghost {
                clause: old,
                doc: old_doc,
                level: change.depth,
                tag: tags.len(),
            });
            tags.push((r, k));
        }
    }
    let (nodes, placed) = outline::build_with(docs, ghosts);
    let mut change_of = vec![None; nodes.len()];
    let mut ghost = vec![false; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        if let (Kind::Clause(c), true) = (n.kind, n.doc == new_doc) {
            change_of[i] = by_new.get(c.id.as_str()).copied();
        }
    }
    for (node, tag) in placed {
        ghost[node] = true;
        change_of[node] = tags.get(tag).copied();
    }
    (nodes, Compare { old_doc, new_doc, diff, change_of, ghost, show_struck: true })
}

/// `c` / `C`: the next (previous) changed clause in tree order, wrapping
/// around with a word that it did; ancestors unfold to show it.
pub fn step(app: &mut super::App<'_>, forward: bool) {
    let Some(cmp) = &app.compare else {
        app.message = Some("no comparison: open two revisions with reso --compare OLD NEW".into());
        return;
    };
    let changed: Vec<usize> =
        (0..app.nodes.len()).filter(|&i| cmp.change_of[i].is_some() && (cmp.show_struck || !cmp.ghost[i])).collect();
    let total = changed.len();
    if total == 0 {
        app.message = Some("no changes since the older revision".into());
        return;
    }
    let here = app.selected;
    let (target, wrapped) = if forward {
        match changed.iter().find(|&&i| i > here) {
            Some(&i) => (i, false),
            None => (changed[0], true),
        }
    } else {
        match changed.iter().rev().find(|&&i| i < here) {
            Some(&i) => (i, false),
            None => (changed[total - 1], true),
        }
    };
    app.reveal(target);
    let k = changed.iter().position(|&i| i == target).map_or(0, |k| k + 1);
    let wrap = if wrapped { " (wrapped)" } else { "" };
    app.message = Some(format!("change {k} of {total}{wrap}"));
}

/// `x`: hide or show struck clauses' ghost rows.
pub fn toggle_struck(app: &mut super::App<'_>) {
    let Some(cmp) = &mut app.compare else {
        app.message = Some("no comparison: open two revisions with reso --compare OLD NEW".into());
        return;
    };
    cmp.show_struck = !cmp.show_struck;
    let shown = cmp.show_struck;
    app.recompute_rows();
    app.message = Some(if shown { "struck clauses shown" } else { "struck clauses hidden" }.into());
}
