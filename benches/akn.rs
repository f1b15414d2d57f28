//! Opening Akoma Ntoso files: the time from a file's bytes to the model
//! (detection, XML, structure, ids), as `reso` does for each file.
//! Run: `cargo bench --bench akn`. Goal: a 20-page resolution in ≤ 50 ms.

use divan::counter::BytesCount;
use reso::document::load_owned;

fn main() {
    divan::main();
}

/// A/RES/77/128 A-B, Questions relating to information: two parts, about
/// 26 printed pages (93,000 characters of resolution text), 168 KB of XML.
const PAGES_26: &[u8] = include_bytes!("../tests/fixtures/real/akn/A_RES_77_128-2228507E.xml");
/// A/RES/77/118, Sustainable fisheries: the longest, about 47 pages, 271 KB.
const PAGES_47: &[u8] = include_bytes!("../tests/fixtures/real/akn/A_RES_77_118-2228394E.xml");

fn open(bencher: divan::Bencher, bytes: &'static [u8]) {
    bencher
        .counter(BytesCount::new(bytes.len()))
        .with_inputs(|| bytes.to_vec())
        .bench_local_values(|b| load_owned(b, "resolution.xml").map(|d| d.resolutions.len()));
}

#[divan::bench]
fn open_26_pages(bencher: divan::Bencher) {
    open(bencher, PAGES_26);
}

#[divan::bench]
fn open_47_pages(bencher: divan::Bencher) {
    open(bencher, PAGES_47);
}
