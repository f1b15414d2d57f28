//! Settings. Defaults live in code; `config.ron` (or `--config FILE`)
//! overrides only what it names. `config.example.ron` documents each one.

pub mod keys;
mod position;
pub mod theme;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

pub use theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Width of the tree pane, in percent of the window (20–80).
    pub tree_width_percent: u16,
    /// Let the mouse wheel scroll and a click select.
    pub mouse: bool,
    /// The notes file; default: notes.ron in reso's data directory.
    pub notes_file: Option<PathBuf>,
    /// One-key tags, in order (the first is toggled by its key, …).
    pub tags: Vec<TagDef>,
    /// Key bindings by action name (`down: ["j", "Down"]`); actions not
    /// named keep their default keys.
    pub keys: BTreeMap<String, Vec<String>>,
    pub theme: Theme,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagDef {
    pub name: String,
    pub key: char,
    /// A colour name (`green`, `light_red`, …) or `#rrggbb`.
    pub color: String,
}

impl Default for Config {
    fn default() -> Self {
        let tag = |name: &str, key: char, color: &str| TagDef { name: name.into(), key, color: color.into() };
        Config {
            tree_width_percent: 45,
            mouse: false,
            notes_file: None,
            tags: vec![
                tag("support", '1', "green"),
                tag("oppose", '2', "red"),
                tag("amend", '3', "yellow"),
                tag("question", '4', "blue"),
                tag("priority", '5', "magenta"),
            ],
            keys: BTreeMap::new(),
            theme: Theme::default(),
        }
    }
}

/// A setting that parses but cannot be used, and where it is.
struct Invalid {
    message: String,
    /// Byte offset in the config text, when it can be found.
    at: Option<usize>,
}

/// The largest config file read (a config is a few KB).
const MAX_CONFIG_BYTES: u64 = 1 << 20;

impl Config {
    /// Parse a config file's text; errors name the line and column.
    pub fn parse(text: &str, source: &str) -> Result<Config, String> {
        // Windows editors start UTF-8 files with a byte-order mark.
        let (text, bom) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        let mut config: Config = ron::from_str(text).map_err(|e| {
            // The mark is one column of line 1 that ron did not see.
            let col = e.span.start.col + usize::from(bom && e.span.start.line == 1);
            format!("{source}:{}:{col}: {}", e.span.start.line, e.code)
        })?;
        config.tree_width_percent = config.tree_width_percent.clamp(20, 80);
        config.validate(text).map_err(|e| match e.at {
            Some(at) => {
                let (line, col) = position::line_col(text, at);
                let col = col + usize::from(bom && line == 1);
                format!("{source}:{line}:{col}: {}", e.message)
            }
            None => format!("{source}: {}", e.message),
        })?;
        Ok(config)
    }

    fn validate(&self, text: &str) -> Result<(), Invalid> {
        let keymap = keys::keymap(&self.keys).map_err(|e| Invalid {
            at: e
                .key
                .as_deref()
                .and_then(|k| position::string(text, k))
                .or_else(|| e.action.as_deref().and_then(|a| position::map_key(text, a))),
            message: e.message,
        })?;
        let tag_error = |i: usize, message: String| Invalid { message, at: position::list_item(text, "tags", i) };
        for (i, t) in self.tags.iter().enumerate() {
            if t.name.trim().is_empty() {
                return Err(tag_error(i, format!("tag {}: the name is empty", i + 1)));
            }
            theme::parse_color(&t.color)
                .ok_or_else(|| tag_error(i, format!("tag {}: unknown colour {:?}", t.name, t.color)))?;
            // A tag key is only looked at when no binding takes the key.
            let press = ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char(t.key));
            if let Some(action) = keymap.action(&press) {
                return Err(tag_error(
                    i,
                    format!("tag {}: key {:?} is already bound to {}", t.name, t.key, keys::action_name(action)),
                ));
            }
            if let Some(other) = self.tags[..i].iter().find(|o| o.key == t.key) {
                return Err(tag_error(i, format!("tags {} and {} both use key {:?}", other.name, t.name, t.key)));
            }
            if self.tags[..i].iter().any(|o| o.name == t.name) {
                return Err(tag_error(i, format!("two tags are named {:?}", t.name)));
            }
        }
        self.theme.validate().map_err(|message| Invalid { message, at: None })?;
        Ok(())
    }

    /// Where `config.ron` lives by default.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "reso", "reso").map(|d| d.config_dir().join("config.ron"))
    }

    /// The user's config from `path`, or the config directory's
    /// `config.ron` if it exists, or the defaults.
    pub fn load(path: Option<&std::path::Path>) -> Result<Config, String> {
        let path = match path {
            Some(p) => p.to_path_buf(),
            None => match Self::default_path() {
                Some(p) if p.exists() => p,
                _ => return Ok(Config::default()),
            },
        };
        let bytes = crate::files::read_regular(&path, MAX_CONFIG_BYTES)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let (line, col) = position::line_col(
                std::str::from_utf8(&e.as_bytes()[..e.utf8_error().valid_up_to()]).unwrap_or_default(),
                e.utf8_error().valid_up_to(),
            );
            format!("{}:{line}:{col}: not UTF-8 (a config file is UTF-8 text)", path.display())
        })?;
        let mut config = Config::parse(&text, &path.display().to_string())?;
        // A relative notes file is beside the config, not wherever reso
        // happens to be started.
        if let Some(notes) = config.notes_file.take() {
            let folder = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            config.notes_file = Some(if notes.is_relative() { folder.join(notes) } else { notes });
        }
        Ok(config)
    }

    /// The tag whose name is `name`.
    pub fn tag(&self, name: &str) -> Option<&TagDef> {
        self.tags.iter().find(|t| t.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Action;

    #[test]
    fn the_example_config_parses_names_every_action_and_matches_the_defaults() {
        let text = include_str!("../../config.example.ron");
        let config = Config::parse(text, "config.example.ron").expect("parses");
        for action in Action::ALL {
            let name = keys::action_name(action);
            assert!(config.keys.contains_key(&name), "config.example.ron does not name {name}");
        }
        assert_eq!(keys::keymap(&config.keys).unwrap().bindings, crate::tui::keymap::Keymap::default().bindings);
        assert_eq!(Config { keys: BTreeMap::new(), ..config }, Config::default());
    }

    #[test]
    fn a_partial_file_overrides_only_what_it_names() {
        let c = Config::parse("(mouse: true)", "x").unwrap();
        assert_eq!(c, Config { mouse: true, ..Config::default() });
        let c = Config::parse("(keys: {\"down\": [\"n\"]})", "x");
        assert!(c.unwrap_err().contains("bound twice"), "n is already next_hit");
    }

    #[test]
    fn errors_carry_line_and_column() {
        let err = Config::parse("(\n  mouse: maybe,\n)", "c.ron").unwrap_err();
        assert!(err.starts_with("c.ron:2:"), "{err}");
        let err = Config::parse("(keys: {\"fly\": [\"x\"]})", "c.ron").unwrap_err();
        assert!(err.contains("unknown action \"fly\""), "{err}");
        let err = Config::parse("(tags: [(name: \"x\", key: 'x', color: \"plaid\")])", "c.ron").unwrap_err();
        assert!(err.contains("plaid"), "{err}");
    }

    #[test]
    fn a_keymap_without_quit_is_refused_with_its_position() {
        let err = Config::parse("(\n  keys: {\n    \"quit\": [],\n  },\n)", "c.ron").unwrap_err();
        assert!(err.starts_with("c.ron:3:5: "), "{err}");
        assert!(err.contains("quit"), "{err}");
    }

    #[test]
    fn tag_keys_must_be_free_and_names_non_empty() {
        let tags = |list: &str| Config::parse(&format!("(\n  tags: [\n{list}\n  ],\n)"), "c.ron");
        let err = tags("    (name: \"x\", key: 'j', color: \"red\"),").unwrap_err();
        assert!(err.starts_with("c.ron:3:") && err.contains("'j'") && err.contains("down"), "{err}");
        let err = tags("    (name: \"x\", key: 'w', color: \"red\"),\n    (name: \"y\", key: 'w', color: \"red\"),")
            .unwrap_err();
        assert!(err.starts_with("c.ron:4:") && err.contains("'w'"), "{err}");
        let err = tags("    (name: \"x\", key: 'w', color: \"red\"),\n    (name: \" \", key: 'y', color: \"red\"),")
            .unwrap_err();
        assert!(err.starts_with("c.ron:4:") && err.contains("name"), "{err}");
        let err = tags("    (name: \"x\", key: 'w', color: \"plaid\"),").unwrap_err();
        assert!(err.starts_with("c.ron:3:") && err.contains("plaid"), "{err}");
        let err = Config::parse("(\n  keys: {\"fly\": [\"x\"]})", "c.ron").unwrap_err();
        assert!(err.starts_with("c.ron:2:") && err.contains("unknown action \"fly\""), "{err}");
        let err = Config::parse("(\n\n  keys: {\"down\": [\"Hyper-j\"]})", "c.ron").unwrap_err();
        assert!(err.starts_with("c.ron:3:") && err.contains("Hyper-j"), "{err}");
        assert!(tags("    (name: \"x\", key: 'w', color: \"red\"),").is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_allowed() {
        assert_eq!(
            Config::parse("\u{feff}(mouse: true)", "c.ron").unwrap(),
            Config { mouse: true, ..Config::default() }
        );
    }

    #[test]
    fn a_relative_notes_file_is_found_beside_the_config() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::fs::write(&path, "(notes_file: Some(\"mun/notes.ron\"))").unwrap();
        let config = Config::load(Some(&path)).unwrap();
        assert_eq!(config.notes_file, Some(dir.path().join("mun/notes.ron")));
        std::fs::write(&path, "(notes_file: Some(\"/abs/notes.ron\"))").unwrap();
        assert_eq!(Config::load(Some(&path)).unwrap().notes_file, Some(PathBuf::from("/abs/notes.ron")));
    }

    #[test]
    fn a_config_that_is_not_a_regular_file_is_refused() {
        // A FIFO would block reading forever; /dev/zero would never end.
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("config.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
        for path in
            [std::path::Path::new("/dev/zero"), &fifo].into_iter().filter(|p| made || !p.ends_with("config.ron"))
        {
            let err = Config::load(Some(path)).unwrap_err();
            assert!(err.contains("not a regular file"), "{err}");
        }
    }
}
