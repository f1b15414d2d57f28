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
    ("S_RES_0047_1948_EN_GOLD.txt", "S/RES/47 (1948)", 5, 22),
    ("S_RES_0095_1951_EN_GOLD.txt", "S/RES/95 (1951)", 9, 1),
    ("S_RES_0138_1960_EN_GOLD.txt", "S/RES/138 (1960)", 6, 3),
    ("S_RES_0181_1963_EN_GOLD.txt", "S/RES/181 (1963)", 8, 4),
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
];

/// Files whose code is right but whose structure is not read exactly yet
/// (README, "Known gaps").
const CODES_ONLY: &[(&str, &str)] = &[
    ("S_RES_0004_1946_EN_GOLD.txt", "S/RES/4 (1946)"),
    ("S_RES_0027_1947_EN_GOLD.txt", "S/RES/27 (1947)"),
    ("S_RES_0082_1950_EN_GOLD.txt", "S/RES/82 (1950)"),
    ("S_RES_0242_1967_EN_GOLD.txt", "S/RES/242 (1967)"),
    ("S_RES_0827_1993_EN_GOLD.txt", "S/RES/827 (1993)"),
    ("S_RES_0883_1993_EN_GOLD.txt", "S/RES/883 (1993)"),
];

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
