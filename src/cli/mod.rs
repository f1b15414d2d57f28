//! The subcommands: each loads what it needs, does one thing, and reports
//! errors as one line (main prints them and exits 1).

pub mod annotate;
pub mod args;
pub mod color;
pub mod diff;
pub mod find;
pub mod notes;
pub mod outline;
pub mod paths;
pub mod shell;

use std::path::{Path, PathBuf};

use reso::annotate::{Notes, Store};
use reso::config::Config;
use reso::document::{Document, load_inputs};

pub fn load(paths: &[PathBuf]) -> Result<Vec<Document>, String> {
    load_inputs(paths).map_err(|e| e.to_string())
}

/// Two revisions for `--compare`: one document each, old first.
pub fn load_pair(pair: &[PathBuf]) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    for path in pair {
        let mut one = load(std::slice::from_ref(path))?;
        if one.len() != 1 {
            return Err(format!("{}: --compare takes two files, one revision each", path.display()));
        }
        docs.append(&mut one);
    }
    Ok(docs)
}

/// The command is about to exit: the documents are not freed one clause at
/// a time (a large corpus has hundreds of thousands), the process ends.
pub fn exit_without_freeing(docs: Vec<Document>) {
    std::mem::forget(docs);
}

/// `--notes FILE`, else the config's `notes_file`, else the data directory.
pub fn notes_path(flag: Option<&Path>, config: &Config) -> Result<PathBuf, String> {
    flag.map(Path::to_path_buf)
        .or_else(|| config.notes_file.clone())
        .or_else(reso::annotate::store::default_path)
        .ok_or_else(|| "no home directory for the notes file: pass --notes FILE".to_string())
}

/// The notes for scripts: a file that cannot be read is an error (and is
/// left as it is).
pub fn open_notes(path: &Path, docs: &[Document]) -> Result<Notes, String> {
    let store = Store::open(path)?;
    Notes::open(store, docs)
}

/// Write to stdout; a closed pipe (`reso outline | head`) is not an error.
pub fn print(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    if !text.ends_with('\n') {
        let _ = out.write_all(b"\n");
    }
}

/// Write bytes to stdout; a failed write is an error (a full disk must not
/// pass for a complete output), a closed pipe (`| head`) is not.
pub fn print_bytes(bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write the output: {e}")),
        _ => Ok(()),
    }
}
