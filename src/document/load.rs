//! Files and folders → documents, with errors a person can act on.

use std::path::{Path, PathBuf};

use super::decode::DecodeError;
use super::model::Document;
use super::parse::parse;
use super::read;

/// The bundled sample: NMUN 2025 Conference A, CCPCJ.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/ccpcj-2025-conference-a.txt");
pub const SAMPLE_NAME: &str = "<bundled sample: ccpcj-2025-conference-a.txt>";

#[derive(Debug)]
pub enum LoadError {
    Io(PathBuf, std::io::Error),
    Decode(PathBuf, DecodeError),
    EmptyFolder(PathBuf),
    /// Not a regular file, or too large to read.
    File(PathBuf, crate::files::ReadError),
}

/// The largest document reso reads: far above any real resolution (a
/// year of a body's resolutions is a few MB), low enough that a wrong
/// path cannot take the machine's memory.
pub const MAX_DOCUMENT_BYTES: u64 = 1 << 30;

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io(p, e) => {
                let reason = match e.kind() {
                    std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => e.to_string(),
                };
                write!(f, "cannot read {}: {reason}", p.display())
            }
            LoadError::Decode(p, e) => write!(f, "{}: {e}", p.display()),
            LoadError::File(p, e) => write!(f, "cannot read {}: {e}", p.display()),
            LoadError::EmptyFolder(p) => {
                write!(f, "{}: no documents (.txt, .md, .docx, .doc, .xml, .pdf) in this folder", p.display())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// The bundled sample, parsed.
pub fn sample() -> Document {
    // Through the same decode step as any file, so the same guarantees hold.
    load_bytes(SAMPLE_TEXT.as_bytes(), SAMPLE_NAME).unwrap_or_else(|_| parse(SAMPLE_TEXT, SAMPLE_NAME))
}

/// Decode and parse one file's bytes, which the document then holds: its
/// one-line paragraphs are ranges of the decoded text, not copies.
pub fn load_owned(bytes: Vec<u8>, source: &str) -> Result<Document, DecodeError> {
    read::read(bytes, source)
}

/// Decode and parse bytes the caller keeps: they are copied once.
pub fn load_bytes(bytes: &[u8], source: &str) -> Result<Document, DecodeError> {
    load_owned(bytes.to_vec(), source)
}

/// Every input given on the command line; the sample when none is.
/// A folder contributes its documents of every format in name order.
pub fn load_inputs(paths: &[PathBuf]) -> Result<Vec<Document>, LoadError> {
    if paths.is_empty() {
        return Ok(vec![sample()]);
    }
    let mut docs = Vec::new();
    for path in paths {
        for file in expand(path)? {
            let bytes =
                crate::files::read_regular(&file, MAX_DOCUMENT_BYTES).map_err(|e| LoadError::File(file.clone(), e))?;
            let source = file.display().to_string();
            docs.push(load_owned(bytes, &source).map_err(|e| LoadError::Decode(file.clone(), e))?);
        }
    }
    Ok(docs)
}

/// What a folder contributes: every file with one of these endings (the
/// format itself is then told by content).
const DOCUMENT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "docx", "doc", "xml", "akn", "pdf"];

fn expand(path: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| DOCUMENT_EXTENSIONS.iter().any(|d| e.eq_ignore_ascii_case(d)))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(LoadError::EmptyFolder(path.to_path_buf()));
    }
    Ok(files)
}
