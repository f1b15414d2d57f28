//! Security Council resolutions as printed in the yearly volumes of
//! *Resolutions and Decisions* and converted to text (the CR-UNSC data
//! set, CC0: `tests/fixtures/volumes/`): a title line `82 (1950).
//! Resolution of 25 June 1950` or `Resolution 883 (1993)` over its date,
//! the document symbol in brackets, hard-wrapped OCR text, the adoption
//! line and its footnotes at the end. The expected counts are the
//! documents' own: preambular paragraphs before the first operative one,
//! operative paragraphs as numbered (or, unnumbered, by their verbs).

use reso::document::{Clause, Document, load_bytes};

fn read(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/volumes/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    load_bytes(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn all_ids<'a>(clauses: &'a [Clause], out: &mut Vec<&'a str>) {
    for c in clauses {
        out.push(&c.id);
        all_ids(&c.children, out);
    }
}

/// (file, code, preambular, operative)
const VOLUMES: &[(&str, &str, usize, usize)] = &[
    ("S_RES_0004_1946_EN_GOLD.txt", "S/RES/4 (1946)", 2, 2),
    ("S_RES_0027_1947_EN_GOLD.txt", "S/RES/27 (1947)", 1, 1),
    ("S_RES_0047_1948_EN_GOLD.txt", "S/RES/47 (1948)", 5, 22),
    ("S_RES_0082_1950_EN_GOLD.txt", "S/RES/82 (1950)", 3, 5),
    ("S_RES_0095_1951_EN_GOLD.txt", "S/RES/95 (1951)", 9, 1),
    ("S_RES_0138_1960_EN_GOLD.txt", "S/RES/138 (1960)", 6, 3),
    ("S_RES_0181_1963_EN_GOLD.txt", "S/RES/181 (1963)", 8, 4),
    ("S_RES_0242_1967_EN_GOLD.txt", "S/RES/242 (1967)", 3, 4),
    ("S_RES_0276_1970_EN_GOLD.txt", "S/RES/276 (1970)", 5, 9),
    ("S_RES_0338_1973_EN_GOLD.txt", "S/RES/338 (1973)", 0, 3),
    ("S_RES_0418_1977_EN_GOLD.txt", "S/RES/418 (1977)", 10, 7),
    ("S_RES_0435_1978_EN_GOLD.txt", "S/RES/435 (1978)", 5, 7),
    ("S_RES_0502_1982_EN_GOLD.txt", "S/RES/502 (1982)", 3, 3),
    ("S_RES_0598_1987_EN_GOLD.txt", "S/RES/598 (1987)", 10, 10),
    ("S_RES_0660_1990_EN_GOLD.txt", "S/RES/660 (1990)", 3, 4),
    ("S_RES_0678_1990_EN_GOLD.txt", "S/RES/678 (1990)", 5, 5),
    ("S_RES_0687_1991_EN_GOLD.txt", "S/RES/687 (1991)", 26, 34),
    ("S_RES_0700_1991_EN_GOLD.txt", "S/RES/700 (1991)", 3, 6),
    ("S_RES_0808_1993_EN_GOLD.txt", "S/RES/808 (1993)", 12, 3),
    ("S_RES_0827_1993_EN_GOLD.txt", "S/RES/827 (1993)", 11, 9),
];

/// Files whose code is right but whose structure is not read exactly yet
/// (README, "Known gaps").
const CODES_ONLY: &[(&str, &str)] =
    &[("S_RES_0004_1946_EN_GOLD.txt", "S/RES/4 (1946)"), ("S_RES_0883_1993_EN_GOLD.txt", "S/RES/883 (1993)")];

#[test]
fn each_volume_resolution_reads_to_its_own_numbering() {
    let mut wrong = Vec::new();
    for &(file, code, pre, op) in VOLUMES {
        let doc = read(file);
        let got: Vec<(String, usize, usize)> =
            doc.resolutions.iter().map(|r| (r.code.clone(), r.preamble.len(), r.operative.len())).collect();
        if got != [(code.to_string(), pre, op)] {
            wrong.push(format!("{file}: {got:?}, expected {code} {pre}/{op}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The code is the symbol the text prints (`82 (1950). Resolution of …`,
/// `Resolution 883 (1993)` over `11 November 1993`, `[S/726]` right above
/// the formula, `Therefore the Security Council,`), never the file name
/// (`S/RES/0883/1993/EN/GOLD`), and every clause has an id made from it.
#[test]
fn every_volume_resolution_has_its_code_and_ids() {
    for (file, code) in VOLUMES.iter().map(|&(f, c, ..)| (f, c)).chain(CODES_ONLY.iter().copied()) {
        let doc = read(file);
        assert_eq!(doc.resolutions.len(), 1, "{file}");
        let res = &doc.resolutions[0];
        assert_eq!(res.code, code, "{file}");
        let mut ids = Vec::new();
        all_ids(&res.preamble, &mut ids);
        all_ids(&res.operative, &mut ids);
        assert!(!ids.is_empty(), "{file}: no clauses");
        for id in ids {
            assert!(id.starts_with(&format!("{code}:")), "{file}: clause id {id:?}");
        }
    }
}

/// The volumes hyphenate words at line ends; a line that goes on with only
/// a word's ending ("pertain-" "ing") rejoins the word.
#[test]
fn words_broken_at_line_ends_are_rejoined() {
    let doc = read("S_RES_0276_1970_EN_GOLD.txt");
    let texts: Vec<String> =
        doc.resolutions[0].preamble.iter().chain(&doc.resolutions[0].operative).map(|c| c.text.to_string()).collect();
    let all = texts.join("\n");
    for word in ["pertaining", "performance"] {
        assert!(all.contains(word), "{word} in {all}");
    }
    assert!(!all.contains("pertain-ing") && !all.contains("perform-ance"));
}

/// The volumes print a resolution's footnotes right after its adoption
/// line ("Adopted at the 1747th meeting by 14 votes to none 27", then "27
/// One member (China) did not participate in the voting."), numbered as
/// the volume runs (27, 61–65), not from 1. They are footnotes: never
/// part of the last clause, never preambular paragraphs.
#[test]
fn footnotes_after_the_adoption_line_are_footnotes() {
    let doc = read("S_RES_0338_1973_EN_GOLD.txt");
    let res = &doc.resolutions[0];
    let op3 = res.operative.iter().find(|c| c.id == "S/RES/338 (1973):op.3").expect("op.3");
    assert!(op3.text.ends_with("in the Middle East."), "{}", op3.text);
    let notes: Vec<(&str, &str)> = doc.footnotes.iter().map(|f| (f.marker.as_str(), f.text.as_str())).collect();
    assert_eq!(notes, [("27", "One member (China) did not participate in the voting.")]);
    // Its marker ends the adoption line, which keeps only its words.
    assert!(
        res.header.iter().any(|h| h.text == "Adopted at the 1747th meeting by 14 votes to none"),
        "{:?}",
        res.header
    );

    // 61–65: the markers in the clauses are taken out and linked.
    let doc = read("S_RES_0435_1978_EN_GOLD.txt");
    let markers: Vec<&str> = doc.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["61", "62", "63", "64", "65"]);
    let linked: Vec<Option<&str>> = doc.footnotes.iter().map(|f| f.clause.as_deref()).collect();
    assert_eq!(
        linked,
        [
            Some("S/RES/435 (1978):pre.2"),
            Some("S/RES/435 (1978):pre.2"),
            Some("S/RES/435 (1978):pre.4"),
            Some("S/RES/435 (1978):op.1"),
            None
        ]
    );
    let res = &doc.resolutions[0];
    let op1 = &res.operative[0];
    assert!(op1.text.contains("of the Namibian situation and his explanatory statement;"), "{}", op1.text);
    let last = res.operative.last().expect("op.7");
    assert!(!last.text.contains("Ibid."), "{}", last.text);

    // S/RES/4 (1946): "San Francisco 12 and … the United Nations 13 and".
    let doc = read("S_RES_0004_1946_EN_GOLD.txt");
    let markers: Vec<&str> = doc.footnotes.iter().map(|f| f.marker.as_str()).collect();
    assert_eq!(markers, ["12", "13"]);
    let texts: Vec<String> =
        doc.resolutions[0].preamble.iter().chain(&doc.resolutions[0].operative).map(|c| c.text.to_string()).collect();
    assert!(texts.iter().all(|t| !t.starts_with("12 See") && !t.starts_with("13 See")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("at San Francisco and at the first session")), "{texts:?}");

    // Every file that prints notes under its adoption line: none is glued
    // onto a clause.
    for file in [
        "S_RES_0027_1947_EN_GOLD.txt",
        "S_RES_0047_1948_EN_GOLD.txt",
        "S_RES_0082_1950_EN_GOLD.txt",
        "S_RES_0095_1951_EN_GOLD.txt",
        "S_RES_0138_1960_EN_GOLD.txt",
        "S_RES_0181_1963_EN_GOLD.txt",
        "S_RES_0418_1977_EN_GOLD.txt",
        "S_RES_0598_1987_EN_GOLD.txt",
    ] {
        let doc = read(file);
        assert!(!doc.footnotes.is_empty(), "{file}");
        let res = &doc.resolutions[0];
        for c in res.preamble.iter().chain(&res.operative).chain(res.operative.iter().flat_map(|c| &c.children)) {
            for f in &doc.footnotes {
                let start: String = f.text.chars().take(25).collect();
                assert!(!c.text.contains(start.as_str()), "{file}: note {} in {:?}", f.marker, c.text);
            }
        }
        // A note whose marker is in a clause is linked to it.
        for f in &doc.footnotes {
            if let Some(id) = &f.clause {
                assert!(id.starts_with(&res.code), "{file}: {id}");
            }
        }
    }
}

/// The labels of a clause's items, in order.
fn item_labels(c: &Clause) -> Vec<&str> {
    c.children.iter().map(|c| c.label.as_str()).collect()
}

/// OCR reads `(b)` as `(5)` or `(6)` and `(i)` as `(1)`. Where the
/// neighbours make the label certain (`(a)` … `(c)`, or before `(ii)`), the
/// item is read as that label and a notice says so; it never becomes a
/// numbered paragraph of its own.
#[test]
fn misread_item_labels_are_read_as_their_sequence_says() {
    // S/RES/242 (1967): "1. Affirms … principles:" / "(1) Withdrawal …" / "(ii) Termination …".
    let doc = read("S_RES_0242_1967_EN_GOLD.txt");
    let op = &doc.resolutions[0].operative;
    let labels: Vec<&str> = op.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3", "4"]);
    assert_eq!(item_labels(&op[0]), ["i", "ii"]);
    assert_eq!(op[0].children[0].id, "S/RES/242 (1967):op.1.i");
    assert!(op[0].children[0].text.starts_with("Withdrawal of Israel armed forces"));
    assert_eq!(item_labels(&op[1]), ["a", "b", "c"]);
    assert!(doc.notices.iter().any(|n| n.contains("(1) read as (i)")), "{:?}", doc.notices);

    // S/RES/82 (1950): "(a) … (5) To observe the withdrawal … (c) …" under "Requests".
    let doc = read("S_RES_0082_1950_EN_GOLD.txt");
    let requests = doc.resolutions[0].operative.iter().find(|c| c.text.starts_with("Requests")).expect("Requests");
    assert_eq!(item_labels(requests), ["a", "b", "c"]);
    assert!(requests.children[1].text.starts_with("To observe the withdrawal"));
    assert!(doc.resolutions[0].operative.iter().all(|c| c.label != "5"));
    assert!(doc.notices.iter().any(|n| n.contains("(5) read as (b)")), "{:?}", doc.notices);

    // S/RES/883 (1993): "3. Decides also … by:" / "(a) …; or" / "(6) Any Libyan undertaking;".
    let doc = read("S_RES_0883_1993_EN_GOLD.txt");
    let op = &doc.resolutions[0].operative;
    let labels: Vec<&str> = op.iter().map(|c| c.label.as_str()).collect();
    let expected: Vec<String> = (1..=17).map(|n| n.to_string()).collect();
    assert_eq!(labels, expected);
    assert_eq!(item_labels(&op[2])[..2], ["a", "b"]);
    assert_eq!(op[2].children[1].id, "S/RES/883 (1993):op.3.b");
    assert!(op[2].children[1].text.starts_with("Any Libyan undertaking;"));

    // S/RES/27 (1947): "Calls upon the parties :" / "(a) … and" / "(6) To settle …".
    let doc = read("S_RES_0027_1947_EN_GOLD.txt");
    let op = &doc.resolutions[0].operative;
    assert_eq!(op.len(), 1);
    assert_eq!(item_labels(&op[0]), ["a", "b"]);
    assert!(op[0].children[1].text.ends_with("informed about the progress of the settlement."));
}

/// Bracketed numbers under a paragraph printed `1.` are its items, one
/// list, never paragraphs of their own (constructed: the rule the volumes
/// need, without an OCR misreading).
#[test]
fn bracketed_numbers_under_a_dotted_paragraph_are_its_items() {
    let text = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides that:\n\n(1) all States shall do one thing;\n\n(2) all States shall do another;\n\n2. Requests the Secretary-General to report.\n";
    let doc = load_bytes(text.as_bytes(), "items.txt").expect("read");
    let op = &doc.resolutions[0].operative;
    let labels: Vec<&str> = op.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["1", "2"]);
    assert_eq!(item_labels(&op[0]), ["1", "2"]);
    assert!(doc.notices.is_empty(), "{:?}", doc.notices);
}

/// Unnumbered operative paragraphs of the early years: "Determines that
/// this action constitutes a breach of the peace; and" before section I
/// (S/RES/82 (1950)); "Hereby resolves …;" and "To this end, the Security
/// Council appoints …" (S/RES/4 (1946)).
#[test]
fn early_unnumbered_operative_paragraphs_are_operative() {
    let doc = read("S_RES_0082_1950_EN_GOLD.txt");
    let res = &doc.resolutions[0];
    let pre: Vec<String> = res.preamble.iter().map(|c| c.phrase().to_string()).collect();
    assert_eq!(pre, ["Recalling", "Mindful of", "Noting with grave concern"]);
    let op: Vec<(String, Option<&str>)> =
        res.operative.iter().map(|c| (c.phrase().to_string(), c.section.as_deref())).collect();
    assert_eq!(
        op,
        [
            ("Determines that".to_string(), None),
            ("Calls for".to_string(), Some("I")),
            ("Calls upon".to_string(), Some("I")),
            ("Requests".to_string(), Some("II")),
            ("Calls upon".to_string(), Some("III"))
        ]
    );

    let doc = read("S_RES_0004_1946_EN_GOLD.txt");
    // Its ground, printed before "Therefore the Security Council,", is its
    // first preambular paragraph.
    let pre: Vec<String> = doc.resolutions[0].preamble.iter().map(|c| c.text.to_string()).collect();
    assert_eq!(pre.len(), 2, "{pre:?}");
    assert!(pre[0].starts_with("The attention of the Security Council has been drawn to the situation in Spain"));
    assert!(pre[1].starts_with("Keeping in mind"));
    assert_eq!(doc.resolutions[0].formula.as_deref(), Some("Therefore the Security Council,"));
    let op: Vec<String> = doc.resolutions[0].operative.iter().map(|c| c.text.to_string()).collect();
    assert_eq!(op.len(), 2, "{op:?}");
    assert!(op[0].starts_with("Hereby resolves to make further studies"));
    assert!(op[1].starts_with("To this end, the Security Council appoints a sub-committee"));
    assert!(op[1].ends_with("before the end of May."));
}

/// S/RES/47 (1948) prints "B. Plebiscite" right under paragraph 5's last
/// line, after the section "A. Restoration of peace and order": it heads
/// paragraphs 6–15, it is no item of paragraph 5.
#[test]
fn a_section_heading_under_a_paragraph_opens_the_next_section() {
    let doc = read("S_RES_0047_1948_EN_GOLD.txt");
    let op = &doc.resolutions[0].operative;
    let section = |label: &str| {
        let c = op.iter().find(|c| c.label == label).unwrap_or_else(|| panic!("op.{label}"));
        c.section.clone().unwrap_or_default()
    };
    assert_eq!(section("5"), "A. Restoration of peace and order");
    let five = op.iter().find(|c| c.label == "5").expect("op.5");
    assert!(five.children.is_empty(), "{:?}", five.children);
    assert!(five.text.ends_with("purpose of pacification."), "{}", five.text);
    for n in 6..=15 {
        assert_eq!(section(&n.to_string()), "B. Plebiscite", "op.{n}");
    }
    assert_eq!(section("16"), "C. General provisions");
}

/// S/RES/827 (1993) breaks a sentence with a blank line inside a name
/// ("… by the Co-Chairmen of the Steering" / blank / "Committee of the
/// International Conference …"): one preambular paragraph.
#[test]
fn a_blank_line_inside_a_name_does_not_split_a_paragraph() {
    let doc = read("S_RES_0827_1993_EN_GOLD.txt");
    let pre = &doc.resolutions[0].preamble;
    let noting = pre.iter().find(|c| c.text.starts_with("Noting in this regard")).expect("Noting");
    assert!(
        noting.text.contains("Co-Chairmen of the Steering Committee of the International Conference"),
        "{}",
        noting.text
    );
    assert!(noting.text.ends_with("(S/25221),"), "{}", noting.text);
    assert!(pre.iter().all(|c| !c.text.starts_with("Committee of")));
}

/// A page number of the printed volume alone between blank lines ("115"
/// in S/RES/883 (1993)'s annex) is furniture, never a clause.
#[test]
fn a_lone_page_number_is_not_a_clause() {
    let doc = read("S_RES_0883_1993_EN_GOLD.txt");
    let mut texts = Vec::new();
    fn walk(list: &[Clause], out: &mut Vec<String>) {
        for c in list {
            out.push(c.text.to_string());
            walk(&c.children, out);
        }
    }
    for a in &doc.resolutions[0].annexes {
        walk(&a.preamble, &mut texts);
        walk(&a.operative, &mut texts);
    }
    assert!(!texts.is_empty());
    assert!(texts.iter().all(|t| t.trim() != "115"), "{texts:?}");
    let path = format!("{}/tests/fixtures/volumes/S_RES_0883_1993_EN_GOLD.txt", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(path).expect("fixture");
    let line = source.lines().position(|l| l.trim() == "115").expect("the page number") as u32 + 1;
    assert!(doc.furniture.contains(&line), "line {line}");
}
