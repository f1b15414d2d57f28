//! Real General Assembly resolutions rendered from their Akoma Ntoso XML
//! into the text layouts delegates hold (scripts/render-akn.py: PDF-to-text
//! with and without `-layout`, pandoc Markdown, Word's plain text, wrapped
//! plain text). Each must read to the structure `expect.json` gives for its
//! source XML, counted from the XML's own elements, never from reso.

#[path = "common/real.rs"]
mod real;

use std::path::PathBuf;

use reso::document::load_bytes;

fn layouts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts")
}

/// Every rendering with what it must read to, and what it reads to.
fn results() -> Vec<(String, Vec<String>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(layouts_dir())
        .expect("tests/fixtures/layouts")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "the renderings are missing: {}", files.len());
    let mut out = Vec::new();
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        // `A_RES_77_10.pdf-layout.txt` comes from `akn/A_RES_77_10-….xml`.
        let stem = name.split('.').next().unwrap_or_default();
        let (_, mut want) = real::expected(&format!("akn/{stem}-")).expect("a source XML in expect.json");
        // Only the `wrapped` layout states the vote (as press releases
        // do); a printed resolution does not, so the others expect none.
        if !name.contains(".wrapped.") {
            for r in want["resolutions"].as_array_mut().into_iter().flatten() {
                r["vote"] = serde_json::Value::Null;
            }
        }
        let bytes = std::fs::read(&path).expect("readable");
        let diffs = match load_bytes(&bytes, &name) {
            Ok(doc) => {
                let mut d = real::compare_doc(&doc, &want);
                // Nothing read from these files may stay unplaced.
                if let Some(first) = doc.unplaced.first() {
                    d.push(format!(
                        "{} unplaced lines, first: line {}: {}",
                        doc.unplaced.len(),
                        first.line,
                        first.text
                    ));
                }
                d
            }
            Err(e) => vec![format!("error: {e}")],
        };
        out.push((name, diffs));
    }
    out
}

#[test]
fn every_rendering_reads_to_its_xml_structure() {
    let results = results();
    let wrong: Vec<String> =
        results.iter().filter(|(_, d)| !d.is_empty()).map(|(n, d)| format!("{n}: {}", d.join("; "))).collect();
    assert!(wrong.is_empty(), "{} of {} renderings read wrong:\n{}", wrong.len(), results.len(), wrong.join("\n"));
}
