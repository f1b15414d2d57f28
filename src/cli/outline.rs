//! `reso outline`

use std::path::PathBuf;

use reso::export::{json, outline};

pub fn run(paths: &[PathBuf], as_json: bool) -> Result<(), String> {
    let docs = super::load(paths)?;
    if as_json {
        super::write_out(|out| json::write_json(&docs, super::safe::SafeWriter::json(out)))?;
    } else {
        // Streamed like the JSON, shown safe on a terminal.
        let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
        super::write_out(|out| outline::write_outline(&docs, super::safe::SafeWriter::text(out, terminal)))?;
    }
    let found = super::check_resolutions(&docs).map_err(|e| format!("{e} (what was found is shown above)"));
    super::exit_without_freeing(docs);
    found
}
