//! `reso notes export` and `reso notes merge`

use std::path::{Path, PathBuf};

use reso::annotate::merge::merge;
use reso::annotate::store::{read, replace_locked, update_locked};
use reso::config::Config;
use reso::export::notes;

pub fn export(paths: &[PathBuf], format: &str, notes_flag: Option<&Path>, config: &Config) -> Result<(), String> {
    let docs = super::load(paths)?;
    let path = super::notes_path(notes_flag, config)?;
    // Exporting never writes: re-anchoring happens in memory only.
    let store = reso::annotate::Store::open(&path)?;
    let n = reso::annotate::Notes::view(store, &docs);
    let order: Vec<String> = config.tags.iter().map(|t| t.name.clone()).collect();
    let entries = notes::entries(&docs, &n, &order);
    match format {
        "md" | "markdown" => super::print(&notes::markdown(&docs, &entries)),
        "json" => super::print_json(&notes::json(&entries)),
        other => Err(format!("unknown format {other:?}: use md or json")),
    }
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
