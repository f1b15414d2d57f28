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
