//! Fuzzing with a fixed budget (it runs in CI with every `cargo test`):
//! the decoder, the parser and the notes reader take any input without
//! panicking, and adversarial documents of 1 MB parse in time linear in
//! their size. `benches/parse.rs` measures the same shapes in release.

mod common;

use std::time::{Duration, Instant};

use proptest::prelude::*;
use reso::annotate::store;
use reso::document::decode::{decode, decode_owned};
use reso::document::{corpus, load_owned};

fn budget() -> ProptestConfig {
    // Fixed and small: CI time is bounded, failures are reproducible.
    ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() }
}

/// Pieces of resolutions and of hostile input, to assemble documents from.
const PIECES: &[&str] = &[
    "The General Assembly,\n",
    "The Security Council,\n",
    "Recalling its resolution 1 (2000),\n",
    "*Deeply concerned* by",
    "1. Decides to act;\n",
    " - a. item;\n",
    "(a) first;\n",
    "(i) numeral;\n",
    "ii. second;\n",
    "Annex\n",
    "ANNEX I\n",
    "A/RES/77/1\n",
    "Adopted without a vote\n",
    "21-9-11\n",
    "\n",
    "\n\n\n",
    "\u{c}",
    "\t",
    "\r\n",
    "\u{1b}]0;t\u{7}",
    "\u{1b}[2J",
    "\u{9b}",
    "\u{202e}",
    "\u{0}",
    "**",
    "*",
    "_",
    "“",
    "—",
    "日本語",
    "👩\u{200d}💻",
    "\u{ad}",
    "\u{2028}",
];

fn documents() -> impl Strategy<Value = String> {
    prop::collection::vec(0..PIECES.len(), 0..400).prop_map(|ix| ix.into_iter().map(|i| PIECES[i]).collect())
}

proptest! {
    #![proptest_config(budget())]

    #[test]
    fn the_decoder_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let borrowed = decode(&bytes).map(|d| (d.text.into_owned(), d.note));
        let owned = decode_owned(bytes.clone());
        prop_assert_eq!(borrowed.clone(), owned);
        if let Ok((text, _)) = borrowed {
            // Nothing that drives a terminal survives decoding.
            prop_assert!(!text.chars().any(reso::document::decode::is_unsafe_char), "{:?}", text);
        }
    }

    #[test]
    fn the_decoder_takes_utf16_of_any_text(text in "\\PC{0,200}", big_endian in any::<bool>()) {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect();
        let _ = decode_owned(bytes);
    }

    #[test]
    fn the_parser_takes_any_assembly_of_pieces(doc in documents()) {
        if let Ok(d) = load_owned(doc.into_bytes(), "fuzz.txt") {
            // Ids are unique within a resolution.
            for res in &d.resolutions {
                let mut ids: Vec<&str> = res.all_clauses().map(|c| c.id.as_str()).collect();
                let n = ids.len();
                ids.sort_unstable();
                ids.dedup();
                prop_assert_eq!(ids.len(), n);
            }
        }
    }

    #[test]
    fn the_parser_takes_any_text(text in "(?s).{0,600}") {
        let _ = load_owned(text.into_bytes(), "fuzz.md");
    }

    #[test]
    fn the_notes_reader_takes_any_text(text in "(?s).{0,400}") {
        let _ = store::parse(&text, "fuzz.ron");
    }

    #[test]
    fn the_notes_reader_takes_any_damage_to_a_real_file(cut in 0usize..1000, byte in any::<u8>(), at in 0usize..1000) {
        let mut bytes = notes_file().into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(bytes.len() - cut % bytes.len());
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = store::parse(&text, "fuzz.ron");
        }
    }
}

fn notes_file() -> String {
    "// reso notes\n(\n    format: 1,\n    documents: {\n        \"D\": (\n            clauses: {\n                \"X:op.1\": (\n                    tags: [\"support\", \"amend\"],\n                    note: \"a \\\"quoted\\\" note\\nover lines\",\n                    fingerprint: \"00ff\",\n                    text: \"Decides\",\n                ),\n            },\n            orphans: [\n                (id: \"X:op.9\", annotation: (tags: [], note: \"lost\", fingerprint: \"\", text: \"\")),\n            ],\n        ),\n    },\n)\n".to_string()
}

#[test]
fn a_megabyte_of_any_shape_parses_in_linear_time() {
    // Each shape at 1 MB against the same shape at 1/8 of it: linear time
    // takes about 8 times as long, a quadratic one 64 times. The ratio is
    // generous (timers, caches, a loaded machine) and needs no fixed speed.
    for ((name, big), (_, small)) in corpus::adversarial(1 << 20).into_iter().zip(corpus::adversarial(1 << 17)) {
        let time = |text: &str| {
            let start = Instant::now();
            let doc = load_owned(text.as_bytes().to_vec(), "adversarial.txt");
            let elapsed = start.elapsed();
            drop(doc);
            elapsed
        };
        let (t_small, t_big) = (time(&small).max(Duration::from_millis(2)), time(&big));
        assert!(t_big < t_small * 24, "{name}: 128 KB in {t_small:?}, 1 MB in {t_big:?}");
    }
}
