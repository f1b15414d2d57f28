//! One test per input format the parser promises to read.

mod common;

use common::*;
use reso::document::{Vote, load_bytes};

#[test]
fn official_general_assembly_layout() {
    let doc = fixture("ga_official.txt");
    let text = std::fs::read_to_string(fixture_path("ga_official.txt")).unwrap();
    assert_nothing_lost(&text, &doc);
    let res = &doc.resolutions[0];
    assert_eq!(res.code, "A/RES/80/53");
    assert_eq!(res.topic.as_deref(), Some("Strengthening the coordination of efforts against trafficking"));
    assert_eq!(res.vote, Some(Vote::Recorded { in_favour: 150, against: 0, abstentions: 12 }));
    // A new preambular paragraph after a line ending in a comma (and a
    // footnote marker), with no blank line between.
    assert_eq!(res.preamble.len(), 4);
    assert_eq!(res.preamble[1].phrase(), "Reaffirming");
    assert_eq!(res.preamble[3].phrase(), "Taking note with grave concern of");
    // Footnote markers are out of the text; bodies are footnotes.
    assert!(res.preamble[0].text.ends_with("Trafficking in Persons,"), "{}", res.preamble[0].text);
    assert!(!res.preamble[3].text.contains("Secretary-General,2"));
    assert_eq!(doc.footnotes.len(), 2);
    assert_eq!(doc.footnotes[0].text, "Resolution 64/293, annex.");
    // Section headings group operative paragraphs, all still top level.
    assert_eq!(res.operative.len(), 4);
    assert_eq!(res.operative[0].section.as_deref(), Some("I. Global context"));
    assert_eq!(res.operative[2].section.as_deref(), Some("II. Capacity-building"));
    // A number alone on its line takes the next line as its text.
    assert_eq!(find(&doc, "A/RES/80/53:op.2").phrase(), "Calls upon");
    // (a) (i) a) and a paragraph continued over a page break.
    assert_eq!(find(&doc, "A/RES/80/53:op.2.b.ii").text, "labour inspectors;");
    assert_eq!(find(&doc, "A/RES/80/53:op.2.c").text, "Assisting victims in the countries of origin;");
    assert_eq!(find(&doc, "A/RES/80/53:op.3.b").label, "b");
    assert_eq!(find(&doc, "A/RES/80/53:op.3.b.p2").text, "second bullet point;");
    // Page furniture never reaches clause text.
    for c in doc.all_clauses() {
        for junk in ["25-12345", "*2512345*", "2/3", "A/RES/80/53"] {
            assert!(!c.text.contains(junk), "{junk} in {}", c.id);
        }
    }
    assert_eq!(res.annexes.len(), 1);
    assert_eq!(res.annexes[0].title, "Annex — Plan of action");
    assert_eq!(find(&doc, "A/RES/80/53:annex1.op.1.ii").text, "publish reports.");
}

#[test]
fn working_paper_with_sponsors_in_markdown() {
    let doc = fixture("working_paper.md");
    let res = &doc.resolutions[0];
    assert_eq!(res.code, "Working Paper 2.1");
    assert_eq!(res.sponsors, ["France", "Kenya", "Trinidad and Tobago", "Viet Nam"]);
    assert_eq!(res.signatories, ["Brazil", "Chile", "Japan", "Norway"]);
    assert_eq!(res.preamble.len(), 2);
    assert_eq!(res.preamble[0].phrase(), "Guided by");
    assert_eq!(find(&doc, "Working Paper 2.1:op.1").phrase(), "Calls upon");
    assert_eq!(find(&doc, "Working Paper 2.1:op.1.b").text, "protect victims;");
}

#[test]
fn margin_line_numbers_are_stripped() {
    let doc = fixture("margin_numbers.txt");
    let res = &doc.resolutions[0];
    assert_eq!(res.code, "margin_numbers");
    assert_eq!((res.preamble.len(), res.operative.len()), (2, 2));
    assert_eq!(res.preamble[0].text, "Recalling its resolution 1000 (1995) and all subsequent resolutions,");
}

#[test]
fn crlf_bom_tabs_and_windows_1252() {
    let text = "\u{feff}The Council,\r\n\r\nRecalling\tits work,\r\n\r\n1.\tDecides to act;\r\n\t(a)\tnow;\r\n";
    let doc = load_bytes(text.as_bytes(), "x.txt").unwrap();
    let res = &doc.resolutions[0];
    assert_eq!(res.preamble[0].text, "Recalling its work,");
    assert_eq!(res.operative[0].children[0].text, "now;");
    assert!(doc.encoding_note.is_none());

    let cp1252 = b"The Council,\n\nRecalling the r\xe9sum\xe9 \x93quoted\x94,\n\n1. Decides;\n";
    let doc = load_bytes(cp1252, "x.txt").unwrap();
    assert_eq!(doc.resolutions[0].preamble[0].text, "Recalling the résumé “quoted”,");
    assert_eq!(doc.encoding_note.as_deref(), Some("not UTF-8: read as Windows-1252"));
}

#[test]
fn letters_and_numerals_by_context() {
    let items: String = ('a'..='j').map(|c| format!("{c}. item {c};\n")).collect();
    let text = format!(
        "The Council,\n\nRecalling,\n\n1. Decides:\n{items}2. Requests:\na. first;\ni. numeral one;\nii. numeral two;\nb. second;\n"
    );
    let doc = parse_str(&text);
    let op1 = &doc.resolutions[0].operative[0];
    let labels: Vec<&str> = op1.children.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
    let op2 = &doc.resolutions[0].operative[1];
    assert_eq!(op2.children.len(), 2);
    // Numerals directly under `h`: `ii` after `i` shows `i` was a numeral.
    let text = "The Council,\n\nRecalling,\n\n1. Decides:\na. one;\nb. two;\nc. c;\nd. d;\ne. e;\nf. f;\ng. g;\nh. eight:\ni. first numeral;\nii. second numeral;\ni. letter i;\n";
    let doc = parse_str(text);
    let op = &doc.resolutions[0].operative[0];
    let labels: Vec<&str> = op.children.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
    assert_eq!(op.children[7].children.len(), 2);
    assert_eq!(op.children[8].text, "letter i;");
    assert_eq!(op2.children[0].children.len(), 2);
    assert_eq!(op2.children[0].children[1].id, "test:op.2.a.ii");
}

#[test]
fn control_characters_never_survive() {
    let text = "The Council,\n\nRecalling \u{1b}[31mred\u{1b}[0m and \u{1b}]0;pwned\u{7} text\u{202e},\n\n1. Decides\u{9b}2J now;\n";
    let doc = load_bytes(text.as_bytes(), "x.txt").unwrap();
    let json = reso::export::json::to_json(std::slice::from_ref(&doc));
    let outline = reso::export::outline::outline(&[doc]);
    for out in [json, outline] {
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}') && !out.contains('\u{9b}')
        );
        assert!(!out.contains("[31m") && !out.contains("pwned"));
    }
}

#[test]
fn a_text_without_resolutions_keeps_what_it_found() {
    let doc = parse_str("Minutes of the meeting\n\nThe chair opened the session at noon.\n");
    assert!(doc.resolutions.is_empty());
    assert_eq!(doc.front.title_block.len(), 2);
}

#[test]
fn lettered_section_headings_group_operative_paragraphs() {
    let text = "The General Assembly,\n\nRecalling its work,\n\nA\n\nAssistance\n\n1. Decides to assist;\n\n2. Requests a report;\n\nB\n\nNoting the second part,\n\n1. Decides again;\n";
    let doc = parse_str(text);
    let res = &doc.resolutions[0];
    let sections: Vec<Option<&str>> = res.operative.iter().map(|c| c.section.as_deref()).collect();
    assert_eq!(sections, [Some("A — Assistance"), Some("A — Assistance"), Some("B")]);
    // A section may open with preambular paragraphs of its own.
    assert_eq!(res.preamble.len(), 2);
    assert_eq!(res.preamble[1].section.as_deref(), Some("B"));
    // Numbering restarts under B: the id stays unique.
    assert_eq!(res.operative[2].id, "test:op.1~2");
    let text = common::parse_str(text);
    assert!(text.unplaced.is_empty(), "{:?}", text.unplaced);
}
