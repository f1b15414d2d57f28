//! `reso completions SHELL` and `reso man`: both generated from the one
//! clap definition (and the man page's keys from the keymap, as `?` lists
//! them), so they cannot drift from what reso accepts.

use clap::CommandFactory;

use reso::config::Config;
use reso::tui::keymap::{HelpLine, help_lines};

use super::args::Cli;

pub fn completions(shell: clap_complete::Shell) -> Result<(), String> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "reso", &mut out);
    super::print_bytes(&out)
}

pub fn man(config: &Config) -> Result<(), String> {
    super::print_bytes(man_page(config)?.as_bytes())
}

/// The whole page: clap's sections, then keys, files, environment and exit
/// status, which clap does not know.
pub fn man_page(config: &Config) -> Result<String, String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out).map_err(|e| e.to_string())?;
    let mut page = String::from_utf8(out).map_err(|e| e.to_string())?;
    let keymap = reso::config::keys::keymap(&config.keys).map_err(|e| e.message)?;
    page.push_str(".SH KEYS\nIn the reader (\\fB?\\fR lists the same keys on screen):\n");
    for line in help_lines(&keymap, &config.tags) {
        match line {
            HelpLine::Key { keys, what } => {
                page.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", roff(&keys), roff(&what)));
            }
            HelpLine::Heading(h) => page.push_str(&format!(".SS {}\n", roff(h))),
            HelpLine::Blank => {}
        }
    }
    page.push_str(SECTIONS);
    Ok(page)
}

const SECTIONS: &str = r#".SH FILES
.TP
\fIconfig.ron\fR
Settings, in reso's config directory (Linux: \fI~/.config/reso/config.ron\fR), or \fB\-\-config\fR \fIFILE\fR. \fBreso paths\fR prints the one in use.
.TP
\fInotes.ron\fR
Notes and tags, in reso's data directory (Linux: \fI~/.local/share/reso/notes.ron\fR), or the config's \fInotes_file\fR, or \fB\-\-notes\fR \fIFILE\fR; beside it \fInotes.ron.bak\fR (the previous version) and \fInotes.ron.lock\fR.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set, no colour: in the reader tags show as letters; command output is plain unless \fB\-\-color always\fR.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME\fR
Where the config and data directories are.
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor \fBE\fR opens a note in.
.SH EXIT STATUS
.TP
\fB0\fR
Done.
.TP
\fB1\fR
An error: a file that cannot be read, a document without a resolution, a damaged notes file, a failed write. One line on standard error says what.
.TP
\fB2\fR
A usage error: an unknown command, flag or value.
"#;

/// Text for roff: backslashes escaped, characters beyond ASCII named (roff
/// reads Latin-1 unless told otherwise), and no line may start with a dot
/// or an apostrophe (that would be a request).
fn roff(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\e"),
            '-' => escaped.push_str("\\-"),
            c if c.is_ascii() => escaped.push(c),
            c => escaped.push_str(&format!("\\[u{:04X}]", u32::from(c))),
        }
    }
    if escaped.starts_with('.') || escaped.starts_with('\'') { format!("\\&{escaped}") } else { escaped }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_text_cannot_become_a_request() {
        assert_eq!(roff(".x"), "\\&.x");
        assert_eq!(roff("'x"), "\\&'x");
        assert_eq!(roff("a\\b-c"), "a\\eb\\-c");
        assert_eq!(roff("→"), "\\[u2192]");
    }
}
