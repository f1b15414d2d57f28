//! The notes file on disk. Every change is one `Op`, applied under a lock
//! to the file as it is *now* on disk (re-read first), then written
//! atomically: two running instances never overwrite each other. A file
//! that cannot be read is never written; reso names it with line and column.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::atomic::{resolve_symlinks, with_suffix, write_atomic};
use super::model::{Annotation, DocNotes, FORMAT_VERSION, NotesFile, Target};

/// One change to the notes, on the entry named `doc`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Turn a tag on or off.
    Tag { doc: String, target: Target, tag: String, on: bool, fingerprint: String, text: String },
    /// Set (or, with an empty string, clear) a note.
    Note { doc: String, target: Target, note: String, fingerprint: String, text: String },
    /// Re-attach an orphan (by its old id) by hand.
    Attach { doc: String, orphan: String, target: Target, fingerprint: String, text: String },
}

#[derive(Debug)]
pub struct Store {
    pub path: PathBuf,
    pub file: NotesFile,
    /// Why the notes are read-only, if they are (a damaged or newer file).
    pub problem: Option<String>,
    stamp: Option<(SystemTime, u64)>,
}

/// reso's notes file in its data directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "reso", "reso").map(|d| d.data_dir().join("notes.ron"))
}

impl Store {
    /// Open the notes at `path` (missing = empty). A file that cannot be
    /// read gives an error naming it, its line and column.
    pub fn open(path: &Path) -> Result<Store, String> {
        let file = read(path)?;
        Ok(Store { path: path.to_path_buf(), file, problem: None, stamp: stamp(path) })
    }

    /// Open for reading only, whatever the file's state: notes that can be
    /// read are shown, nothing is ever written.
    pub fn read_only(path: &Path, problem: String) -> Store {
        let file = read(path).unwrap_or_default();
        Store { path: path.to_path_buf(), file, problem: Some(problem), stamp: stamp(path) }
    }

    pub fn is_read_only(&self) -> bool {
        self.problem.is_some()
    }

    /// Apply one change: lock, re-read the file as it is now, apply, write
    /// atomically, unlock. On success `self.file` is what was written.
    pub fn apply(&mut self, op: &Op) -> Result<(), String> {
        self.change(|file| apply_to(file, op))
    }

    /// Any change, made the same way: under the lock, on the file as it is
    /// now. The change is skipped (and nothing written) if it leaves the
    /// file as it was.
    pub fn change(&mut self, change: impl FnOnce(&mut NotesFile)) -> Result<(), String> {
        if let Some(problem) = &self.problem {
            return Err(format!("notes are read-only: {problem}"));
        }
        self.file = update_locked(&self.path, change)?;
        self.stamp = stamp(&self.path);
        Ok(())
    }

    /// Pick up changes another instance saved. True if anything changed.
    pub fn reload_if_changed(&mut self) -> bool {
        let now = stamp(&self.path);
        if now == self.stamp || self.problem.is_some() {
            return false;
        }
        match read(&self.path) {
            Ok(file) => {
                self.stamp = now;
                let changed = file != self.file;
                self.file = file;
                changed
            }
            // Mid-write or damaged by someone else: keep what we have.
            Err(_) => false,
        }
    }
}

/// Lock the file, re-read it as it is now, change it, and write it back
/// atomically (only if something changed). Returns what is now on disk.
pub fn update_locked(path: &Path, change: impl FnOnce(&mut NotesFile)) -> Result<NotesFile, String> {
    let _lock = lock(path)?;
    let mut current = read(path)?;
    let before = serialize(&current)?;
    change(&mut current);
    let after = serialize(&current)?;
    if after != before || !path.exists() {
        write_atomic(path, after.as_bytes()).map_err(|e| format!("cannot save {}: {e}", path.display()))?;
    }
    Ok(current)
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Held while a change is applied; released on drop.
struct Lock(File);

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

fn lock(path: &Path) -> Result<Lock, String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    // Beside the real file: a symlink and its target share one lock.
    let lock_path = with_suffix(&resolve_symlinks(path), ".lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| format!("cannot open {}: {e}", lock_path.display()))?;
    file.lock().map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    Ok(Lock(file))
}

/// The largest notes file read: a lifetime of notes is a few MB.
const MAX_NOTES_BYTES: u64 = 256 << 20;

/// Read and check a notes file; a missing file is an empty one.
pub fn read(path: &Path) -> Result<NotesFile, String> {
    let bytes = match crate::files::read_regular(path, MAX_NOTES_BYTES) {
        Ok(b) => b,
        Err(crate::files::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(NotesFile::new());
        }
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let source = path.display().to_string();
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let (line, col) = line_col(&bytes[..e.valid_up_to()]);
        format!("{source}:{line}:{col}: not UTF-8 (a notes file is UTF-8 text)")
    })?;
    parse(text, &source)
}

/// 1-based line and column (in characters) just after `valid` UTF-8 bytes.
fn line_col(valid: &[u8]) -> (usize, usize) {
    let text = std::str::from_utf8(valid).unwrap_or_default();
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Parse notes text; errors are `path:line:col: message`.
pub fn parse(text: &str, source: &str) -> Result<NotesFile, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Check the version before the fields: a newer file may have fields
    // this reso does not know, and must not be mistaken for a damaged one.
    if let Some(version) = format_version(text)
        && version > FORMAT_VERSION
    {
        return Err(format!(
            "{source}: written by a newer reso (format {version}; this one reads up to {FORMAT_VERSION})"
        ));
    }
    let file: NotesFile =
        ron::from_str(text).map_err(|e| format!("{source}:{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
    if file.format > FORMAT_VERSION {
        return Err(format!("{source}: written by a newer reso (format {})", file.format));
    }
    Ok(file)
}

/// The `format: N` field, read without parsing the rest: the first
/// `format` that is neither in a comment nor in a string.
fn format_version(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&b[i + 2..], b"*/").map_or(b.len(), |n| i + 2 + n + 2);
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let end =
                    b[i..].iter().position(|c| !(c.is_ascii_alphanumeric() || *c == b'_')).map_or(b.len(), |n| i + n);
                if &b[i..end] == b"format" {
                    let rest = text.get(end..)?.trim_start().strip_prefix(':')?.trim_start();
                    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    return digits.parse().ok();
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    None
}

/// Replace the notes file at `path` with `file`, under the same lock as
/// every other change, so a reso open on it never has its save crossed.
pub fn replace_locked(path: &Path, file: &NotesFile) -> Result<(), String> {
    let _lock = lock(path)?;
    let text = serialize(file)?;
    write_atomic(path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub fn serialize(file: &NotesFile) -> Result<String, String> {
    let config = ron::ser::PrettyConfig::new().indentor("    ".to_string());
    ron::ser::to_string_pretty(file, config)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| format!("cannot write notes: {e}"))
}

/// The change itself, on a file in memory.
pub fn apply_to(file: &mut NotesFile, op: &Op) {
    file.format = FORMAT_VERSION;
    match op {
        Op::Tag { doc, target, tag, on, fingerprint, text } => {
            let notes = file.documents.entry(doc.clone()).or_default();
            let entry = slot(notes, target);
            if *on {
                entry.tags.insert(tag.clone());
            } else {
                entry.tags.remove(tag);
            }
            touch(entry, fingerprint, text);
            prune(notes, target);
        }
        Op::Note { doc, target, note, fingerprint, text } => {
            let notes = file.documents.entry(doc.clone()).or_default();
            let entry = slot(notes, target);
            entry.note = note.clone();
            touch(entry, fingerprint, text);
            prune(notes, target);
        }
        Op::Attach { doc, orphan, target, fingerprint, text } => {
            let Some(notes) = file.documents.get_mut(doc) else { return };
            let Some(pos) = notes.orphans.iter().position(|o| &o.id == orphan) else { return };
            let o = notes.orphans.remove(pos);
            let entry = slot(notes, target);
            entry.tags.extend(o.annotation.tags);
            if entry.note.is_empty() {
                entry.note = o.annotation.note;
            } else if !o.annotation.note.is_empty() {
                entry.note = format!("{}\n\n{}", entry.note, o.annotation.note);
            }
            touch(entry, fingerprint, text);
        }
    }
    file.documents.retain(|_, d| !d.is_empty());
}

/// The annotation for a target, created empty if there is none.
pub fn slot<'a>(notes: &'a mut DocNotes, target: &Target) -> &'a mut Annotation {
    match target {
        Target::Document => notes.document.get_or_insert_with(Annotation::default),
        Target::Resolution(code) => notes.resolutions.entry(code.clone()).or_default(),
        Target::Clause(id) => notes.clauses.entry(id.clone()).or_default(),
    }
}

fn touch(a: &mut Annotation, fingerprint: &str, text: &str) {
    a.fingerprint = fingerprint.to_string();
    a.text = text.to_string();
}

/// An annotation with no tag and no note is removed.
fn prune(notes: &mut DocNotes, target: &Target) {
    match target {
        Target::Document => {
            if notes.document.as_ref().is_some_and(Annotation::is_empty) {
                notes.document = None;
            }
        }
        Target::Resolution(code) => {
            if notes.resolutions.get(code).is_some_and(Annotation::is_empty) {
                notes.resolutions.remove(code);
            }
        }
        Target::Clause(id) => {
            if notes.clauses.get(id).is_some_and(Annotation::is_empty) {
                notes.clauses.remove(id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(id: &str, tag: &str, on: bool) -> Op {
        Op::Tag {
            doc: "D".into(),
            target: Target::Clause(id.into()),
            tag: tag.into(),
            on,
            fingerprint: "f".into(),
            text: "t".into(),
        }
    }

    #[test]
    fn round_trip_and_one_change_is_one_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        let mut store = Store::open(&path).unwrap();
        for i in 1..=5 {
            store.apply(&tag(&format!("X:op.{i}"), "support", true)).unwrap();
        }
        let before = std::fs::read_to_string(&path).unwrap();
        assert_eq!(read(&path).unwrap(), store.file);
        store.apply(&tag("X:op.3", "amend", true)).unwrap();
        let after = std::fs::read_to_string(&path).unwrap();
        // The differing lines (between the common head and tail) are all
        // inside X:op.3's entry.
        let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
        let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let tail = old.iter().rev().zip(new.iter().rev()).take_while(|(a, b)| a == b).count();
        let entry_start = new.iter().position(|l| l.contains("\"X:op.3\"")).unwrap();
        let entry_end = new.iter().position(|l| l.contains("\"X:op.4\"")).unwrap();
        assert!(head > entry_start && new.len() - tail <= entry_end, "{before}\n---\n{after}");
        assert!(new.len() > old.len());
        // Untagging the last tag and having no note removes the entry.
        store.apply(&tag("X:op.1", "support", false)).unwrap();
        assert!(!store.file.documents["D"].clauses.contains_key("X:op.1"));
    }

    #[test]
    fn damaged_and_newer_files_are_named_and_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        std::fs::write(
            &path,
            "(\n  format: 1,\n  documents: {\n    \"D\": (clauses: {\"a\": (tags: [\"x\"] note: \"y\")}),\n  },\n)\n",
        )
        .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(err.starts_with(&format!("{}:4:", path.display())), "{err}");
        let mut ro = Store::read_only(&path, err);
        assert!(ro.apply(&tag("a", "x", true)).is_err());
        std::fs::write(&path, "(format: 7, documents: {}, shiny_new_field: 1)").unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(err.contains("newer reso"), "{err}");
        std::fs::write(&path, "").unwrap();
        assert!(Store::open(&path).unwrap_err().contains(":1:"));
    }

    #[test]
    fn resolution_and_document_notes_are_kept_and_pruned() {
        let mut file = NotesFile::new();
        let note = |target: Target, note: &str| Op::Note {
            doc: "D".into(),
            target,
            note: note.into(),
            fingerprint: "f".into(),
            text: "t".into(),
        };
        apply_to(&mut file, &note(Target::Resolution("X/1".into()), "vote yes"));
        apply_to(&mut file, &note(Target::Document, "we sponsor"));
        let text = serialize(&file).unwrap();
        let back = parse(&text, "t").unwrap();
        assert_eq!(back.documents["D"].resolutions["X/1"].note, "vote yes");
        assert_eq!(back.documents["D"].document.as_ref().map(|a| a.note.as_str()), Some("we sponsor"));
        apply_to(&mut file, &note(Target::Resolution("X/1".into()), ""));
        apply_to(&mut file, &note(Target::Document, ""));
        assert!(file.documents.is_empty(), "{file:?}");
    }

    #[test]
    fn a_notes_file_that_is_not_utf8_is_named_with_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.ron");
        std::fs::write(&path, b"(\n  format: 1,\n  documents: {\"caf\xe9\": (clauses: {})},\n)\n").unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(err.starts_with(&format!("{}:3:19: ", path.display())), "{err}");
        assert!(err.contains("UTF-8"), "{err}");
    }

    #[test]
    fn a_comment_is_not_the_format_field() {
        let text = "// format: 9 is what the next reso will write\n(\n  format: 1,\n  documents: {},\n)\n";
        assert_eq!(parse(text, "n.ron"), Ok(NotesFile { format: 1, ..NotesFile::new() }));
        let text = "/* format: 9 */ (format: 1, documents: {\"format: 9\": (clauses: {})})";
        assert!(parse(text, "n.ron").is_ok());
        let newer = "// reso notes\n(format: 9, documents: {}, field_from_the_future: 1)";
        assert!(parse(newer, "n.ron").unwrap_err().contains("newer reso"));
    }
}
