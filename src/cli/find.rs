//! `reso find`

use std::path::{Path, PathBuf};

use reso::config::Config;

pub fn run(
    query: &str,
    paths: &[PathBuf],
    limit: usize,
    as_json: bool,
    notes: Option<&Path>,
    config: &Config,
) -> Result<(), String> {
    let docs = super::load(paths)?;
    // Notes and tags are searched too; a notes file that cannot be read
    // only means they are not.
    let path = super::notes_path(notes, config).ok();
    let notes =
        path.and_then(|p| reso::annotate::Store::open(&p).ok()).map(|store| reso::annotate::Notes::view(store, &docs));
    let hits = reso::find::engine::search_with_notes(&docs, query, limit, notes.as_ref());
    if as_json {
        super::print_json(&serde_json::to_string_pretty(&hits).map_err(|e| e.to_string())?)?;
    } else {
        let text = hits.iter().map(|h| format!("{}\t{}\t{}", h.id, h.score, h.text)).collect::<Vec<_>>().join("\n");
        super::print(&text)?;
    }
    drop(notes);
    // As `outline`: a file with no resolution is an error, not an empty result.
    let found = super::check_resolutions(&docs);
    super::exit_without_freeing(docs);
    found
}
