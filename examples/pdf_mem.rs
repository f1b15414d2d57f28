//! Peak heap bytes while reso opens PDFs, counted exactly by a wrapper
//! around the system allocator:
//! `cargo run --release --features heap-count --example pdf_mem -- FILE.pdf…`
//! For each file: its size, the peak heap above what was in use before
//! (the file's own bytes included) for the PDF reader alone (`pdf::text`)
//! and for the whole open (`load_bytes`: reader, parser, model), and that
//! peak as a multiple of the file size.
use reso::document::load_bytes;
use reso::document::read::pdf;
use reso::heap_count::{now, peak, reset_peak};

fn main() {
    println!("{:>10} {:>12} {:>6} {:>12} {:>6}  file", "bytes", "reader peak", "×", "open peak", "×");
    for arg in std::env::args().skip(1) {
        let base = now();
        reset_peak();
        let bytes = match std::fs::read(&arg) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{arg}: {e}");
                continue;
            }
        };
        let size = bytes.len().max(1);
        let text = pdf::text(&bytes).map(|t| t.len());
        let reader = peak() - base;
        reset_peak();
        let doc = load_bytes(&bytes, &arg).map(|d| d.resolutions.len());
        let open = peak() - base;
        drop(bytes);
        if let Err(e) = text.as_ref().map_err(|e| e.to_string()).and(doc.map_err(|e| e.to_string())) {
            eprintln!("{arg}: {e}");
        }
        let ratio = |n: usize| n as f64 / size as f64;
        println!("{size:>10} {reader:>12} {:>6.1} {open:>12} {:>6.1}  {arg}", ratio(reader), ratio(open));
    }
}
