//! Write a generated corpus of about N megabytes to stdout:
//! `cargo run --release --example gen_corpus -- 50 > corpus.txt`.

use std::io::Write;

fn main() {
    let megabytes: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    let text = reso::document::corpus::generate(megabytes * 1_000_000);
    let _ = std::io::stdout().write_all(text.as_bytes());
}
