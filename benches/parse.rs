//! Parsing throughput on a generated ~50 MB corpus (the sample's
//! resolutions repeated under new codes). Run: `cargo bench --bench parse`.
//! The bytes are handed to the loader as a file's bytes are (`load_owned`);
//! copying the corpus for each run is not timed, freeing the model is.

use divan::counter::BytesCount;
use reso::document::{corpus, load_owned};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn parse_50mb(bencher: divan::Bencher) {
    let text = corpus::generate(50_000_000);
    bencher
        .counter(BytesCount::new(text.len()))
        .with_inputs(|| text.clone().into_bytes())
        .bench_local_values(|bytes| load_owned(bytes, "corpus.txt").map(|d| d.resolutions.len()));
}

#[divan::bench]
fn parse_sample(bencher: divan::Bencher) {
    let text = reso::document::SAMPLE_TEXT;
    bencher
        .counter(BytesCount::new(text.len()))
        .with_inputs(|| text.as_bytes().to_vec())
        .bench_local_values(|bytes| load_owned(bytes, "sample").map(|d| d.resolutions.len()));
}

/// A megabyte of each adversarial shape (repeated labels, one endless line,
/// deep nesting, blank lines, emphasis, headings, controls): each must
/// parse in well under a second.
#[divan::bench(sample_count = 5, args = ["repeated label", "repeated paragraph number", "one line", "nesting", "blank lines", "emphasis", "headings", "controls", "phrases", "corpus"])]
fn adversarial_1mb(bencher: divan::Bencher, shape: &str) {
    let text =
        corpus::adversarial(1 << 20).into_iter().find(|(name, _)| *name == shape).map(|(_, t)| t).unwrap_or_default();
    bencher
        .counter(BytesCount::new(text.len()))
        .with_inputs(|| text.clone().into_bytes())
        .bench_local_values(|bytes| load_owned(bytes, "adversarial.txt").map(|d| d.resolutions.len()));
}
