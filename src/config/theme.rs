//! Colours. The defaults read on dark and light terminals (named ANSI
//! colours, which the terminal's own palette adapts); `NO_COLOR` turns all
//! of them off and leaves bold, dim, italic and reverse.

use ratatui::style::Color;
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    /// Headings, group rows, the finder prompt.
    pub accent: String,
    /// Matched characters in finder results.
    pub highlight: String,
    pub vote_for: String,
    pub vote_against: String,
    pub vote_abstain: String,
    /// Warnings: unplaced lines, read-only notes.
    pub warning: String,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            accent: "cyan".into(),
            highlight: "yellow".into(),
            vote_for: "green".into(),
            vote_against: "red".into(),
            vote_abstain: "yellow".into(),
            warning: "yellow".into(),
        }
    }
}

impl Theme {
    pub fn validate(&self) -> Result<(), String> {
        for c in [&self.accent, &self.highlight, &self.vote_for, &self.vote_against, &self.vote_abstain, &self.warning]
        {
            parse_color(c).ok_or_else(|| format!("theme: unknown colour {c:?}"))?;
        }
        Ok(())
    }
}

/// Colours ready to draw with, `Color::Reset` everywhere under `NO_COLOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub accent: Color,
    pub highlight: Color,
    pub vote_for: Color,
    pub vote_against: Color,
    pub vote_abstain: Color,
    pub warning: Color,
    pub color: bool,
}

impl Palette {
    pub fn new(theme: &Theme, no_color: bool) -> Palette {
        let c = |name: &str| if no_color { Color::Reset } else { parse_color(name).unwrap_or(Color::Reset) };
        Palette {
            accent: c(&theme.accent),
            highlight: c(&theme.highlight),
            vote_for: c(&theme.vote_for),
            vote_against: c(&theme.vote_against),
            vote_abstain: c(&theme.vote_abstain),
            warning: c(&theme.warning),
            color: !no_color,
        }
    }

    /// A tag's colour (Reset under NO_COLOR).
    pub fn tag(&self, name: &str) -> Color {
        if self.color { parse_color(name).unwrap_or(Color::Reset) } else { Color::Reset }
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette::new(&Theme::default(), false)
    }
}

/// True when the `NO_COLOR` convention asks for no colour.
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

pub fn parse_color(name: &str) -> Option<Color> {
    if let Some(hex) = name.strip_prefix('#') {
        if hex.len() == 6 {
            let v = u32::from_str_radix(hex, 16).ok()?;
            return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        return None;
    }
    Some(match name.to_lowercase().replace(['-', ' '], "_").as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "dark_gray" | "dark_grey" => Color::DarkGray,
        "light_red" => Color::LightRed,
        "light_green" => Color::LightGreen,
        "light_yellow" => Color::LightYellow,
        "light_blue" => Color::LightBlue,
        "light_magenta" => Color::LightMagenta,
        "light_cyan" => Color::LightCyan,
        "white" => Color::White,
        "default" | "reset" => Color::Reset,
        _ => return None,
    })
}
