//! Colour in command output: `--color auto|always|never` beside `NO_COLOR`
//! (no-color.org). Auto colours only a terminal, so pipes and files get
//! plain text by default.

use std::io::IsTerminal;

use super::args::ColorChoice;

/// Whether to colour stdout, given the flag, the environment and the stream.
pub fn enabled(choice: ColorChoice) -> bool {
    decide(choice, std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()), std::io::stdout().is_terminal())
}

fn decide(choice: ColorChoice, no_color: bool, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && !no_color,
    }
}

/// SGR codes used by the plain-text outputs.
#[derive(Debug, Clone, Copy)]
pub enum Style {
    Bold,
    Dim,
    Green,
}

/// `text` in `style` when colour is on; `text` as it is otherwise. The text
/// must already be safe for a terminal.
pub fn paint(on: bool, style: Style, text: &str) -> String {
    let code = match style {
        Style::Bold => "1",
        Style::Dim => "2",
        Style::Green => "32",
    };
    reso::export::diff::paint(on, code, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colours_only_a_terminal_without_no_color() {
        assert!(decide(ColorChoice::Auto, false, true));
        assert!(!decide(ColorChoice::Auto, true, true));
        assert!(!decide(ColorChoice::Auto, false, false));
        assert!(decide(ColorChoice::Always, true, false));
        assert!(!decide(ColorChoice::Never, false, true));
        assert_eq!(paint(false, Style::Green, "x"), "x");
        assert_eq!(paint(true, Style::Green, "x"), "\x1b[32mx\x1b[0m");
    }
}
