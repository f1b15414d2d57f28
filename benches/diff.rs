//! Comparing two revisions: the generated ~48 MB corpus against a revision
//! of it in which every copy of CCPCJ/1/4 has a reworded clause and every
//! copy of CCPCJ/1/2 an inserted one (so its later clauses renumber); and
//! two real resolutions. Parsing is not timed. Run: `cargo bench --bench diff`.

use reso::diff::compare_documents;
use reso::document::{Document, corpus, load_bytes};

fn main() {
    divan::main();
}

fn parse(text: &str) -> Document {
    load_bytes(text.as_bytes(), "corpus.txt").unwrap_or_default()
}

fn revised(text: &str) -> String {
    text.replace("universal hotline", "global hotline").replace(
        "2. *Recommends* the establishment of a centralized",
        "2. *Welcomes* an inserted clause;\n\n2. *Recommends* the establishment of a centralized",
    )
}

#[divan::bench(sample_count = 5)]
fn corpus_48mb(bencher: divan::Bencher) {
    let text = corpus::generate(48_000_000);
    let (old, new) = (parse(&text), parse(&revised(&text)));
    bencher.bench_local(|| compare_documents(&old, &new).resolutions.len());
}

#[divan::bench]
fn two_real_resolutions(bencher: divan::Bencher) {
    let text = reso::document::SAMPLE_TEXT;
    let (old, new) = (parse(text), parse(&revised(text)));
    bencher.bench_local(|| compare_documents(&old, &new).resolutions.len());
}
