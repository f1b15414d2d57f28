//! `reso annotate ID [--tag T]... [--untag T]... [--note TEXT | --clear-note]`

use std::path::{Path, PathBuf};

use reso::config::Config;

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
    let docs = super::load(paths)?;
    let (doc, clause) = docs
        .iter()
        .enumerate()
        .find_map(|(i, d)| d.all_clauses().find(|c| c.id == req.id).map(|c| (i, c)))
        .ok_or_else(|| {
            format!(
                "no clause {:?} in the documents given (ids look like CCPCJ/1/4:op.17.d; `reso outline` lists them)",
                req.id
            )
        })?;
    let path = super::notes_path(notes, config)?;
    let mut notes = super::open_notes(&path, &docs)?;
    for t in req.tags {
        notes.set_tag(&docs, doc, clause, t, true)?;
    }
    for t in req.untags {
        notes.set_tag(&docs, doc, clause, t, false)?;
    }
    if let Some(n) = req.note {
        notes.set_note(&docs, doc, clause, n)?;
    } else if req.clear_note {
        notes.set_note(&docs, doc, clause, "")?;
    }
    let now = notes.get(doc, &clause.id);
    let tags: Vec<&str> = now.map(|a| a.tags.iter().map(String::as_str).collect()).unwrap_or_default();
    let has_note = now.is_some_and(|a| !a.note.trim().is_empty());
    super::print(&format!(
        "saved {}: tags [{}], {} ({})",
        clause.id,
        tags.join(", "),
        if has_note { "note" } else { "no note" },
        path.display()
    ))
}
