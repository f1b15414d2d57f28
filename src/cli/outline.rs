//! `reso outline`

use std::path::PathBuf;

use reso::export::{json, outline};

pub fn run(paths: &[PathBuf], as_json: bool) -> Result<(), String> {
    let docs = super::load(paths)?;
    let text = if as_json { json::to_json(&docs) } else { outline::outline(&docs) };
    super::print(&text);
    if let Some(doc) = docs.iter().find(|d| d.resolutions.is_empty()) {
        return Err(format!("{}: no resolution found (what was found is shown above)", doc.source));
    }
    Ok(())
}
