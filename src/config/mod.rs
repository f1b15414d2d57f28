//! Settings. Defaults live in code; `config.ron` (or `--config FILE`)
//! overrides only what it names. `config.example.ron` documents each one.

pub mod keys;
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

impl Config {
    /// Parse a config file's text; errors name the line and column.
    pub fn parse(text: &str, source: &str) -> Result<Config, String> {
        let mut config: Config = ron::from_str(text)
            .map_err(|e| format!("{source}:{}:{}: {}", e.span.start.line, e.span.start.col, e.code))?;
        config.tree_width_percent = config.tree_width_percent.clamp(20, 80);
        config.validate().map_err(|e| format!("{source}: {e}"))?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), String> {
        keys::keymap(&self.keys)?;
        for t in &self.tags {
            theme::parse_color(&t.color).ok_or_else(|| format!("tag {}: unknown colour {:?}", t.name, t.color))?;
        }
        self.theme.validate()?;
        let mut names: Vec<&str> = self.tags.iter().map(|t| t.name.as_str()).collect();
        names.sort_unstable();
        if names.windows(2).any(|w| w[0] == w[1]) {
            return Err("two tags have the same name".into());
        }
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
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Config::parse(&text, &path.display().to_string())
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
}
