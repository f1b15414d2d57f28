//! The `reso` command line: the reader by default, subcommands for scripts.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use reso::config::Config;
use reso::document::{Document, load_inputs};
use reso::export::{json, outline};

#[derive(Parser)]
#[command(
    name = "reso",
    version,
    about = "Read, search and annotate resolution documents in the terminal",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Settings file (RON); default: config.ron in reso's config directory.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
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
        /// or a reference such as `1/3 op 4 a`.
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Outline { paths, json }) => run_outline(&paths, json),
        Some(Command::Find {
            query,
            paths,
            limit,
            json,
        }) => run_find(&query, &paths, limit, json),
        None => run_reader(&cli.paths, cli.config.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("reso: {message}");
            ExitCode::FAILURE
        }
    }
}

fn load(paths: &[PathBuf]) -> Result<Vec<Document>, String> {
    load_inputs(paths).map_err(|e| e.to_string())
}

fn run_reader(paths: &[PathBuf], config: Option<&std::path::Path>) -> Result<(), String> {
    let config = Config::load(config)?;
    let docs = load(paths)?;
    reso::tui::run(&docs, &config)
}

fn run_outline(paths: &[PathBuf], as_json: bool) -> Result<(), String> {
    let docs = load(paths)?;
    let text = if as_json {
        json::to_json(&docs)
    } else {
        outline::outline(&docs)
    };
    print_safely(&text);
    if let Some(doc) = docs.iter().find(|d| d.resolutions.is_empty()) {
        return Err(format!(
            "{}: no resolution found (what was found is shown above)",
            doc.source
        ));
    }
    Ok(())
}

fn run_find(query: &str, paths: &[PathBuf], limit: usize, as_json: bool) -> Result<(), String> {
    let docs = load(paths)?;
    let hits = reso::find::search(&docs, query, limit);
    let text = if as_json {
        serde_json::to_string_pretty(&hits).map_err(|e| e.to_string())?
    } else {
        hits.iter()
            .map(|h| format!("{}\t{}\t{}", h.id, h.score, h.text))
            .collect::<Vec<_>>()
            .join("\n")
    };
    print_safely(&text);
    Ok(())
}

/// Write to stdout; a closed pipe (`reso outline | head`) is not an error.
fn print_safely(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.write_all(b"\n");
}
