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
    let found = reso::find::engine::search_with_notes(&docs, query, limit, notes.as_ref());
    if let Some(note) = &found.note {
        // A citation that names no clause, or several: said, never
        // answered with another clause.
        if found.hits.is_empty() {
            return Err(note.clone());
        }
        eprintln!("{}", super::safe::for_terminal(note));
    }
    let hits = found.hits;
    if as_json {
        super::print_json(&serde_json::to_string_pretty(&hits).map_err(|e| e.to_string())?)?;
    } else {
        // A cited clause says so where a word match gives its score.
        let score = |h: &reso::find::Hit| if h.citation { "cite".to_string() } else { h.score.to_string() };
        let text = hits.iter().map(|h| format!("{}\t{}\t{}", h.id, score(h), h.text)).collect::<Vec<_>>().join("\n");
        super::print(&text)?;
    }
    drop(notes);
    // As `outline`: a file with no resolution is an error, not an empty result.
    let found = super::check_resolutions(&docs);
    super::exit_without_freeing(docs);
    found
}
