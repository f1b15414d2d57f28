//! `reso outline`

use std::path::PathBuf;

use reso::export::{json, outline};

pub fn run(paths: &[PathBuf], as_json: bool) -> Result<(), String> {
    let docs = super::load(paths)?;
    if as_json {
        // A closed pipe (`| head`) only ends the output early.
        let _ = json::write_json(&docs, std::io::stdout().lock());
    } else {
        // Streamed like the JSON; a closed pipe only ends it early.
        let _ = outline::write_outline(&docs, std::io::stdout().lock());
    }
    let empty = docs.iter().find(|d| d.resolutions.is_empty()).map(|d| d.source.clone());
    super::exit_without_freeing(docs);
    match empty {
        Some(source) => Err(format!("{source}: no resolution found (what was found is shown above)")),
        None => Ok(()),
    }
}
