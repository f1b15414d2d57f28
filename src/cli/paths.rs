//! `reso paths`: where reso keeps its settings and notes, after every
//! override (`--config`, `--notes`, the config's `notes_file`, `XDG_*`), and
//! whether each exists — so a delegate can back up or share the notes file.

use std::path::Path;

use reso::config::Config;

use super::color::{Style, paint};

pub fn run(config_flag: Option<&Path>, notes_flag: Option<&Path>, config: &Config, color: bool) -> Result<(), String> {
    let config_path = config_flag.map(Path::to_path_buf).or_else(Config::default_path);
    let notes_path = super::notes_path(notes_flag, config).ok();
    let data_dir = directories::ProjectDirs::from("org", "reso", "reso").map(|d| d.data_dir().to_path_buf());
    let rows = [("config", config_path.as_deref()), ("notes", notes_path.as_deref()), ("data", data_dir.as_deref())];
    let mut text = String::new();
    for (what, path) in rows {
        let line = match path {
            Some(p) => {
                let (state, style) = state(p);
                let shown = super::safe::for_terminal(&p.display().to_string()).into_owned();
                format!("{what:<8}{}\t{}", paint(color, Style::Bold, &shown), paint(color, style, state))
            }
            None => format!("{what:<8}(none: no home directory)"),
        };
        text.push_str(&line);
        text.push('\n');
    }
    // Paths are shown safe above; the colours are reso's own.
    super::print_bytes(text.as_bytes())
}

fn state(path: &Path) -> (&'static str, Style) {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => ("(exists, folder)", Style::Green),
        Ok(_) => ("(exists)", Style::Green),
        Err(_) => ("(not yet created)", Style::Dim),
    }
}
