//! One line per clause, the same text `reso find` searches (id, label,
//! text): the input for `fzf --filter` in scripts/bench-find.sh.

use std::io::Write;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: clause_texts FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("clause_texts: {path}: {e}");
        std::process::exit(1)
    });
    let Ok(doc) = reso::document::load_owned(bytes, &path) else {
        eprintln!("clause_texts: cannot decode {path}");
        std::process::exit(1)
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for c in doc.all_clauses() {
        let _ = writeln!(out, "{}", reso::find::haystack(c));
    }
}
