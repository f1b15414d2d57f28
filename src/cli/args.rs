//! The command line's definition: one clap tree that parses arguments and
//! also generates the shell completions and the man page, so they cannot
//! drift from each other.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "reso",
    version,
    about = "Read, search and annotate resolution documents in the terminal",
    subcommand_precedence_over_arg = true,
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Settings file (RON); default: config.ron in reso's config directory.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Notes file (RON); default: the config's notes_file, else notes.ron in
    /// reso's data directory.
    #[arg(long, global = true, value_name = "FILE")]
    pub notes: Option<PathBuf>,
    /// Colour in command output: auto (only on a terminal, and not with
    /// NO_COLOR set), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Open two revisions with the newer one's changes marked (c / C step
    /// through them, x hides struck clauses).
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"], conflicts_with = "paths")]
    pub compare: Option<Vec<PathBuf>>,
    /// Documents (text, Markdown, Word, Akoma Ntoso XML, PDF) or folders to
    /// open; the bundled sample if none.
    pub paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the clause tree as an indented outline (or JSON).
    Outline {
        /// Documents or folders; the bundled sample if none.
        paths: Vec<PathBuf>,
        /// Print JSON instead of the outline.
        #[arg(long)]
        json: bool,
    },
    /// Rank every clause against a fuzzy query (fzf syntax) and print the hits.
    Find {
        /// What to look for: words, `'exact`, `^prefix`, `suffix$`, `!not`,
        /// `#tag`, or a reference such as `1/3 op 4 a`.
        query: String,
        /// Documents or folders; the bundled sample if none.
        paths: Vec<PathBuf>,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON: [{"id", "score", "text"}].
        #[arg(long)]
        json: bool,
    },
    /// Tag a clause, a resolution or a document, or write its note, from a script.
    Annotate {
        /// A clause id (CCPCJ/1/4:op.17.d), a resolution code (CCPCJ/1/4), or a
        /// document (its title or its file); `reso outline` lists them. May
        /// begin with `-`.
        #[arg(allow_hyphen_values = true)]
        id: String,
        /// Documents or folders; the bundled sample if none.
        paths: Vec<PathBuf>,
        /// Add a tag (repeatable).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Remove a tag (repeatable).
        #[arg(long = "untag", value_name = "TAG")]
        untags: Vec<String>,
        /// Set the note.
        #[arg(long, conflicts_with = "clear_note")]
        note: Option<String>,
        /// Remove the note.
        #[arg(long)]
        clear_note: bool,
    },
    /// What changed between two revisions: clauses added, struck,
    /// renumbered, reworded (word by word), split and merged.
    Diff {
        /// The old revision: a file or folder, or a resolution's code.
        old: String,
        /// The new revision: a file or folder, or a resolution's code.
        new: String,
        /// With two codes: the documents that hold them (the bundled sample
        /// if none).
        paths: Vec<PathBuf>,
        /// Print JSON (shape in README).
        #[arg(long)]
        json: bool,
    },
    /// Print where reso keeps its settings and notes, and whether each exists.
    Paths,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `reso man | man -l -`).
    Man,
    /// Export or merge notes.
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
}

#[derive(Subcommand)]
pub enum NotesCommand {
    /// A briefing of every note and tag, grouped by resolution.
    Export {
        /// Documents or folders; the bundled sample if none.
        paths: Vec<PathBuf>,
        /// md (Markdown) or json.
        #[arg(long, default_value = "md")]
        format: String,
        /// Add "changes since OLD": each change from that older revision,
        /// with its tags and notes.
        #[arg(long, value_name = "OLD")]
        since: Option<PathBuf>,
    },
    /// Take in a partner's notes: tags are unioned, differing notes both kept.
    Merge {
        /// Your notes file (written unless -o is given).
        mine: PathBuf,
        /// Their notes file (only read).
        theirs: PathBuf,
        /// Write the merged notes here instead of into MINE.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

/// When command output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Where things are, and what the exit codes mean: one line each.
const AFTER_HELP: &str = "\
Files: settings in config.ron in reso's config directory (or --config); notes in notes.ron in its data directory (or the config's notes_file, or --notes); `reso paths` prints the ones in use.
Exit codes: 0 done, 1 error (a file that cannot be read, a damaged notes file, a failed write), 2 usage.";
