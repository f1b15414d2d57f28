//! Parse one file and print counts: used with `/usr/bin/time -v` to measure
//! peak memory, and under a profiler.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_file FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("parse_file: {path}: {e}");
            std::process::exit(1);
        }
    };
    let len = bytes.len();
    match reso::document::load_owned(bytes, &path) {
        Ok(doc) => {
            println!("{} bytes, {} resolutions, {} clauses", len, doc.resolutions.len(), doc.all_clauses().count())
        }
        Err(e) => eprintln!("parse_file: {e}"),
    }
}
