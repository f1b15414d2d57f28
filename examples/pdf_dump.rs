//! Print the text the PDF reader hands to the parser:
//! `cargo run --example pdf_dump -- FILE.pdf`.
fn main() {
    for f in std::env::args().skip(1) {
        match std::fs::read(&f).map_err(|e| e.to_string()).and_then(|b| reso::document::read::pdf::text(&b).map_err(|e| e.to_string())) {
            Ok(text) => print!("{text}"),
            Err(e) => eprintln!("{f}: {e}"),
        }
    }
}
