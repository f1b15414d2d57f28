//! The parser on real documents: the bundled NMUN sample and the Security
//! Council texts, with exact counts, ids, phrases and votes.

mod common;

use common::*;
use reso::document::{Vote, sample};

#[test]
fn sample_has_the_four_resolutions_with_exact_counts() {
    let doc = sample();
    let codes: Vec<&str> = doc.resolutions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["CCPCJ/1/1", "CCPCJ/1/2", "CCPCJ/1/3", "CCPCJ/1/4"]);
    let expected = [(8, 7, 15, 3), (11, 8, 23, 6), (28, 10, 35, 8), (9, 18, 33, 4)];
    for (res, want) in doc.resolutions.iter().zip(expected) {
        assert_eq!(counts(res), want, "{}", res.code);
    }
    assert!(doc.unplaced.is_empty(), "{:?}", doc.unplaced);
}

#[test]
fn sample_annex_and_votes() {
    let doc = sample();
    let r4 = &doc.resolutions[3];
    assert_eq!(r4.annexes.len(), 1);
    assert_eq!(r4.annexes[0].operative.len(), 1);
    assert_eq!(r4.annexes[0].operative[0].children.len(), 3);
    assert_eq!(r4.annexes[0].operative[0].id, "CCPCJ/1/4:annex1.op.1");
    let votes: Vec<Option<Vote>> = doc.resolutions.iter().map(|r| r.vote).collect();
    assert_eq!(
        votes,
        [
            Some(Vote::WithoutVote),
            Some(Vote::WithoutVote),
            Some(Vote::Recorded { in_favour: 21, against: 9, abstentions: 11 }),
            Some(Vote::Recorded { in_favour: 28, against: 4, abstentions: 9 }),
        ]
    );
    for r in &doc.resolutions {
        assert_eq!(r.committee.as_deref(), Some("The Commission on Crime Prevention and Criminal Justice"));
        assert!(r.topic.as_deref().is_some_and(|t| t.starts_with("Improving the Coordination")));
    }
}

#[test]
fn sample_ids_phrases_and_text() {
    let doc = sample();
    let c = find(&doc, "CCPCJ/1/4:op.17.d");
    assert!(c.text.starts_with("Providing victims with 24-hour rapid"), "{}", c.text);
    let c = find(&doc, "CCPCJ/1/2:op.1.a.iv");
    assert_eq!(c.label, "iv");
    assert!(c.text.starts_with("The amount of arrests"));
    assert_eq!(find(&doc, "CCPCJ/1/1:op.5").phrase(), "Further recommends");
    assert_eq!(find(&doc, "CCPCJ/1/1:op.6").phrase(), "Suggests that");
    assert_eq!(find(&doc, "CCPCJ/1/3:pre.27").phrase(), "Fully aware of");
    assert_eq!(find(&doc, "CCPCJ/1/3:pre.9").phrase(), "Taking into account");
    // Emphasis is kept in the text.
    let op1 = find(&doc, "CCPCJ/1/1:op.1");
    assert!(op1.text.starts_with("*Encourages* Member States"), "{}", op1.text);
    assert!(find(&doc, "CCPCJ/1/1:pre.1").text.contains("*2030 Agenda for Sustainable Development*"));
    // `iii` after a blank line and a stray `- ` is still a numeral under `a`.
    assert_eq!(find(&doc, "CCPCJ/1/1:op.5.a.iii").label, "iii");
    // Ids are unique.
    let mut ids: Vec<&str> = doc.all_clauses().map(|c| c.id.as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(n, ids.len());
}

#[test]
fn sample_front_matter() {
    let doc = sample();
    let f = &doc.front;
    assert_eq!(f.conference.as_deref(), Some("Conference A"));
    assert_eq!(f.dates.as_deref(), Some("6 - 10 April 2025"));
    assert!(f.body.as_deref().is_some_and(|b| b.contains("(CCPCJ)")));
    assert_eq!(f.agenda.len(), 2);
    assert_eq!(f.adopted.len(), 4);
    assert_eq!(f.adopted[2].code, "CCPCJ/1/3");
    assert!(f.summary.len() >= 4);
    assert_eq!(doc.footnotes.len(), 1);
    assert!(doc.footnotes[0].text.starts_with("National Model United Nations"));
    assert_nothing_lost(reso::document::SAMPLE_TEXT, &doc);
}

#[test]
fn security_council_1445() {
    let doc = fixture("S_RES_1445_2002.txt");
    let res = &doc.resolutions[0];
    assert_eq!(res.code, "S/RES/1445 (2002)");
    assert_eq!(res.committee.as_deref(), Some("Security Council"));
    assert_eq!(res.formula.as_deref(), Some("The Security Council,"));
    assert_eq!((res.preamble.len(), res.operative.len()), (8, 25));
    // The paragraph interrupted by a job number and running header is whole.
    let op2 = find(&doc, "S/RES/1445 (2002):op.2");
    assert!(op2.text.contains("as well as progress in the implementation"), "{}", op2.text);
    assert!(!op2.text.contains("02-72318"));
    let op9 = find(&doc, "S/RES/1445 (2002):op.9");
    assert!(op9.text.contains("an inclusive agreement on the political transition"));
    // Six dash bullets under paragraph 13.
    assert_eq!(find(&doc, "S/RES/1445 (2002):op.13").children.len(), 6);
    assert_eq!(find(&doc, "S/RES/1445 (2002):op.13.p4").phrase(), "Calls also");
    // A hyphen at a line end joins the word back.
    assert!(find(&doc, "S/RES/1445 (2002):op.7").text.contains("ex-combatants who may not"));
    assert_eq!(find(&doc, "S/RES/1445 (2002):pre.3").phrase(), "Reaffirming further");
    assert!(!doc.furniture.is_empty());
    let text = std::fs::read_to_string(fixture_path("S_RES_1445_2002.txt")).unwrap();
    assert_nothing_lost(&text, &doc);
}

#[test]
fn security_council_898_heading_and_nbsp_lines() {
    let doc = fixture("S_RES_0898_1994.txt");
    let res = &doc.resolutions[0];
    assert_eq!(res.code, "S/RES/898 (1994)");
    assert_eq!((res.preamble.len(), res.operative.len()), (11, 21));
    assert_eq!(find(&doc, "S/RES/898 (1994):pre.2").phrase(), "Having considered");
    // The inline "(a) … (b) … (c)" enumeration stays inside paragraph 4.
    let op4 = find(&doc, "S/RES/898 (1994):op.4");
    assert!(op4.children.is_empty());
    assert!(op4.text.contains("(c) the withdrawal of military observers"));
    let text = std::fs::read_to_string(fixture_path("S_RES_0898_1994.txt")).unwrap();
    assert_nothing_lost(&text, &doc);
}

#[test]
fn security_council_1454_two_annexes() {
    let doc = fixture("S_RES_1454_2002.txt");
    let res = &doc.resolutions[0];
    assert_eq!((res.preamble.len(), res.operative.len()), (6, 5));
    assert_eq!(res.annexes.len(), 2);
    assert!(res.annexes[0].title.starts_with("Annex A"));
    assert!(res.annexes[1].title.starts_with("Annex B — Goods Review List procedures"));
    assert_eq!(res.annexes[1].operative.first().map(|c| c.id.as_str()), Some("S/RES/1454 (2002):annex2.op.1"));
    // `b.1` … `b.6` are points under (b) of item (6).
    let b = find(&doc, "S/RES/1454 (2002):annex1.op.6.b");
    assert_eq!(b.children.len(), 6);
    assert_eq!(b.children[0].label, "b.1");
    // Running headers are not in the text.
    assert!(doc.all_clauses().all(|c| !c.text.contains("S/RES/1454 (2002)")));
    let text = std::fs::read_to_string(fixture_path("S_RES_1454_2002.txt")).unwrap();
    assert_nothing_lost(&text, &doc);
}
