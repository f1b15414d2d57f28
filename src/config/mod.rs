//! Settings. Defaults live in code; `config.ron` (or `--config FILE`)
//! overrides only what it names. `config.example.ron` documents each one.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Width of the tree pane, in percent of the window (20–80).
    pub tree_width_percent: u16,
    /// Let the mouse wheel scroll and a click select. Keyboard use never
    /// depends on it.
    pub mouse: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            tree_width_percent: 45,
            mouse: false,
        }
    }
}

impl Config {
    /// Parse a config file's text; errors name the line and column.
    pub fn parse(text: &str, source: &str) -> Result<Config, String> {
        let mut config: Config = ron::from_str(text).map_err(|e| {
            format!(
                "{source}:{}:{}: {}",
                e.span.start.line, e.span.start.col, e.code
            )
        })?;
        config.tree_width_percent = config.tree_width_percent.clamp(20, 80);
        Ok(config)
    }

    /// The user's config from `path`, or the config directory's
    /// `config.ron` if it exists, or the defaults.
    pub fn load(path: Option<&std::path::Path>) -> Result<Config, String> {
        let default_path = directories::ProjectDirs::from("org", "reso", "reso")
            .map(|d| d.config_dir().join("config.ron"));
        let path = match path {
            Some(p) => p.to_path_buf(),
            None => match default_path {
                Some(p) if p.exists() => p,
                _ => return Ok(Config::default()),
            },
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Config::parse(&text, &path.display().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_config_parses_and_matches_the_defaults() {
        let text = include_str!("../../config.example.ron");
        assert_eq!(
            Config::parse(text, "config.example.ron"),
            Ok(Config::default())
        );
    }

    #[test]
    fn a_partial_file_overrides_only_what_it_names() {
        let c = Config::parse("(mouse: true)", "x").unwrap();
        assert_eq!(
            c,
            Config {
                mouse: true,
                ..Config::default()
            }
        );
    }

    #[test]
    fn errors_carry_line_and_column() {
        let err = Config::parse("(\n  mouse: maybe,\n)", "c.ron").unwrap_err();
        assert!(err.starts_with("c.ron:2:"), "{err}");
    }
}
