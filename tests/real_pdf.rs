//! The 40 real resolution PDFs read to the structure their Word files
//! state (expect.json), and page furniture never reaches clause text.

#[path = "common/real.rs"]
mod real;

use std::path::PathBuf;

use reso::document::{Clause, Document, load_bytes};

#[test]
fn every_real_pdf_reads_as_its_word_file() {
    let diffs = real::differences("pdf");
    assert!(diffs.is_empty(), "{} files differ:\n{}", diffs.len(), diffs.join("\n"));
}

fn real_pdfs() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/pdf");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("pdf fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 40);
    files
}

fn clause_texts(doc: &Document) -> Vec<String> {
    fn walk(c: &Clause, out: &mut Vec<String>) {
        out.push(c.text.to_string());
        c.children.iter().for_each(|k| walk(k, out));
    }
    let mut out = Vec::new();
    for r in &doc.resolutions {
        let annexed = r.annexes.iter().flat_map(|a| a.preamble.iter().chain(&a.operative));
        for c in r.preamble.iter().chain(&r.operative).chain(annexed) {
            walk(c, &mut out);
        }
    }
    out
}

/// The page count as the file's page tree states it.
fn page_count(bytes: &[u8]) -> usize {
    lopdf::Document::load_mem(bytes).expect("a readable fixture").get_pages().len()
}

/// Job numbers (`17-21318`), barcodes (`*1721318*`), page numbers (`2/4`)
/// and the running header (the resolution's own symbol) stay out of every
/// clause, on every page of every file.
#[test]
fn page_furniture_never_appears_in_clause_text() {
    for path in real_pdfs() {
        let bytes = std::fs::read(&path).expect("fixture");
        let doc = load_bytes(&bytes, &path.to_string_lossy()).expect("reads");
        let pages = page_count(&bytes);
        let code = doc.resolutions.first().map(|r| r.code.clone()).unwrap_or_default();
        assert!(code.starts_with("A/RES/72/"), "{}: code {code:?}", path.display());
        let texts = clause_texts(&doc);
        assert!(texts.len() > 3, "{}: {} clauses", path.display(), texts.len());
        for text in texts {
            let words: Vec<&str> = text.split_whitespace().collect();
            let job = words.iter().any(|w| {
                let b = w.as_bytes();
                b.len() == 8 && b[2] == b'-' && b.iter().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit())
            });
            let barcode = words.iter().any(|w| {
                w.len() == 9 && w.starts_with('*') && w.ends_with('*') && w[1..8].bytes().all(|b| b.is_ascii_digit())
            });
            let page = (1..=pages).any(|p| words.contains(&format!("{p}/{pages}").as_str()));
            let header = words.contains(&code.as_str());
            assert!(!(job || barcode || page || header), "{}: furniture in clause text: {text}", path.display());
        }
    }
}

/// UN resolutions set each preambular phrase in italics; the reader keeps
/// the font's word as emphasis (`*Recalling*`), as the text parser reads it.
#[test]
fn italic_leading_phrases_are_kept_as_emphasis() {
    let (mut pre, mut marked) = (0, 0);
    for path in real_pdfs() {
        let bytes = std::fs::read(&path).expect("fixture");
        let doc = load_bytes(&bytes, &path.to_string_lossy()).expect("reads");
        for c in doc.resolutions.iter().flat_map(|r| &r.preamble) {
            pre += 1;
            marked += usize::from(c.text.starts_with('*') && c.text[1..].contains("* "));
        }
    }
    assert!(pre > 400, "{pre} preambular paragraphs");
    assert!(marked * 100 >= pre * 95, "{marked} of {pre} preambular paragraphs open with an emphasized phrase");
}
