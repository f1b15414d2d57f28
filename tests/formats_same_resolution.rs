//! One resolution read from its Word file and from its PDF is one document
//! to the notes: the same title (its symbol), the same clause ids, so a
//! note made on the PDF is on the same clause when the Word file is opened.

mod common;

use std::process::Command;

use common::fixture;

fn ids(name: &str) -> (String, Vec<String>) {
    let doc = fixture(name);
    (doc.title.clone(), doc.all_clauses().map(|c| c.id.to_string()).collect())
}

#[test]
fn word_pdf_and_their_ids_agree() {
    for stem in ["N1740638", "N1740969", "N1730150"] {
        let (word_title, word_ids) = ids(&format!("real/docx/{stem}.docx"));
        let (pdf_title, pdf_ids) = ids(&format!("real/pdf/{stem}.pdf"));
        assert_eq!(word_title, pdf_title, "{stem}");
        assert!(word_title.starts_with("A/RES/72/"), "{stem}: titled by its symbol, not {word_title:?}");
        assert_eq!(word_ids, pdf_ids, "{stem}");
    }
}

#[test]
fn a_note_made_on_the_pdf_is_on_the_word_files_clause() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let notes = notes.to_str().unwrap();
    let pdf = common::fixture_path("real/pdf/N1740638.pdf");
    let docx = common::fixture_path("real/docx/N1740638.docx");
    let o = Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(["annotate", "A/RES/72/13:op.2", pdf.to_str().unwrap(), "--notes", notes, "--tag", "support"])
        .args(["--note", "Cosponsor"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(["notes", "export", docx.to_str().unwrap(), "--notes", notes])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.contains("`A/RES/72/13:op.2` — support") && md.contains("Cosponsor"), "{md}");
    assert!(!md.contains("not found in this revision"), "{md}");
}

#[test]
fn every_word_file_and_its_pdf_read_to_the_same_words() {
    let dir = common::fixture_path("real/pdf");
    let mut stems: Vec<String> = std::fs::read_dir(&dir)
        .expect("pdf fixtures")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.path().file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    stems.sort();
    assert_eq!(stems.len(), 40);
    let mut differ = Vec::new();
    for stem in &stems {
        let word = ["docx", "DOC"]
            .iter()
            .map(|ext| format!("real/docx/{stem}.{ext}"))
            .find(|p| common::fixture_path(p).exists())
            .expect("the Word file of the same name");
        let diff = reso::diff::compare_documents(&fixture(&word), &fixture(&format!("real/pdf/{stem}.pdf")));
        for r in diff.resolutions.iter().filter(|r| !r.changes.is_empty()) {
            differ.push(format!("{stem} {}: {}", r.new, r.summary.line()));
        }
        if !diff.only_old.is_empty() || !diff.only_new.is_empty() {
            differ.push(format!("{stem}: resolutions do not pair"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
