//! Word files built in the test (the zip crate writes them), so that what
//! each must read to is stated by its own markup: automatic numbering at
//! three levels with restarts, typed numbers, footnotes, tracked changes,
//! headers, comments; and damaged or foreign zips read to one clear line.

mod common;

use std::io::Write;

use common::find;
use proptest::prelude::*;
use reso::document::{Document, load_bytes};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A .docx holding these parts.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    docx_bytes(&parts.iter().map(|(n, b)| (*n, b.as_bytes())).collect::<Vec<_>>())
}

fn docx_bytes(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(body).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#)
}

/// A paragraph of plain text.
fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A paragraph in Word list `num` at level `ilvl`.
fn li(num: u32, ilvl: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}

/// Decimal `1.`, then `(a)`, then a custom `[i]`; list 2 is the same
/// definition restarted at 1.
const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#;

const HEADER: &str = r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>A/RES/99/1</w:t></w:r></w:p></w:hdr>"#;

fn load(bytes: &[u8], name: &str) -> Document {
    load_bytes(bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn labels(cs: &[reso::document::Clause]) -> Vec<&str> {
    cs.iter().map(|c| c.label.as_str()).collect()
}

fn numbered_resolution() -> Vec<u8> {
    let body = [
        p("The General Assembly,"),
        p("Recalling its earlier work,"),
        li(1, 0, "Decides to act as follows:"),
        li(1, 1, "First item;"),
        li(1, 1, "Second item, including:"),
        li(1, 2, "first point;"),
        li(1, 2, "second point;"),
        li(1, 0, "Requests a report on:"),
        li(1, 1, "progress made;"),
        li(1, 0, "Decides to remain seized of the matter."),
        p("Annex"),
        p("Plan of action"),
        li(2, 0, "States should collect data."),
        li(2, 0, "States should publish reports."),
    ]
    .concat();
    docx(&[("word/document.xml", &document(&body)), ("word/numbering.xml", NUMBERING), ("word/header1.xml", HEADER)])
}

#[test]
fn automatic_numbering_at_three_levels_with_restarts() {
    let doc = load(&numbered_resolution(), "draft.docx");
    assert_eq!(doc.format, "docx");
    let res = &doc.resolutions[0];
    // The symbol in the page header is the code; the header is not text.
    assert_eq!(res.code, "A/RES/99/1");
    assert!(doc.all_clauses().all(|c| !c.text.contains("A/RES/99/1")));
    assert_eq!(res.preamble.len(), 1);
    assert_eq!(labels(&res.operative), ["1", "2", "3"]);
    assert_eq!(labels(&res.operative[0].children), ["a", "b"]);
    assert_eq!(labels(&res.operative[0].children[1].children), ["i", "ii"]);
    // Level 2 restarts after a level-1 paragraph: (a) again under 2.
    assert_eq!(labels(&res.operative[1].children), ["a"]);
    assert_eq!(find(&doc, "A/RES/99/1:op.1.b.ii").text, "second point;");
    // List 2 restarts its first level at 1 (startOverride).
    assert_eq!(res.annexes.len(), 1);
    assert_eq!(labels(&res.annexes[0].operative), ["1", "2"]);
}

#[test]
fn a_custom_label_pattern_is_printed_as_word_prints_it() {
    let numbering = NUMBERING.replace(r#"w:val="%1.""#, r#"w:val="%1)""#);
    let body = [p("The General Assembly,"), li(1, 0, "Decides to act;"), li(1, 0, "Requests a report.")].concat();
    let doc = load(&docx(&[("word/document.xml", &document(&body)), ("word/numbering.xml", &numbering)]), "x.docx");
    // `1)` is read as the number 1, as typed text would be.
    assert_eq!(labels(&doc.resolutions[0].operative), ["1", "2"]);
}

#[test]
fn typed_numbers_footnotes_emphasis_and_tracked_changes() {
    let body = [
        p("The General Assembly,"),
        r#"<w:p><w:r><w:tab/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>Recalling</w:t></w:r><w:r><w:t xml:space="preserve"> its resolution 1/1,</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>"#.to_string(),
        r#"<w:p><w:r><w:tab/><w:t>1.</w:t><w:tab/><w:t xml:space="preserve">Decides </w:t></w:r><w:ins w:id="1" w:author="x"><w:r><w:t xml:space="preserve">firmly </w:t></w:r></w:ins><w:del w:id="2" w:author="x"><w:r><w:delText xml:space="preserve">never </w:delText></w:r></w:del><w:r><w:t>to act;</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>"#.to_string(),
        r#"<w:p><w:r><w:tab/><w:t>(a)</w:t><w:tab/><w:t>By cooperating;</w:t></w:r></w:p>"#.to_string(),
        r#"<w:p><w:r><w:tab/><w:t>2.</w:t><w:tab/><w:t>Requests a report on resolution 1/1.</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let footnotes = format!(
        r#"<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Resolution 1/1, annex.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let comments = format!(
        r#"<w:comments xmlns:w="{W}"><w:comment w:id="0"><w:p><w:r><w:t>SECRET REMARK</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let doc = load(
        &docx(&[
            ("word/document.xml", &document(&body)),
            ("word/footnotes.xml", &footnotes),
            ("word/comments.xml", &comments),
        ]),
        "wp.docx",
    );
    let res = &doc.resolutions[0];
    assert_eq!(res.preamble[0].phrase(), "Recalling");
    assert!(res.preamble[0].text.ends_with("its resolution 1/1,"), "{}", res.preamble[0].text);
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].text, "Resolution 1/1, annex.");
    assert_eq!(labels(&res.operative), ["1", "2"]);
    assert_eq!(labels(&res.operative[0].children), ["a"]);
    let op1 = &res.operative[0].text;
    assert!(op1.contains("firmly") && !op1.contains("never"), "{op1}");
    assert!(doc.notices.iter().any(|n| n.contains("tracked changes")), "{:?}", doc.notices);
    assert!(doc.all_clauses().all(|c| !c.text.contains("SECRET")));
    // The footnote's number typed again in superscript is a marker too.
    assert_eq!(res.operative[1].text, "Requests a report on resolution 1/1.");
}

#[test]
fn a_docx_named_doc_reads_the_same() {
    let bytes = numbered_resolution();
    let a = load(&bytes, "N1.docx");
    let b = load(&bytes, "N1.DOC");
    let ids = |d: &Document| d.all_clauses().map(|c| c.id.to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(b.format, "docx");
}

/// An error is one line that says what is wrong.
fn one_line_error(bytes: &[u8], name: &str) -> String {
    match load_bytes(bytes, name) {
        Ok(_) => panic!("{name} should not read"),
        Err(e) => {
            let m = e.to_string();
            assert!(!m.is_empty() && !m.contains('\n'), "{m:?}");
            m
        }
    }
}

#[test]
fn foreign_damaged_and_old_files_get_one_clear_line() {
    let sheet = docx(&[("xl/workbook.xml", "<workbook/>")]);
    assert!(one_line_error(&sheet, "book.docx").contains("ZIP"));
    let lookalike = docx(&[("word/document.xml.bak", "<w:document/>")]);
    assert!(one_line_error(&lookalike, "x.docx").contains("not a Word document"));
    let broken = docx(&[("word/document.xml", &format!(r#"<w:document xmlns:w="{W}"><w:body><w:p></w:r>"#))]);
    assert!(one_line_error(&broken, "x.docx").contains("not well-formed"));
    let old = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an old file";
    assert!(one_line_error(old, "x.doc").contains("Word 97"));
    let mut locked = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 stream ".to_vec();
    locked.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(one_line_error(&locked, "x.docx").contains("password"));
    let empty = docx(&[("word/document.xml", &document(""))]);
    one_line_error(&empty, "x.docx");
}

#[test]
fn a_truncated_docx_never_panics() {
    let bytes = numbered_resolution();
    for cut in (4..bytes.len()).step_by(37) {
        if let Err(e) = load_bytes(&bytes[..cut], "cut.docx") {
            assert!(!e.to_string().contains('\n'));
        }
    }
    assert!(one_line_error(&bytes[..bytes.len() / 2], "cut.docx").contains("damaged"));
}

/// Pieces of WordprocessingML, so that random documents reach deep into
/// the reader rather than stopping at the first byte.
const PIECES: &[&str] = &[
    "<w:p>",
    "</w:p>",
    "<w:r>",
    "</w:r>",
    "<w:t>",
    "</w:t>",
    "Decides",
    "1.",
    "(a)",
    "<w:tab/>",
    "<w:br/>",
    "<w:pPr><w:numPr><w:ilvl w:val=\"2\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>",
    "<w:pPr><w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr>",
    "<w:pPr><w:rPr><w:del/></w:rPr></w:pPr>",
    "<w:rPr><w:i/></w:rPr>",
    "<w:ins>",
    "</w:ins>",
    "<w:del>",
    "</w:del>",
    "<w:footnoteReference w:id=\"1\"/>",
    "&amp;",
    "&#27;",
    "\u{1b}[31m",
    "<w:sym w:char=\"F0B7\"/>",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_inside_a_zip_read_or_fail_in_one_line(body in proptest::collection::vec(any::<u8>(), 0..400)) {
        let bytes = docx_bytes(&[("word/document.xml", &body), ("word/numbering.xml", NUMBERING.as_bytes())]);
        if let Err(e) = load_bytes(&bytes, "fuzz.docx") {
            prop_assert!(!e.to_string().contains('\n'));
        }
    }

    #[test]
    fn any_word_markup_reads_or_fails_in_one_line(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let body: String = picks.iter().map(|&i| PIECES[i]).collect();
        let bytes = docx(&[("word/document.xml", &document(&body)), ("word/numbering.xml", NUMBERING)]);
        match load_bytes(&bytes, "fuzz.docx") {
            Err(e) => prop_assert!(!e.to_string().contains('\n')),
            Ok(doc) => {
                // Nothing that drives a terminal survives.
                for c in doc.all_clauses() {
                    prop_assert!(!c.text.contains(char::from(27)), "escape in {}", c.id);
                }
            }
        }
    }
}

/// A delegate's working paper: the header typed as a table, preambular
/// phrases in italics, operative phrases underlined by a character style,
/// clauses numbered by Word's "List Number" styles (the numbering is in the
/// style, not the paragraph).
#[test]
fn a_working_paper_with_a_header_table_and_list_styles() {
    let styles = format!(
        r#"<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListNumber2"><w:name w:val="List Number 2"/><w:basedOn w:val="ListNumber"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="OpPhrase"><w:name w:val="Op Phrase"/><w:rPr><w:u w:val="single"/></w:rPr></w:style>
</w:styles>"#
    );
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", p(t));
    let row = |k: &str, v: &str| format!("<w:tr>{}{}</w:tr>", cell(k), cell(v));
    let table = format!(
        "<w:tbl>{}{}{}{}</w:tbl>",
        row("Code:", "GA3/1/1"),
        row("Committee:", "General Assembly Third Committee"),
        row("Topic:", "Trafficking in persons"),
        row("Sponsors:", "France, Kenya")
    );
    let styled = |style: &str, phrase: &str, rest: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:rPr><w:rStyle w:val="OpPhrase"/></w:rPr><w:t>{phrase}</w:t></w:r><w:r><w:t xml:space="preserve"> {rest}</w:t></w:r></w:p>"#
        )
    };
    let italic = |phrase: &str, rest: &str| {
        format!(
            r#"<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>{phrase}</w:t></w:r><w:r><w:t xml:space="preserve"> {rest}</w:t></w:r></w:p>"#
        )
    };
    let body = [
        table,
        p("The General Assembly,"),
        italic("Guided by", "the Charter of the United Nations,"),
        italic("Alarmed by", "the rise in online recruitment,"),
        styled("ListNumber", "Urges", "all States to:"),
        p_styled("ListNumber2", "collect evidence;"),
        p_styled("ListNumber2", "protect victims;"),
        styled("ListNumber", "Requests", "a report."),
    ]
    .concat();
    let numbering = NUMBERING.replace(r#"w:val="(%2)""#, r#"w:val="%2)""#);
    let doc = load(
        &docx(&[
            ("word/document.xml", &document(&body)),
            ("word/styles.xml", &styles),
            ("word/numbering.xml", &numbering),
        ]),
        "wp.docx",
    );
    let res = &doc.resolutions[0];
    assert_eq!(res.code, "GA3/1/1");
    assert_eq!(res.committee.as_deref(), Some("General Assembly Third Committee"));
    assert_eq!(res.sponsors, ["France", "Kenya"]);
    let phrases = |cs: &[reso::document::Clause]| cs.iter().map(|c| c.phrase().to_string()).collect::<Vec<_>>();
    assert_eq!(phrases(&res.preamble), ["Guided by", "Alarmed by"]);
    assert_eq!(labels(&res.operative), ["1", "2"]);
    assert_eq!(phrases(&res.operative), ["Urges", "Requests"]);
    assert_eq!(labels(&res.operative[0].children), ["a", "b"]);
}

fn p_styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// Section headings numbered by Word (`Heading 1` tied to an upper-roman
/// list) group the operative paragraphs under them.
#[test]
fn numbered_heading_styles_are_sections() {
    let styles = format!(
        r#"<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#
    );
    let numbering = NUMBERING.replace(
        "</w:numbering>",
        r#"<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="8"/></w:num></w:numbering>"#,
    );
    let body = [
        p("The General Assembly,"),
        p("Recalling its earlier work,"),
        p_styled("Heading1", "Global context"),
        li(1, 0, "Urges Member States to ratify the Protocol;"),
        p_styled("Heading1", "Capacity-building"),
        li(1, 0, "Requests a report."),
    ]
    .concat();
    let doc = load(
        &docx(&[
            ("word/document.xml", &document(&body)),
            ("word/styles.xml", &styles),
            ("word/numbering.xml", &numbering),
        ]),
        "sections.docx",
    );
    let res = &doc.resolutions[0];
    assert_eq!(labels(&res.operative), ["1", "2"]);
    let sections: Vec<&str> = res.operative.iter().map(|c| c.section.as_deref().unwrap_or("")).collect();
    assert!(sections[0].starts_with("I") && sections[0].contains("Global context"), "{sections:?}");
    assert!(sections[1].starts_with("II") && sections[1].contains("Capacity-building"), "{sections:?}");
}

#[test]
fn the_outline_says_tracked_changes_were_accepted() {
    let body = [
        p("The General Assembly,"),
        r#"<w:p><w:r><w:t xml:space="preserve">1. Decides </w:t></w:r><w:ins w:id="1" w:author="x"><w:r><w:t>to act.</w:t></w:r></w:ins></w:p>"#.to_string(),
    ]
    .concat();
    let doc = load(&docx(&[("word/document.xml", &document(&body))]), "tracked.docx");
    let outline = reso::export::outline::outline(std::slice::from_ref(&doc));
    assert!(outline.contains("note: tracked changes shown as accepted"), "{outline}");
}
