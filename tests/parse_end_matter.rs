//! Issue #11, what was still not read exactly: footnote numbers set apart
//! by a space, a vote stated only in a footnote, signature blocks, the
//! margin-numbered booklet, a heading run into its paragraph, items after
//! a colon, and paragraph numbers out of sequence. Each fixture is an
//! excerpt in the layout a converter produces (`tests/fixtures/layouts/
//! end_matter/`); what each test expects is what the document itself
//! prints (its numbers, its footnote bodies, its table), never reso's
//! output.

use std::path::PathBuf;

use reso::document::load_bytes;
use reso::document::model::{Clause, Document, Resolution, Vote};

fn fixture(name: &str) -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/layouts/end_matter").join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    load_bytes(&bytes, name).expect("reads")
}

fn labels(list: &[Clause]) -> Vec<&str> {
    list.iter().map(|c| c.label.as_str()).collect()
}

fn resolution<'a>(doc: &'a Document, code: &str) -> &'a Resolution {
    doc.resolutions.iter().find(|r| r.code == code).unwrap_or_else(|| panic!("no {code} in {:?}", codes(doc)))
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.resolutions.iter().map(|r| r.code.as_str()).collect()
}

fn starts(clause: &Clause, words: &str) -> bool {
    clause.text.trim_start_matches('*').starts_with(words)
}

/// An NMUN booklet copied from its PDF: front pages without line numbers,
/// each resolution numbered in the margin from 1, "Page N" at page feet,
/// and the adopted-resolutions table wrapped over two lines.
#[test]
fn margin_numbered_booklet_keeps_its_table_votes_and_paragraphs() {
    let doc = fixture("nmun_margin_booklet.txt");
    assert_eq!(codes(&doc), ["GA1/1/1", "GA1/1/2", "GA1/1/3"]);
    // The table, as printed: the second row's vote wraps onto the next
    // line, the third's sits alone under its topic.
    let votes: Vec<Option<Vote>> = doc.front.adopted.iter().map(|r| r.vote).collect();
    let rec = |a, b, c| Some(Vote::Recorded { in_favour: a, against: b, abstentions: c });
    assert_eq!(votes, [Some(Vote::WithoutVote), rec(45, 12, 8), rec(51, 3, 11)]);
    assert_eq!(doc.front.adopted[1].topic, "Addressing the Illicit Trade in Small Arms and Light Weapons");
    assert_eq!(resolution(&doc, "GA1/1/2").vote, rec(45, 12, 8));
    assert_eq!(resolution(&doc, "GA1/1/3").vote, rec(51, 3, 11));

    // GA1/1/1 prints five preambular paragraphs, two of them after the
    // "Page 3" break; operative 1 has items a and b.
    let first = resolution(&doc, "GA1/1/1");
    let openings = ["Recalling", "Guided by", "Alarmed by", "Noting with concern", "Bearing in mind"];
    assert_eq!(first.preamble.len(), openings.len(), "{:#?}", first.preamble);
    for (c, o) in first.preamble.iter().zip(openings) {
        assert!(starts(c, o), "{} does not open with {o}", c.text);
    }
    assert_eq!(labels(&first.operative), ["1", "2"]);
    assert_eq!(labels(&first.operative[0].children), ["a", "b"]);
    // No margin number is left in the text.
    assert!(first.preamble[0].text.contains("Illicit Trade in Small Arms"), "{}", first.preamble[0].text);

    let second = resolution(&doc, "GA1/1/2");
    assert_eq!(second.preamble.len(), 3);
    assert!(starts(&second.preamble[1], "Deeply concerned"));
    // "Article 51" is in the text, not a margin number.
    assert!(second.preamble[0].text.contains("Article 51 of the Charter"));
    assert_eq!(labels(&second.operative), ["1", "2"]);
    assert!(doc.unplaced.is_empty(), "{:?}", doc.unplaced);
    // The staff's names over their titles head the booklet: front matter,
    // not a resolution's signature.
    let staff: Vec<&str> = doc.front.staff.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(staff, ["Maria Alvarez", "Director", "Jonas Becker", "Chair"]);
}

/// `pdftotext -layout` sets a footnote's superscript number apart by a
/// space ("Court 1 reaffirms", "Court 4 to become"): each is a marker,
/// taken out and linked to its footnote, because a footnote with that
/// number is printed at the page foot and it comes next in sequence. The
/// numbers in prose around them ("in 3 cases" when 3 is the next
/// footnote, "article 4" when 4 is, "1 January", "Article 51",
/// "resolution 1325", "paragraph 2 of") stay.
#[test]
fn footnote_numbers_set_apart_by_a_space_are_markers_only_on_evidence() {
    let doc = fixture("A_RES_80_6.spaced-markers.txt");
    let res = resolution(&doc, "A/RES/80/6");
    assert_eq!(res.preamble.len(), 5);
    assert_eq!(labels(&res.operative), ["1", "2", "3"]);
    let text = |id: &str| {
        res.all_clauses().find(|c| c.id == id).map(|c| c.text.to_string()).unwrap_or_else(|| panic!("no {id}"))
    };
    // The markers, where the page prints them, are gone …
    assert!(text("A/RES/80/6:pre.2").contains("Criminal Court for the period"), "{}", text("A/RES/80/6:pre.2"));
    assert!(text("A/RES/80/6:pre.3").contains("Criminal Court reaffirms"), "{}", text("A/RES/80/6:pre.3"));
    assert!(text("A/RES/80/6:pre.5").contains("Criminal Court, and Article 51"), "{}", text("A/RES/80/6:pre.5"));
    assert!(text("A/RES/80/6:op.2").contains("Criminal Court to become"), "{}", text("A/RES/80/6:op.2"));
    // … the numbers of the prose stay.
    for (id, prose) in [
        ("A/RES/80/6:pre.2", "from 1 August 2024"),
        ("A/RES/80/6:pre.3", "article 12, paragraph 2 of the Statute"),
        ("A/RES/80/6:pre.4", "in 3 cases"),
        ("A/RES/80/6:pre.4", "on 1 January 2025"),
        ("A/RES/80/6:pre.5", "Article 51"),
        ("A/RES/80/6:op.1", "under article 4 of the Statute"),
        ("A/RES/80/6:op.2", "resolution 1325 (2000)"),
        ("A/RES/80/6:op.3", "paragraph 1 of article 6"),
    ] {
        assert!(text(id).contains(prose), "{id} lost {prose:?}: {}", text(id));
    }
    // Each footnote body (page feet) is linked to the paragraph that
    // carried its marker.
    let links: Vec<(&str, Option<&str>)> =
        doc.footnotes.iter().map(|f| (f.marker.as_str(), f.clause.as_deref())).collect();
    assert_eq!(
        links,
        [
            ("1", Some("A/RES/80/6:pre.2")),
            ("2", Some("A/RES/80/6:pre.3")),
            ("3", Some("A/RES/80/6:pre.5")),
            ("4", Some("A/RES/80/6:op.2"))
        ]
    );
    assert!(doc.unplaced.is_empty(), "{:?}", doc.unplaced);
}

/// The GA prints a vote in a footnote on the resolution's title ("80/53.
/// Convening … disarmament¹", "¹ Adopted by a recorded vote of 120 to 5,
/// with 10 abstentions."): it is the resolution's vote, and the title
/// keeps no marker. A footnote on a clause that cites another resolution
/// states that one's vote, not this one's.
#[test]
fn a_vote_stated_in_the_titles_footnote_is_the_resolutions() {
    let doc = fixture("A_RES_80_53.vote-footnote.txt");
    let res = resolution(&doc, "A/RES/80/53");
    assert_eq!(res.vote, Some(Vote::Recorded { in_favour: 120, against: 5, abstentions: 10 }));
    assert_eq!(
        res.meta.title.as_deref(),
        Some("80/53. Convening of the fourth special session of the General Assembly devoted to disarmament")
    );
    assert_eq!(res.preamble.len(), 2);
    assert!(res.preamble[0].text.ends_with("2 December 2024,"), "{}", res.preamble[0].text);
    assert_eq!(labels(&res.operative), ["1", "2"]);

    let doc = fixture("A_RES_80_54.clause-footnote.txt");
    let res = resolution(&doc, "A/RES/80/54");
    assert_eq!(res.vote, None, "the vote of resolution 79/61 is not this one's");
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].clause.as_deref(), Some("A/RES/80/54:pre.1"));
}

fn header_texts(res: &Resolution) -> Vec<&str> {
    res.header.iter().map(|h| h.text.as_str()).collect()
}

/// A signature block closes a letter annexed to a resolution, or a
/// conference's resolution: its lines are the resolution's end matter
/// (kept in its header, in order), never a clause and never glued onto
/// the last paragraph.
#[test]
fn signature_blocks_are_end_matter() {
    let doc = fixture("S_RES_686_annex_letter.txt");
    let res = resolution(&doc, "S/RES/686 (1991)");
    assert_eq!(res.preamble.len(), 2);
    assert_eq!(labels(&res.operative), ["1", "2"]);
    assert!(res.operative[1].text.ends_with("seized of the matter."), "{}", res.operative[1].text);
    let letter = &res.annexes[0];
    let last = letter.preamble.iter().chain(&letter.operative).last().expect("the letter's paragraphs");
    assert!(last.text.ends_with("a document of the Security Council."), "{}", last.text);
    let header = header_texts(res);
    let block =
        ["(Signed) Abdul Amir A. AL-ANBARI", "Ambassador", "Permanent Representative", "New York, 27 February 1991"];
    assert!(header.ends_with(&block), "{header:?}");
    for c in res.all_clauses() {
        assert!(!c.text.contains("Signed") && !c.text.contains("Ambassador"), "{}: {}", c.id, c.text);
    }
    assert!(doc.unplaced.is_empty(), "{:?}", doc.unplaced);

    let doc = fixture("mun_chair_signature.txt");
    let res = resolution(&doc, "HRC/2/1");
    assert_eq!(res.preamble.len(), 2);
    assert_eq!(labels(&res.operative), ["1", "2"]);
    assert!(res.operative[1].text.ends_with("fifty-ninth session."), "{}", res.operative[1].text);
    assert!(res.operative.iter().all(|c| c.section.is_none()), "a name is no heading");
    assert!(
        header_texts(res).ends_with(&[
            "Sofia Martínez Ortega",
            "Chair",
            "Human Rights Council",
            "Geneva, 12 April 2025"
        ]),
        "{:?}",
        header_texts(res)
    );
    assert!(doc.unplaced.is_empty(), "{:?}", doc.unplaced);
}

/// Items printed after a numbered paragraph's colon, on its line and on
/// the wrapped lines after it: `2. Requests …: (a) …; (b) …; and (c) …`,
/// `3. Decides that: a) …; b) …`, `4. … on: (i) …;` then `(ii) …` on its
/// own line. The same text as pandoc writes it (`2\.`, `\(a\)`). A
/// reference to an item ("paragraph 2 (a) above") stays in its sentence.
#[test]
fn items_after_a_colon_are_the_paragraphs_items() {
    for name in ["items_after_colon.wrapped.txt", "items_after_colon.md"] {
        let doc = fixture(name);
        let res = resolution(&doc, "A/RES/80/120");
        assert_eq!(res.preamble.len(), 1, "{name}");
        assert_eq!(labels(&res.operative), ["1", "2", "3", "4", "5"], "{name}");
        let items: Vec<Vec<&str>> = res.operative.iter().map(|c| labels(&c.children)).collect();
        assert_eq!(items, [vec![], vec!["a", "b", "c"], vec!["a", "b"], vec!["i", "ii"], vec![]], "{name}");
        let op2 = &res.operative[1];
        assert!(op2.text.ends_with("the Secretary-General:"), "{name}: {}", op2.text);
        assert!(op2.children[0].text.starts_with("to report to the General Assembly"), "{name}");
        assert!(op2.children[0].text.ends_with("on progress made;"), "{name}: {}", op2.children[0].text);
        assert!(op2.children[2].text.ends_with("on the matter;"), "{name}");
        assert!(res.operative[4].text.contains("paragraph 2"), "{name}");
        assert!(doc.unplaced.is_empty(), "{name}: {:?}", doc.unplaced);
        let ids: Vec<&str> = res.all_clauses().map(|c| c.id.as_str()).collect();
        assert!(ids.contains(&"A/RES/80/120:op.2.c"), "{name}: {ids:?}");
    }
}

/// A Model UN resolution printed with a paragraph number twice (4, 4) and
/// one skipped (5, 7): the printed numbers are kept, every paragraph
/// stays its own, ids stay unique, and `reso outline` says what is out of
/// sequence.
#[test]
fn numbers_out_of_sequence_are_kept_and_reported() {
    let doc = fixture("out_of_sequence.txt");
    let res = resolution(&doc, "ECOSOC/1/2");
    assert_eq!(labels(&res.operative), ["1", "2", "3", "4", "4", "5", "7"]);
    assert!(starts(&res.operative[4], "Requests the Secretary-General"));
    assert!(starts(&res.operative[6], "Decides to remain"));
    let ids: Vec<&str> = res.operative.iter().map(|c| c.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    assert_eq!(ids[6], "ECOSOC/1/2:op.7");
    let outline = reso::export::outline::outline(std::slice::from_ref(&doc));
    assert!(outline.contains("paragraph 4 is printed twice"), "{outline}");
    assert!(outline.contains("paragraph 7 follows paragraph 5"), "{outline}");
    assert_eq!(doc.notices.len(), 2, "{:?}", doc.notices);

    // In sequence (1 to 5), nothing is said.
    let doc = fixture("items_after_colon.wrapped.txt");
    assert!(doc.notices.is_empty(), "{:?}", doc.notices);
}

/// A declaration annexed to a resolution whose section headings carry no
/// numeral, run by the PDF's text into the paragraph after them ("Global
/// context 3. We gather …"): the heading is cut off where the next number
/// in sequence begins and heads the paragraphs after it. The annex's
/// title wraps over two lines.
#[test]
fn an_unlabelled_heading_run_into_its_paragraph_is_cut_off() {
    let doc = fixture("A_RES_80_3.run-in-headings.txt");
    let res = resolution(&doc, "A/RES/80/3");
    let annex = &res.annexes[0];
    assert!(annex.title.contains("Political declaration of the high-level meeting"), "{}", annex.title);
    assert!(annex.preamble.is_empty(), "the title is no paragraph: {:?}", annex.preamble);
    assert_eq!(labels(&annex.operative), ["1", "2", "3", "4", "5", "6", "7"]);
    let sections: Vec<Option<&str>> = annex.operative.iter().map(|c| c.section.as_deref()).collect();
    let (g, c, f) = (Some("Global context"), Some("Commitments to action"), Some("Follow-up"));
    assert_eq!(sections, [None, None, g, g, c, c, f]);
    for p in &annex.operative {
        assert!(starts(p, "We"), "{}: {}", p.id, p.text);
    }
    assert!(annex.operative[3].text.ends_with("uneven and insufficient;"), "{}", annex.operative[3].text);
    assert!(doc.notices.is_empty(), "{:?}", doc.notices);
    assert!(doc.unplaced.is_empty(), "{:?}", doc.unplaced);
}
