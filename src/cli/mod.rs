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
pub mod safe;
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

/// Write text to stdout: shown safe if stdout is a terminal. A closed pipe
/// (`reso outline | head`) only ends the output; any other failure (a
/// full disk) is an error, so that a truncated file is never taken for a
/// complete one.
pub fn print(text: &str) -> Result<(), String> {
    use std::io::IsTerminal;
    let text = if std::io::stdout().is_terminal() { safe::for_terminal(text) } else { text.into() };
    write_out(|out| {
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// Write JSON to stdout, its exact value with terminal controls escaped.
pub fn print_json(json: &str) -> Result<(), String> {
    let json = safe::json(json);
    write_out(|out| {
        out.write_all(json.as_bytes())?;
        out.write_all(b"\n")
    })
}

/// Run `write` on stdout and flush it; report failure as one line.
pub fn write_out(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| std::io::Write::flush(&mut out)) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write the output: {e}")),
        _ => Ok(()),
    }
}

/// A document in which no resolution was found is an error for every
/// command that works on resolutions (after what output there is).
pub fn check_resolutions(docs: &[Document]) -> Result<(), String> {
    match docs.iter().find(|d| d.resolutions.is_empty()) {
        Some(doc) => Err(format!("{}: no resolution found", doc.source)),
        None => Ok(()),
    }
}

/// Write bytes reso made itself (a completion script, the man page) to
/// stdout, with the same error rules as [`print`].
pub fn print_bytes(bytes: &[u8]) -> Result<(), String> {
    write_out(|out| out.write_all(bytes))
}
