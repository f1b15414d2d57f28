//! The 40 UN Word files of `tests/fixtures/real/docx` (30 `.docx`, 10
//! `.DOC` that are zips) read to the structure their own markup states
//! (typed numbers, styles, footnote parts), as counted in `expect.json`.

#[path = "common/real.rs"]
mod real;

#[test]
fn every_real_word_file_reads_to_its_markup() {
    let diffs = real::differences("docx");
    assert!(diffs.is_empty(), "{} Word files differ:\n{}", diffs.len(), diffs.join("\n"));
}
