//! Opening Word files. Run: `cargo bench --bench docx`.
//! - `open_resolution_*`: one resolution from its bytes to the model (unzip,
//!   XML, numbering, layout, parse): the UN's longest Word file here
//!   (A/RES/72/19, 14 pages printed) and the same body twice over
//!   (28 pages), against the goal of 50 ms for 20 pages.
//! - `outline_300_word_files`: a folder of 300 Word files (the 40 real ones
//!   copied over and over) loaded and written as `outline --json` writes
//!   them, against the goal of 5 s.

use std::io::{Read, Write};
use std::path::PathBuf;

use reso::document::{load_bytes, load_inputs};

fn main() {
    divan::main();
}

fn real_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/docx")
}

fn longest() -> Vec<u8> {
    std::fs::read(real_dir().join("N1740969.docx")).expect("fixture")
}

/// The same file with its body paragraphs written twice.
fn doubled() -> Vec<u8> {
    let bytes = longest();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let name = f.name().expect("entry name").into_owned();
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("read");
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).expect("utf-8");
            let start = xml.find("<w:body>").expect("body") + "<w:body>".len();
            let end = xml.rfind("<w:sectPr").expect("sectPr");
            let body = &xml[start..end];
            data = format!("{}{body}{}", &xml[..start], &xml[start..]).into_bytes();
        }
        out.start_file(name, opts).expect("start");
        out.write_all(&data).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

#[divan::bench]
fn open_resolution_14_pages(bencher: divan::Bencher) {
    let bytes = longest();
    bencher.bench(|| load_bytes(&bytes, "N1740969.docx").map(|d| d.resolutions.len()));
}

#[divan::bench]
fn open_resolution_28_pages(bencher: divan::Bencher) {
    let bytes = doubled();
    bencher.bench(|| load_bytes(&bytes, "doubled.docx").map(|d| d.resolutions.len()));
}

#[divan::bench(sample_count = 5)]
fn outline_300_word_files(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(real_dir()).expect("fixtures").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for k in 0..300 {
        let src = &files[k % files.len()];
        let ext = src.extension().and_then(|e| e.to_str()).unwrap_or("docx");
        std::fs::copy(src, dir.path().join(format!("{k:03}.{ext}"))).expect("copy");
    }
    let paths = [dir.path().to_path_buf()];
    bencher.bench(|| {
        let docs = load_inputs(&paths).expect("loads");
        serde_json::to_string(&docs).expect("json").len()
    });
}
