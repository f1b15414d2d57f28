//! `reso notes export` and `reso notes merge`

use std::path::{Path, PathBuf};

use reso::annotate::merge::merge;
use reso::annotate::store::{read, replace_locked, update_locked};
use reso::config::Config;
use reso::document::{Document, Resolution};
use reso::export::notes;

pub fn export(
    paths: &[PathBuf],
    format: &str,
    since: Option<&Path>,
    notes_flag: Option<&Path>,
    config: &Config,
) -> Result<(), String> {
    let docs = super::load(paths)?;
    let path = super::notes_path(notes_flag, config)?;
    // Exporting never writes: re-anchoring happens in memory only.
    let store = reso::annotate::Store::open(&path)?;
    let n = reso::annotate::Notes::view(store, &docs);
    let order: Vec<String> = config.tags.iter().map(|t| t.name.clone()).collect();
    let entries = notes::entries(&docs, &n, &order);
    let changes = match since {
        Some(old) => Some(changes_since(old, &docs, &path, &order)?),
        None => None,
    };
    match format {
        "md" | "markdown" => {
            let mut text = notes::markdown(&docs, &entries);
            if let Some((section, _)) = &changes {
                text.push_str(section);
            }
            super::print(&text)
        }
        "json" => match &changes {
            None => super::print_json(&notes::json(&entries)),
            Some((_, diff)) => {
                let both = serde_json::json!({ "entries": entries, "changes": diff });
                super::print_json(&serde_json::to_string_pretty(&both).map_err(|e| e.to_string())?)
            }
        },
        other => Err(format!("unknown format {other:?}: use md or json")),
    }
}

/// `--since OLD`: the changes from the older revision to the documents
/// exported, each with the tags and note the delegation put on it.
fn changes_since(
    old: &Path,
    docs: &[Document],
    notes_path: &Path,
    order: &[String],
) -> Result<(String, reso::diff::Diff), String> {
    use reso::export::diff::{Marks, Side, briefing_section};
    let olds = super::load(&[old.to_path_buf()])?;
    let old_res: Vec<&Resolution> = olds.iter().flat_map(|d| &d.resolutions).collect();
    let new_res: Vec<&Resolution> = docs.iter().flat_map(|d| &d.resolutions).collect();
    let diff = reso::diff::compare_all(&old_res, &new_res);
    // One view over both revisions, so each side's notes are its own.
    let both: Vec<Document> = olds.iter().chain(docs).cloned().collect();
    let view = reso::annotate::Notes::view(reso::annotate::Store::open(notes_path)?, &both);
    let split = olds.len();
    let find = |side: Side, id: &str| {
        let range = match side {
            Side::Old => 0..split,
            Side::New => split..both.len(),
        };
        range.into_iter().find_map(|d| view.get(d, id))
    };
    let name = olds.first().map(|d| d.title.clone()).unwrap_or_else(|| old.display().to_string());
    let section = briefing_section(&diff, &name, |side, id| {
        find(side, id).map(|a| {
            let mut tags: Vec<&str> = order.iter().filter(|t| a.tags.contains(*t)).map(String::as_str).collect();
            tags.extend(a.tags.iter().filter(|t| !order.contains(t)).map(String::as_str));
            Marks { tags, note: &a.note }
        })
    });
    Ok((section, diff))
}

pub fn merge_files(mine: &Path, theirs: &Path, out: Option<&Path>) -> Result<(), String> {
    for p in [mine, theirs] {
        if !p.exists() {
            return Err(format!("cannot read {}: no such file", p.display()));
        }
    }
    let b = read(theirs)?;
    let name = theirs.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let merged = match out {
        // Into MINE itself: under its lock, so a reader open on it loses nothing.
        None => update_locked(mine, |file| *file = merge(file, &b, &name))?,
        Some(target) => {
            let merged = merge(&read(mine)?, &b, &name);
            // Under the target's lock, as any save of a notes file.
            replace_locked(target, &merged)?;
            merged
        }
    };
    let target = out.unwrap_or(mine);
    let count: usize = merged.documents.values().map(|d| d.clauses.len()).sum();
    super::print(&format!("merged {} into {}: {count} annotated clauses", theirs.display(), target.display()))
}
