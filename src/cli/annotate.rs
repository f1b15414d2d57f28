//! `reso annotate ID [--tag T]... [--untag T]... [--note TEXT | --clear-note]`
//!
//! ID is a clause id, a resolution code (a note on the whole resolution),
//! or a document: its title, or its file.

use std::path::{Path, PathBuf};

use reso::annotate::Target;
use reso::config::Config;
use reso::document::Document;

pub struct Request<'a> {
    pub id: &'a str,
    pub tags: &'a [String],
    pub untags: &'a [String],
    pub note: Option<&'a str>,
    pub clear_note: bool,
}

pub fn run(req: &Request<'_>, paths: &[PathBuf], notes: Option<&Path>, config: &Config) -> Result<(), String> {
    for t in req.tags.iter().chain(req.untags) {
        if config.tag(t).is_none() {
            let known: Vec<&str> = config.tags.iter().map(|t| t.name.as_str()).collect();
            return Err(format!("unknown tag {t:?} (tags: {})", known.join(", ")));
        }
    }
    // An id that is a document file not among the paths: that file.
    let given = Path::new(req.id);
    let mut paths = paths.to_vec();
    let id_is_file = given.is_file() && find(&super::load(&paths)?, req.id).is_none();
    if id_is_file && !paths.iter().any(|p| p == given) {
        // Beside the documents given (which decide with it whose notes are
        // whose), or instead of the bundled sample.
        paths.push(given.to_path_buf());
    }
    let docs = super::load(&paths)?;
    let (doc, target) =
        find(&docs, req.id).or_else(|| if id_is_file { by_file(&docs, given) } else { None }).ok_or_else(|| {
            format!(
                "no clause, resolution or document {:?} in the documents given (clause ids look like \
                 CCPCJ/1/4:op.17.d, resolutions like CCPCJ/1/4; `reso outline` lists them)",
                req.id
            )
        })?;
    let path = super::notes_path(notes, config)?;
    let mut notes = super::open_notes(&path, &docs)?;
    let mut changed = false;
    for t in req.tags {
        changed |= notes.set_tag(&docs, doc, &target, t, true)?;
    }
    for t in req.untags {
        changed |= notes.set_tag(&docs, doc, &target, t, false)?;
    }
    if let Some(n) = req.note {
        changed |= notes.set_note(&docs, doc, &target, n)?;
    } else if req.clear_note {
        changed |= notes.set_note(&docs, doc, &target, "")?;
    }
    let now = notes.get_target(doc, &target);
    let tags: Vec<&str> = now.map(|a| a.tags.iter().map(String::as_str).collect()).unwrap_or_default();
    let has_note = now.is_some_and(|a| !a.note.trim().is_empty());
    let name = match &target {
        Target::Document => docs.get(doc).map(|d| d.title.clone()).unwrap_or_default(),
        other => other.name().to_string(),
    };
    let state = format!("tags [{}], {}", tags.join(", "), if has_note { "note" } else { "no note" });
    let line = if changed {
        format!("saved {name}: {state} ({})", path.display())
    } else {
        format!("nothing changed for {name}: {state} ({} not written)", path.display())
    };
    super::print(&line)
}

/// A clause id, then a resolution code, then a document title.
fn find(docs: &[Document], id: &str) -> Option<(usize, Target)> {
    let clause = docs.iter().position(|d| d.all_clauses().any(|c| c.id == id));
    if let Some(d) = clause {
        return Some((d, Target::Clause(id.to_string())));
    }
    if let Some(d) = docs.iter().position(|d| d.resolutions.iter().any(|r| r.code == id)) {
        return Some((d, Target::Resolution(id.to_string())));
    }
    docs.iter().position(|d| d.title == id).map(|d| (d, Target::Document))
}

/// The document read from this file.
fn by_file(docs: &[Document], file: &Path) -> Option<(usize, Target)> {
    let wanted = std::fs::canonicalize(file).ok()?;
    docs.iter()
        .position(|d| std::fs::canonicalize(&d.source).ok().as_ref() == Some(&wanted))
        .map(|d| (d, Target::Document))
}
