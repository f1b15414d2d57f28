//! The 40 UN Word files of `tests/fixtures/real/docx` (30 `.docx`, 10
//! `.DOC` that are zips) read to the structure their own markup states
//! (typed numbers, styles, footnote parts), as counted in `expect.json`.

#[path = "common/real.rs"]
mod real;

/// Files that may differ because of what the text parser does not read
/// yet, not because of the Word reader (the text it is given is checked
/// clean). Empty: every file must read exactly; name a file here only with
/// the reason, and empty it again when the parser reads it.
const PARSER_LIMITS: &[&str] = &[];

#[test]
fn every_real_word_file_reads_to_its_markup() {
    let diffs = real::differences("docx");
    eprintln!("{} of 40 Word files differ:\n{}", diffs.len(), diffs.join("\n"));
    let unexpected: Vec<&String> =
        diffs.iter().filter(|d| !PARSER_LIMITS.iter().any(|f| d.starts_with(&format!("{f}:")))).collect();
    assert!(unexpected.is_empty(), "{} Word files differ:\n{}", diffs.len(), diffs.join("\n"));
    // The list stays true: a file that now reads exactly leaves it.
    for file in PARSER_LIMITS {
        assert!(diffs.iter().any(|d| d.starts_with(&format!("{file}:"))), "{file} reads exactly now: unlist it");
    }
}
