//! The `reso` command line: the reader by default, subcommands for scripts.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use reso::config::Config;

#[derive(Parser)]
#[command(
    name = "reso",
    version,
    about = "Read, search and annotate resolution documents in the terminal",
    subcommand_precedence_over_arg = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Settings file (RON); default: config.ron in reso's config directory.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Notes file (RON); default: the config's notes_file, else notes.ron in
    /// reso's data directory.
    #[arg(long, global = true, value_name = "FILE")]
    notes: Option<PathBuf>,
    /// Documents (.txt, .md) or folders to open; the bundled sample if none.
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
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
    /// Export or merge notes.
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
}

#[derive(Subcommand)]
enum NotesCommand {
    /// A briefing of every note and tag, grouped by resolution.
    Export {
        /// Documents or folders; the bundled sample if none.
        paths: Vec<PathBuf>,
        /// md (Markdown) or json.
        #[arg(long, default_value = "md")]
        format: String,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Config::load(cli.config.as_deref()).and_then(|config| run(cli.command, cli.paths, cli.notes, &config));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("reso: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Option<Command>, paths: Vec<PathBuf>, notes: Option<PathBuf>, config: &Config) -> Result<(), String> {
    let notes = notes.as_deref();
    match command {
        Some(Command::Outline { paths, json }) => cli::outline::run(&paths, json),
        Some(Command::Find { query, paths, limit, json }) => cli::find::run(&query, &paths, limit, json, notes, config),
        Some(Command::Annotate { id, paths, tags, untags, note, clear_note }) => {
            let req =
                cli::annotate::Request { id: &id, tags: &tags, untags: &untags, note: note.as_deref(), clear_note };
            cli::annotate::run(&req, &paths, notes, config)
        }
        Some(Command::Notes { command: NotesCommand::Export { paths, format } }) => {
            cli::notes::export(&paths, &format, notes, config)
        }
        Some(Command::Notes { command: NotesCommand::Merge { mine, theirs, output } }) => {
            cli::notes::merge_files(&mine, &theirs, output.as_deref())
        }
        None => {
            let docs = cli::load(&paths)?;
            // Without a home directory the reader still opens; notes are off
            // until a --notes FILE is given.
            let notes_path = cli::notes_path(notes, config).ok();
            reso::tui::run(&docs, config, notes_path.as_deref())
        }
    }
}
