//! Property tests: any damage to a real Akoma Ntoso file (cut short, bytes
//! changed, inserted or removed, elements nested deep) gives a document or
//! a one-line message, never a panic; and text that reaches the model is
//! free of terminal controls.

use proptest::prelude::*;
use reso::document::load_bytes;
use reso::document::read::akn;

/// A real resolution with lists, footnotes and italics (A/RES/77/102).
const REAL: &[u8] = include_bytes!("fixtures/real/akn/A_RES_77_102-2228247E.xml");

#[derive(Debug, Clone)]
enum Damage {
    Truncate(usize),
    Replace(usize, u8),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    let at = 0..REAL.len();
    // Bytes that matter to XML, and some that must never reach a terminal.
    let byte =
        prop::sample::select(vec![b'<', b'>', b'/', b'&', b';', b'"', b'=', b'#', 0x1b, 0x07, 0x00, 0xff, b'a', b' ']);
    prop_oneof![
        at.clone().prop_map(Damage::Truncate),
        (at.clone(), byte.clone()).prop_map(|(i, b)| Damage::Replace(i, b)),
        (at.clone(), prop::collection::vec(byte, 1..12)).prop_map(|(i, b)| Damage::Insert(i, b)),
        (at, 1..400usize).prop_map(|(i, n)| Damage::Remove(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, d: &Damage) {
    match d {
        Damage::Truncate(n) => bytes.truncate(*n),
        Damage::Replace(i, b) => {
            if let Some(x) = bytes.get_mut(*i) {
                *x = *b;
            }
        }
        Damage::Insert(i, b) => {
            let i = (*i).min(bytes.len());
            bytes.splice(i..i, b.iter().copied());
        }
        Damage::Remove(i, n) => {
            let i = (*i).min(bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
    }
}

fn no_controls(s: &str) -> bool {
    !s.chars().any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\0')
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn damaged_akn_never_panics(damages in prop::collection::vec(damage(), 1..4)) {
        let mut bytes = REAL.to_vec();
        for d in &damages {
            apply(&mut bytes, d);
        }
        match akn::read(&bytes, "damaged.xml") {
            Ok(doc) => {
                for c in doc.all_clauses() {
                    prop_assert!(no_controls(&c.text), "{:?}", c.text);
                }
                for f in &doc.footnotes {
                    prop_assert!(no_controls(&f.text));
                }
            }
            Err(e) => {
                let msg = e.to_string();
                prop_assert!(!msg.is_empty() && !msg.contains('\n'), "{msg}");
            }
        }
        // And through format detection, as a user opens it.
        let _ = load_bytes(&bytes, "damaged.xml");
    }

    #[test]
    fn deep_nesting_is_refused_or_read_not_overflowed(depth in 1usize..5000) {
        let xml = format!(
            "<akomaNtoso><statement><mainBody>{}text{}</mainBody></statement></akomaNtoso>",
            "<paragraph>".repeat(depth),
            "</paragraph>".repeat(depth)
        );
        match akn::read(xml.as_bytes(), "deep.xml") {
            Err(e) => prop_assert!(!e.to_string().contains('\n')),
            // Real documents nest a dozen levels; far deeper is refused.
            Ok(_) => prop_assert!(depth < 300, "{depth} levels read"),
        }
    }
}

#[test]
fn the_undamaged_file_reads() {
    let doc = akn::read(REAL, "real.xml").expect("a real file reads");
    assert_eq!(doc.resolutions.len(), 1);
    assert!(doc.footnotes.len() > 1);
}
