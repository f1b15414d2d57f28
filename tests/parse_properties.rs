//! Property tests: the parser never panics, never loses a line, and reads
//! back the structure of documents generated in both layouts it promises.

mod common;

use common::*;
use proptest::prelude::*;
use reso::document::decode::{DecodeError, decode, decode_owned};
use reso::document::{load_bytes, load_owned};

/// What the borrowing decoder makes of `bytes`: text and note, or the error.
fn decoded(bytes: &[u8]) -> Result<(String, Option<String>), DecodeError> {
    decode(bytes).map(|d| (d.text.into_owned(), d.note))
}

/// The same from the decoder that takes the bytes over.
fn decoded_owned(bytes: Vec<u8>) -> Result<(String, Option<String>), DecodeError> {
    decode_owned(bytes)
}

const PRE: &[&str] =
    &["Recalling", "Reaffirming", "Noting with concern", "Deeply alarmed by", "Bearing in mind", "Welcoming"];
const OP: &[&str] = &["Decides", "Requests", "Calls upon", "Further invites", "Encourages", "Urges"];
const WORDS: &[&str] = &[
    "the",
    "States",
    "report",
    "of",
    "cooperation",
    "victims",
    "regional",
    "data",
    "and",
    "to",
    "Secretary-General",
    "programme",
];

#[derive(Debug, Clone)]
struct Gen {
    preamble: Vec<(usize, Vec<usize>)>,
    /// (phrase, words, items), each item with its number of sub-items.
    operative: Vec<(usize, Vec<usize>, Vec<usize>)>,
}

fn words(seed: &[usize]) -> String {
    seed.iter().map(|&i| WORDS[i % WORDS.len()]).collect::<Vec<_>>().join(" ")
}

fn documents() -> impl Strategy<Value = Gen> {
    let para = (0..PRE.len(), prop::collection::vec(0..100usize, 3..30));
    let op = (0..OP.len(), prop::collection::vec(0..100usize, 3..30), prop::collection::vec(0..5usize, 0..12));
    // Item `h` with a single numeral under it stays ambiguous (`i` after
    // `h` is the letter by convention); with two or more, `ii` settles it.
    (prop::collection::vec(para, 1..8), prop::collection::vec(op, 1..12)).prop_map(|(preamble, mut operative)| {
        for (_, _, items) in &mut operative {
            if let Some(h) = items.get_mut(7).filter(|h| **h == 1) {
                *h = 2;
            }
        }
        Gen { preamble, operative }
    })
}

const LETTERS: &str = "abcdefghijkl";
const ROMAN: [&str; 5] = ["i", "ii", "iii", "iv", "v"];

/// NMUN layout: one line per paragraph, `*Phrase*`, ` - a.` items.
fn render_nmun(g: &Gen) -> String {
    let mut s = String::from("Code: GEN/1/1\n\nCommittee: Test\n\nTopic: Generated\n\nThe General Assembly,\n\n");
    for (p, w) in &g.preamble {
        s += &format!("{} {},\n\n", PRE[*p], words(w));
    }
    for (n, (p, w, items)) in g.operative.iter().enumerate() {
        s += &format!("{}. *{}* {}:\n", n + 1, OP[*p], words(w));
        for (k, subs) in items.iter().enumerate() {
            s += &format!(" - {}. item {};\n", &LETTERS[k..k + 1], words(w));
            for r in ROMAN.iter().take(*subs) {
                s += &format!(" - {r}. sub item;\n");
            }
        }
    }
    s
}

/// Official layout: hard-wrapped at 50 columns, `(a)` and `(i)` items.
fn render_official(g: &Gen) -> String {
    let mut s = String::from("The General Assembly,\n\n");
    let wrap = |text: &str| -> String {
        let mut out = String::new();
        let mut col = 0;
        for w in text.split(' ') {
            if col > 0 && col + w.len() > 50 {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out += w;
            col += w.len();
        }
        out
    };
    for (p, w) in &g.preamble {
        s += &wrap(&format!("{} {},", PRE[*p], words(w)));
        s += "\n\n";
    }
    for (n, (p, w, items)) in g.operative.iter().enumerate() {
        s += &wrap(&format!("{}. {} {}:", n + 1, OP[*p], words(w)));
        s += "\n\n";
        for (k, subs) in items.iter().enumerate() {
            s += &wrap(&format!("({}) item {};", &LETTERS[k..k + 1], words(w)));
            s += "\n\n";
            for r in ROMAN.iter().take(*subs) {
                s += &format!("({r}) sub item;\n\n");
            }
        }
    }
    s
}

fn check(g: &Gen, text: &str) -> Result<(), TestCaseError> {
    let doc = load_bytes(text.as_bytes(), "gen.txt").map_err(|e| TestCaseError::fail(e.to_string()))?;
    assert_nothing_lost(text, &doc);
    prop_assert_eq!(doc.resolutions.len(), 1);
    let res = &doc.resolutions[0];
    prop_assert_eq!(res.preamble.len(), g.preamble.len());
    for (c, (p, _)) in res.preamble.iter().zip(&g.preamble) {
        prop_assert_eq!(&c.phrase(), PRE[*p]);
    }
    prop_assert_eq!(res.operative.len(), g.operative.len());
    for (n, (c, (p, _, items))) in res.operative.iter().zip(&g.operative).enumerate() {
        prop_assert_eq!(&c.label, &(n + 1).to_string());
        prop_assert_eq!(&c.phrase(), OP[*p]);
        prop_assert_eq!(c.children.len(), items.len());
        for (k, (item, subs)) in c.children.iter().zip(items).enumerate() {
            prop_assert_eq!(&item.label, &LETTERS[k..k + 1]);
            prop_assert_eq!(item.children.len(), *subs);
            for (sub, r) in item.children.iter().zip(ROMAN) {
                prop_assert_eq!(&sub.label, r);
            }
        }
    }
    Ok(())
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("1. Decides;".to_string()),
        Just(" - a. item;".to_string()),
        Just("(i) sub".to_string()),
        Just("Annex".to_string()),
        Just("A".to_string()),
        Just("Code: X/1".to_string()),
        Just("The Council,".to_string()),
        Just("02-12345 (E)".to_string()),
        Just("S/RES/1 (2000)".to_string()),
        Just("_____".to_string()),
        Just("1 A footnote.".to_string()),
        Just("Agenda".to_string()),
        "[ -~\u{a0}\u{c}\t]{0,40}",
        "\\PC{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        // Handing the bytes over (no copy) decodes exactly as borrowing them.
        prop_assert_eq!(decoded(&bytes), decoded_owned(bytes.clone()));
        let _ = load_owned(bytes, "x");
    }

    #[test]
    fn owned_and_borrowed_loads_agree_on_documents(lines in prop::collection::vec(line(), 0..80), bom in any::<bool>(), crlf in any::<bool>()) {
        let mut text = lines.join(if crlf { "\r\n" } else { "\n" });
        if bom {
            text.insert(0, '\u{feff}');
        }
        prop_assert_eq!(decoded(text.as_bytes()), decoded_owned(text.into_bytes()));
    }

    #[test]
    fn no_line_is_lost(lines in prop::collection::vec(line(), 0..80)) {
        let text = lines.join("\n");
        if let Ok(doc) = load_bytes(text.as_bytes(), "x") {
            // Lines are counted in the sanitised text, which is what was parsed.
            let clean = reso::document::decode::sanitize(&text);
            assert_nothing_lost(&clean, &doc);
        }
    }

    #[test]
    fn nmun_layout_round_trips(g in documents()) {
        check(&g, &render_nmun(&g))?;
    }

    #[test]
    fn official_layout_round_trips(g in documents()) {
        check(&g, &render_official(&g))?;
    }
}
