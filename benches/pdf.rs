//! Opening PDFs: a 20-page resolution PDF (`tests/fixtures/pdf/pages20.pdf`,
//! A/RES/72/10's 14 pages and 6 of A/RES/72/19's, joined with qpdf) and
//! every real PDF fixture, through the loader as `reso FILE.pdf` does.
//! Run: `cargo bench --bench pdf`.

use std::path::PathBuf;

use divan::counter::BytesCount;
use reso::document::load_bytes;

fn main() {
    divan::main();
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[divan::bench(sample_count = 20)]
fn open_20_pages(bencher: divan::Bencher) {
    let bytes = std::fs::read(fixtures().join("pdf/pages20.pdf")).expect("pages20.pdf");
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench_local(|| load_bytes(&bytes, "pages20.pdf").map(|d| d.resolutions.len()));
}

#[divan::bench(sample_count = 5)]
fn open_all_40_real(bencher: divan::Bencher) {
    let dir = fixtures().join("real/pdf");
    let files: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("real/pdf")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    let total: usize = files.iter().map(Vec::len).sum();
    bencher.counter(BytesCount::new(total)).bench_local(|| {
        files.iter().map(|b| load_bytes(b, "real.pdf").map_or(0, |d| d.resolutions.len())).sum::<usize>()
    });
}
