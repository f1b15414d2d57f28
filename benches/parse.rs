//! Parsing throughput on a generated ~50 MB corpus (the sample's
//! resolutions repeated under new codes). Run: `cargo bench --bench parse`.

use divan::counter::BytesCount;
use reso::document::{corpus, load_bytes};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn parse_50mb(bencher: divan::Bencher) {
    let text = corpus::generate(50_000_000);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| load_bytes(divan::black_box(text.as_bytes()), "corpus.txt").map(|d| d.resolutions.len()));
}

#[divan::bench]
fn parse_sample(bencher: divan::Bencher) {
    let text = reso::document::SAMPLE_TEXT;
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| load_bytes(divan::black_box(text.as_bytes()), "sample").map(|d| d.resolutions.len()));
}
