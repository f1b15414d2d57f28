//! The 40 General Assembly resolutions in `tests/fixtures/real/akn` read to
//! the structure their own markup states (`expect.json`).

#[path = "common/real.rs"]
mod real;

#[test]
fn every_akn_resolution_reads_as_its_markup_says() {
    let diffs = real::differences("akn");
    assert!(diffs.is_empty(), "{} of 40 files differ:\n{}", diffs.len(), diffs.join("\n"));
}
