//! The `reso` command line: the reader by default, subcommands for scripts.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use cli::args::{Cli, Command, NotesCommand};

use reso::config::Config;

fn main() -> ExitCode {
    // clap's own messages quote what was typed (a file name, an argument):
    // shown through the same safe text as every other message.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            if e.use_stderr() {
                eprint!("{}", cli::safe::for_terminal(&text));
            } else if let Err(message) = cli::print(&text) {
                eprintln!("reso: {message}");
                return ExitCode::FAILURE;
            }
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let result = match cli.command {
        // Completions need no settings: they work even when config.ron is damaged.
        Some(Command::Completions { shell }) => cli::shell::completions(shell),
        _ => Config::load(cli.config.as_deref()).and_then(|config| run(cli, &config)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // Messages name files and quote notes and ids: never raw.
            eprintln!("reso: {}", cli::safe::for_terminal(&message));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, config: &Config) -> Result<(), String> {
    let notes = cli.notes.as_deref();
    match cli.command {
        Some(Command::Outline { paths, json }) => cli::outline::run(&paths, json),
        Some(Command::Find { query, paths, limit, json }) => {
            cli::find::run(&query, &paths, limit, json, notes, config, cli::color::enabled(cli.color))
        }
        Some(Command::Annotate { id, paths, tags, untags, note, clear_note }) => {
            let req =
                cli::annotate::Request { id: &id, tags: &tags, untags: &untags, note: note.as_deref(), clear_note };
            cli::annotate::run(&req, &paths, notes, config)
        }
        Some(Command::Notes { command: NotesCommand::Export { paths, format, since } }) => {
            cli::notes::export(&paths, &format, since.as_deref(), notes, config)
        }
        Some(Command::Notes { command: NotesCommand::Merge { mine, theirs, output } }) => {
            cli::notes::merge_files(&mine, &theirs, output.as_deref())
        }
        Some(Command::Diff { old, new, paths, json }) => {
            cli::diff::run(&old, &new, &paths, json, cli::color::enabled(cli.color))
        }
        Some(Command::Paths) => cli::paths::run(cli.config.as_deref(), notes, config, cli::color::enabled(cli.color)),
        Some(Command::Man) => cli::shell::man(config),
        Some(Command::Completions { shell }) => cli::shell::completions(shell),
        None => {
            let compare = cli.compare.is_some();
            let docs = match &cli.compare {
                Some(pair) => cli::load_pair(pair)?,
                None => cli::load(&cli.paths)?,
            };
            // Without a home directory the reader still opens; notes are off
            // until a --notes FILE is given.
            let notes_path = cli::notes_path(notes, config).ok();
            reso::tui::run(&docs, config, notes_path.as_deref(), compare)
        }
    }
}
