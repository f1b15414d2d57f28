//! Model UN drafts head their text with `KEY: value` lines in many styles
//! (NMUN `Code:`/`Committee:`/`Topic:`, THIMUN `FORUM:`/`QUESTION OF:`,
//! `COMMITTEE:`/`AGENDA:`/`SPONSORS:`/`SIGNATORIES:`). Each line is its own
//! field, never run into the one before.

use reso::document::{Document, load_bytes};

fn read(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/mun/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    load_bytes(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

#[test]
fn an_agenda_line_is_the_topic_not_part_of_the_committee() {
    let doc = read("draft-1.1-surveillance.txt");
    let res = &doc.resolutions[0];
    assert_eq!(res.code, "Draft Resolution 1.1");
    assert_eq!(res.committee.as_deref(), Some("United Nations General Assembly"));
    assert_eq!(
        res.topic.as_deref(),
        Some("Legality and Ethics of State Surveillance in the Name of National Security")
    );
    assert_eq!(res.sponsors, ["Canada", "Austria", "Nepal"]);
    assert_eq!(res.signatories, ["Argentina", "Japan", "Kenya"]);
    assert_eq!((res.preamble.len(), res.operative.len()), (4, 4));
}

#[test]
fn other_header_keys_of_model_un_drafts() {
    let text = "Submitted to: Human Rights Council\nAgenda item: The right to privacy\n\
                Sponsored by: Chile, Ghana\nCo-sponsors: Japan\n\nThe Human Rights Council,\n\n\
                Recalling its resolutions,\n\n1. Decides to remain seized of the matter.\n";
    let doc = load_bytes(text.as_bytes(), "hrc.txt").expect("reads");
    let res = &doc.resolutions[0];
    assert_eq!(res.committee.as_deref(), Some("Human Rights Council"));
    assert_eq!(res.topic.as_deref(), Some("The right to privacy"));
    assert_eq!(res.sponsors, ["Chile", "Ghana", "Japan"]);
    assert_eq!((res.preamble.len(), res.operative.len()), (1, 1));
}
