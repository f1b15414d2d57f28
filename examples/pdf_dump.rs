//! Print the text the PDF reader hands to the parser
//! (`cargo run --example pdf_dump -- FILE.pdf`), or the assembled lines
//! with their position and size (`-- --lines FILE.pdf`).
use reso::document::read::pdf;

fn main() {
    let mut lines = false;
    for arg in std::env::args().skip(1) {
        if arg == "--lines" {
            lines = true;
            continue;
        }
        let out = std::fs::read(&arg)
            .map_err(|e| e.to_string())
            .and_then(|b| if lines { pdf::dump_lines(&b) } else { pdf::text(&b) }.map_err(|e| e.to_string()));
        match out {
            Ok(text) => print!("{text}"),
            Err(e) => eprintln!("{arg}: {e}"),
        }
    }
}
