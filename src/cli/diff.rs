//! `reso diff OLD NEW`: two files (or folders) of any format, or two
//! resolutions of the documents given (by code, e.g. a draft and its
//! revision inside one booklet).

use std::path::{Path, PathBuf};

use reso::diff::{Diff, compare_all};
use reso::document::{Document, Resolution};
use reso::export::diff as render;

pub fn run(old: &str, new: &str, paths: &[PathBuf], as_json: bool, color: bool) -> Result<(), String> {
    let (old_is_file, new_is_file) = (Path::new(old).exists(), Path::new(new).exists());
    let diff = match (old_is_file, new_is_file) {
        (true, true) => {
            if !paths.is_empty() {
                return Err("give two files, or two resolution codes and the documents that hold them".into());
            }
            let old_docs = super::load(&[PathBuf::from(old)])?;
            let new_docs = super::load(&[PathBuf::from(new)])?;
            let d = compare_all(&resolutions(&old_docs), &resolutions(&new_docs));
            super::exit_without_freeing(old_docs);
            super::exit_without_freeing(new_docs);
            d
        }
        (false, false) => {
            let docs = super::load(paths)?;
            let all = resolutions(&docs);
            let pick = |code: &str| -> Result<&Resolution, String> {
                let wanted = normalise(code);
                all.iter()
                    .find(|r| normalise(&r.code) == wanted)
                    .copied()
                    .ok_or_else(|| format!("{code}: no such file, and no resolution with this code"))
            };
            let d = compare_all(&[pick(old)?], &[pick(new)?]);
            super::exit_without_freeing(docs);
            d
        }
        (true, false) => return Err(format!("{new}: no such file")),
        (false, true) => return Err(format!("{old}: no such file")),
    };
    if as_json {
        super::print_json(&render::json(&diff))?;
    } else if color {
        // The colours are reso's own; the texts come from the model, where
        // the decoder has already taken out every control character.
        super::print_bytes(render::plain(&diff, true).as_bytes())?;
    } else {
        super::print(&render::plain(&diff, false))?;
    }
    nothing_compared(&diff)
}

fn resolutions(docs: &[Document]) -> Vec<&Resolution> {
    docs.iter().flat_map(|d| &d.resolutions).collect()
}

/// Codes compare without regard to case and spaces (`s/res/687(1991)`).
fn normalise(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

fn nothing_compared(diff: &Diff) -> Result<(), String> {
    if diff.resolutions.is_empty() {
        return Err("no resolution of the old revision matches one of the new (codes differ)".into());
    }
    Ok(())
}
