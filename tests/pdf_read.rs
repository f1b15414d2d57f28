//! PDFs that cannot be read give one clear message, never a panic or a
//! hang: a scan without text, an encrypted file, a truncated file, a
//! drawing that draws itself, and (property test) any mutation of a real
//! resolution PDF: bytes flipped, cut, deleted or inserted, PDF syntax
//! inserted (nesting, `q`/`BT`, references, state operators), a `/Length`
//! made to lie.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use proptest::prelude::*;
use reso::document::load_bytes;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn error_of(name: &str) -> String {
    match load_bytes(&fixture(name), name) {
        Ok(doc) => panic!("{name} read as {} resolutions", doc.resolutions.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_scan_needs_ocr() {
    let e = error_of("pdf/scanned.pdf");
    assert!(e.contains("no text layer") && e.contains("OCR"), "{e}");
}

#[test]
fn an_encrypted_pdf_says_so() {
    let e = error_of("pdf/encrypted.pdf");
    assert!(e.contains("encrypted"), "{e}");
}

#[test]
fn a_pdf_protected_only_against_editing_opens() {
    // Encrypted with an empty user password: every viewer opens it.
    let doc = load_bytes(&fixture("pdf/owner-only.pdf"), "owner-only.pdf").expect("opens");
    assert_eq!(doc.format, "pdf");
    let clauses: Vec<String> = doc
        .resolutions
        .iter()
        .flat_map(|r| r.preamble.iter().chain(&r.operative))
        .map(|c| c.text.to_string())
        .collect();
    assert!(clauses.iter().any(|t| t.contains("remain seized")), "{clauses:?}");
}

#[test]
fn a_truncated_pdf_is_damaged() {
    let e = error_of("pdf/truncated.pdf");
    assert!(e.contains("damaged"), "{e}");
    assert_eq!(e.lines().count(), 1, "{e}");
}

#[test]
fn a_drawing_that_draws_itself_is_refused_not_followed() {
    let e = error_of("pdf/self-drawing.pdf");
    assert!(e.contains("damaged") && e.contains("refer to themselves"), "{e}");
}

/// Reading on a thread, so a hang shows as a failed deadline instead of a
/// test run that never ends. The deadline is far above a normal read
/// (~20 ms): it catches endless loops, not slowness.
fn read_within_deadline(bytes: Vec<u8>) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome = load_bytes(&bytes, "mutated.pdf").map(|_| ()).map_err(|e| e.to_string());
        let _ = tx.send(outcome);
    });
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(message)) => {
            if message.lines().count() == 1 && !message.is_empty() {
                Ok(())
            } else {
                Err(format!("not one line: {message:?}"))
            }
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err("no answer within the deadline".to_string()),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("the reader panicked".to_string()),
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    /// A piece of PDF syntax that changes structure (nesting, state,
    /// lengths, references), where random bytes rarely do.
    Token(usize, usize),
    /// The `n`th `/Length` made to lie.
    Length(usize, u32),
}

const TOKENS: [&[u8]; 12] = [
    b" q ",
    b" Q ",
    b" BT ",
    b" ET ",
    b" [",
    b" <<",
    b" /Length 999999999 ",
    b" 1 0 R ",
    b"\nstream\n",
    b"\nendobj\n",
    b" 2 0 0 2 0 0 cm ",
    b" /F1 0 Tf ",
];

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Truncate(at) => bytes.truncate(at % len),
            Mutation::Flip(at, mask) => {
                if let Some(b) = bytes.get_mut(at % len) {
                    *b ^= mask | 1;
                }
            }
            Mutation::Delete(at, n) => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                bytes.drain(start.min(end)..end);
            }
            Mutation::Insert(at, junk) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, junk.iter().copied());
            }
            Mutation::Token(at, which) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, TOKENS[which % TOKENS.len()].iter().copied());
            }
            Mutation::Length(n, value) => {
                let found: Vec<usize> =
                    bytes.windows(8).enumerate().filter(|(_, w)| w == b"/Length ").map(|(i, _)| i + 8).collect();
                if let Some(&at) = found.get(n % found.len().max(1)) {
                    let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
                    bytes.splice(at..end, value.to_string().into_bytes());
                }
            }
        }
    }
    bytes
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(a, m)| Mutation::Flip(a, m)),
        (any::<usize>(), 1usize..400).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..40)).prop_map(|(a, j)| Mutation::Insert(a, j)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, t)| Mutation::Token(a, t)),
        (any::<usize>(), any::<u32>()).prop_map(|(n, v)| Mutation::Length(n, v)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn a_mutated_pdf_never_panics_or_hangs(
        which in 0usize..3,
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let name = ["real/pdf/N1740638.pdf", "real/pdf/N1731586.pdf", "pdf/text.pdf"][which];
        let bytes = apply(fixture(name), &mutations);
        prop_assert_eq!(read_within_deadline(bytes), Ok(()));
    }
}
