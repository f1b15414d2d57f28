//! The 40 real resolution PDFs read to the structure their Word files
//! state (expect.json), and page furniture never reaches clause text.

#[path = "common/real.rs"]
mod real;

use reso::document::{Clause, load_bytes};

#[test]
fn every_real_pdf_reads_as_its_word_file() {
    let diffs = real::differences("pdf");
    assert!(diffs.is_empty(), "{} files differ:\n{}", diffs.len(), diffs.join("\n"));
}
