//! One small hand-made text for each way official UN and Model UN layouts
//! were misread (issue #11, causes 1–7). The expected structure is what
//! each text prints: its symbol, its numbers, its headings.

mod common;

use common::*;
use reso::document::{Document, Vote, load_bytes};

fn load(text: &str, name: &str) -> Document {
    let doc = load_bytes(text.as_bytes(), name).expect("decodes");
    assert_nothing_lost(text, &doc);
    doc
}

// 1. The code is the printed symbol, else a symbol in the file name, else
//    the file stem: never `---`, a heading or a session line.

const MARKDOWN_GA: &str = "---
symbol: A/RES/80/53
title: \"Strengthening the coordination of efforts\"
---

United Nations

General Assembly

Eightieth session

Agenda item 27

Resolution adopted by the General Assembly on 5 December 2025

[on the report of the Third Committee (A/80/471)]

**80/53. Strengthening the coordination of efforts**

*The General Assembly*,

*Recalling* its resolution 64/293 of 30 July 2010,[^1]

*Deeply concerned* about the number of victims,

1\\. *Urges* Member States to ratify the Protocol;

2\\. *Calls upon* Member States to cooperate, by:

\\(a\\) Sharing information on routes;

\\(b\\) Training officials;

3\\. *Decides* to remain seized of the matter.

[^1]: Resolution 64/293, annex; see also
    A/64/L.64.
";

#[test]
fn cause_1_code_is_the_printed_symbol() {
    let doc = load(MARKDOWN_GA, "trafficking.md");
    let [res] = doc.resolutions.as_slice() else { panic!("{} resolutions", doc.resolutions.len()) };
    assert_eq!(res.code, "A/RES/80/53");
    assert_eq!(res.preamble[0].id, "A/RES/80/53:pre.1");
    assert_eq!(res.topic.as_deref(), Some("Strengthening the coordination of efforts"));
    // The document is known by its symbol too (its notes are keyed by it).
    assert_eq!(doc.title, "A/RES/80/53");

    // A Security Council resolution of 1949 printed with its number only.
    let sc = "78 (1949). Resolution of 18 October 1949\n\nThe Security Council,\n\n\
              Having received the report,\n\nRequests the Secretary-General to transmit it.\n";
    let doc = load(sc, "sc78.txt");
    assert_eq!(doc.resolutions[0].code, "S/RES/78 (1949)");

    // Nothing but a session line: the symbol in the file name.
    let bare = "United Nations\n\nSeventy-second session\n\nThe General Assembly,\n\n\
                Recalling its resolutions,\n\n1. Decides to continue;\n";
    assert_eq!(load(bare, "dir/A_RES_72_5.txt").resolutions[0].code, "A/RES/72/5");
    assert_eq!(load(bare, "dir/budget.txt").resolutions[0].code, "budget");
}

#[test]
fn cause_2_markdown_escaped_numbers_are_numbers() {
    let doc = load(MARKDOWN_GA, "trafficking.md");
    let res = &doc.resolutions[0];
    assert_eq!(counts(res), (2, 3, 2, 0));
    assert_eq!(find(&doc, "A/RES/80/53:op.2.b").text, "Training officials;");
    assert_eq!(find(&doc, "A/RES/80/53:op.1").phrase(), "Urges");
}

// 3. End matter is neither a clause nor glued onto one.

const PDF_END_MATTER: &str = "United Nations A/RES/80/6

General Assembly Distr.: General
20 November 2025

Resolution adopted by the General Assembly on 11 November 2025

80/6. Report of the International Criminal Court

The General Assembly,

Recalling that the Rome Statute of the International Criminal Court1 reaffirms
the purposes of the Charter,

Welcoming the report of the Court,2

1. Welcomes the Paris Agreement;3

---

2. Decides to include the item in its provisional agenda.

_______________
1 United Nations, Treaty Series, vol. 2187, No. 38544.
2 A/80/305.
3 See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.

25-18562 (E) 201125
*2518562*
";

#[test]
fn cause_3_end_matter_is_footnotes_and_furniture() {
    let doc = load(PDF_END_MATTER, "icc.txt");
    let res = &doc.resolutions[0];
    assert_eq!(counts(res), (2, 2, 0, 0));
    assert_eq!(doc.footnotes.len(), 3);
    assert_eq!(doc.footnotes[2].text, "See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.");
    assert!(res.preamble[0].text.contains("Criminal Court reaffirms"), "{}", res.preamble[0].text);
    assert_eq!(res.operative[0].text, "Welcomes the Paris Agreement;");
    assert_eq!(res.operative[1].text, "Decides to include the item in its provisional agenda.");

    // Word's plain text: notes gathered at the end, one a line.
    let word = "The General Assembly,\r\nRecalling its resolution 75/1,1\r\n1.\tDecides to act;2\r\n\
                2.\tRequests a report.\r\n1\tResolution 75/1.\r\n2\tA/80/1.\r\n";
    let doc = load(word, "word.txt");
    assert_eq!(counts(&doc.resolutions[0]), (1, 2, 0, 0));
    assert_eq!(doc.footnotes.iter().map(|f| f.marker.as_str()).collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!(doc.resolutions[0].operative[1].text, "Requests a report.");
}

// 5. Unnumbered operative paragraphs are read by their verb.

#[test]
fn cause_5_unnumbered_operative_paragraphs() {
    let sc = "Resolution 78 (1949) of 18 October 1949

The Security Council,

Having received and examined the proposals of the Commission,

Noting the report,

Approves the proposals contained in the report;

Requests the Secretary-General to transmit them.
";
    let doc = load(sc, "sc.txt");
    let res = &doc.resolutions[0];
    assert_eq!(counts(res), (2, 2, 0, 0));
    assert_eq!(res.operative[1].phrase(), "Requests");

    // A numbered operative part keeps a misdrafted verb in the preamble.
    let mun =
        "The General Assembly,\n\nRecalling the Charter,\n\nEncourages Member States to act,\n\n1. Decides to act;\n";
    assert_eq!(counts(&load(mun, "mun.txt").resolutions[0]), (2, 1, 0, 0));
}

// 6. Headings, parts, formulas and page breaks.

const PARTS_AND_SECTIONS: &str = "United Nations A/RES/80/12 A-B

Resolutions adopted by the General Assembly on 4 December 2025

80/12. Questions relating to information

A

Information in the service of humanity

The General Assembly,

Taking note of the report of the Committee,

Urges all countries:

(a) To cooperate;

(b) To ensure the free performance of journalists;

52nd plenary meeting
4 December 2025

B

Global communications policies

The General Assembly,

Emphasizing that the Committee is its main body,

Reaffirming its resolution 13 (I) of 13 February 1946, by which the

25-20123 (E)
*2520123*
1/2

A/RES/80/12 A-B     Questions relating to information

Technical Experts group was established,

I

Introduction

1. Requests the Secretary-General to continue;

News services

2. Stresses the central objective of the news services;

II

Final remarks

3. Decides to include the item.
";

#[test]
fn cause_6_parts_sections_and_page_breaks() {
    let doc = load(PARTS_AND_SECTIONS, "info.txt");
    let codes: Vec<&str> = doc.resolutions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["A/RES/80/12 A", "A/RES/80/12 B"]);
    let (a, b) = (&doc.resolutions[0], &doc.resolutions[1]);
    assert_eq!(counts(a), (1, 1, 2, 0));
    assert_eq!(a.meta.title.as_deref(), Some("A. Information in the service of humanity"));
    // The paragraph broken by the page goes on after the running header.
    assert_eq!(counts(b), (2, 3, 0, 0));
    assert!(b.preamble[1].text.ends_with("by which the Technical Experts group was established,"));
    // Numbered sections; "News services" under I is a sub-heading.
    let sections: Vec<Option<&str>> = b.operative.iter().map(|c| c.section.as_deref()).collect();
    assert_eq!(sections, [Some("I — Introduction"), Some("I — Introduction"), Some("II — Final remarks")]);

    // Two resolutions in one file, no symbols: each formula opens one.
    let two = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n\
               The Security Council,\n\nNoting the report,\n\n1. Requests a report;\n";
    assert_eq!(load(two, "two.txt").resolutions.len(), 2);

    // Unnumbered headings make the sections of a resolution without numbered ones.
    let headed = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n\
                  Human rights, governance and the rule of law\n\n2. Urges respect;\n\nRefugees\n\n3. Calls for return;\n";
    let doc = load(headed, "headed.txt");
    let sections: Vec<Option<&str>> = doc.resolutions[0].operative.iter().map(|c| c.section.as_deref()).collect();
    assert_eq!(sections, [None, Some("Human rights, governance and the rule of law"), Some("Refugees")]);
}

// 7. Header lines are kept and read into the resolution's metadata.

#[test]
fn cause_7_header_lines_become_metadata() {
    let text = &std::fs::read_to_string(common::fixture_path("a_res_80_6.txt")).expect("fixture");
    let doc = load(text, "icc.txt");
    let res = &doc.resolutions[0];
    let m = &res.meta;
    assert_eq!(m.title.as_deref(), Some("80/6. Report of the International Criminal Court"));
    assert_eq!(m.organ.as_deref(), Some("General Assembly"));
    assert_eq!(m.date.as_deref(), Some("11 November 2025"));
    assert_eq!(m.agenda_item.as_deref(), Some("Agenda item 73 (b)"));
    assert_eq!(m.origin.as_deref(), Some("[on the report of the First Committee (A/80/534, para. 7)]"));
    assert_eq!(m.meeting.as_deref(), Some("40th plenary meeting"));
    assert_eq!(res.vote, Some(Vote::Recorded { in_favour: 150, against: 2, abstentions: 12 }));
    assert_eq!(counts(res), (1, 1, 0, 0));
    assert_eq!(res.operative[0].text, "Decides to continue.");
    // In JSON too.
    let json = serde_json::to_value(res).expect("serialises");
    assert_eq!(json["meta"]["agenda_item"], "Agenda item 73 (b)");
}

// Model UN headers beside NMUN's `Code:` blocks.

#[test]
fn model_un_headers() {
    let thimun = "FORUM: Security Council\nQUESTION OF: The situation in the Sahel\n\
                  MAIN SUBMITTER: Ghana\nCO-SUBMITTERS: Chile, France and Japan\n\n\
                  THE SECURITY COUNCIL,\n\nDeeply concerned by the violence,\n\n1. Calls upon all parties to cease fire;\n";
    let doc = load(thimun, "sahel.txt");
    let res = &doc.resolutions[0];
    assert_eq!(res.committee.as_deref(), Some("Security Council"));
    assert_eq!(res.topic.as_deref(), Some("The situation in the Sahel"));
    // Co-submitters are co-sponsors.
    assert_eq!(res.sponsors, ["Ghana", "Chile", "France", "Japan"]);
    assert_eq!(counts(res), (1, 1, 0, 0));
    assert_eq!(res.code, "sahel");
}

// An unnumbered paragraph that opens with an operative verb and ends as an
// operative paragraph does is one of its own, wherever it stands: among
// preambular paragraphs (A/RES/72/1 "Adopts the following …:"), after a
// section's preambular paragraph (A/RES/72/18 section III) or between
// numbered paragraphs. A wrapped sentence and a comma-ended preambular
// paragraph are not.

#[test]
fn unnumbered_operative_paragraph_of_its_own() {
    let declaration = "The General Assembly

*Adopts* the following political declaration on the implementation of the Global Plan of Action:

Political declaration on the implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons

1. We, the States Members of the United Nations, reaffirm the Plan;

2. We recall our commitments.
";
    let res = &load(declaration, "decl.txt").resolutions[0];
    assert_eq!(counts(res), (0, 3, 0, 0));
    assert_eq!(res.operative[0].phrase(), "Adopts");
    let title = "Political declaration on the implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons";
    assert_eq!(res.operative[0].section, None);
    assert_eq!(res.operative[1].section.as_deref(), Some(title));
    assert_eq!(res.operative[2].section.as_deref(), Some(title));

    let sections = "The General Assembly,

I

Oversight

*Recalling* its resolutions,

1. *Reaffirms* its role;

II

Joint Inspection Unit

*Having considered* the reports of the Unit,[^3]

*Notes with appreciation* the reports of the Joint Inspection Unit.[^3][^4]

[^3]: A/72/34.
[^4]: A/72/35.
";
    let res = &load(sections, "sections.txt").resolutions[0];
    assert_eq!(counts(res), (2, 2, 0, 0));
    assert_eq!(res.operative[1].phrase(), "Notes with appreciation");
    assert_eq!(res.operative[1].section.as_deref(), Some("II — Joint Inspection Unit"));

    let between = "The General Assembly,

Recalling its resolution 70/1,

1. Requests the Secretary-General:

(a) To report;

(b) To consult;

Decides to include the item in its agenda;

2. Invites States to report, as they\nDecide, on the measures taken;

3. Stresses the role of the Committee.
";
    let res = &load(between, "between.txt").resolutions[0];
    assert_eq!(counts(res), (1, 4, 2, 0));
    assert_eq!(res.operative[1].label, "");
    assert_eq!(res.operative[1].phrase(), "Decides");
    assert_eq!(res.operative[0].children.len(), 2);
    assert!(res.operative[2].text.contains("Decide, on the measures"), "{}", res.operative[2].text);
}

// 4. Structure inside one line: each shape is cut where the next
//    paragraph begins; the line is claimed once (`Document::split_lines`).

#[test]
fn cause_4_formula_and_first_paragraph_on_one_line() {
    let text = "United Nations A/RES/80/9\n\nTHE GENERAL ASSEMBLY 1. Decides to convene the conference;\n\n\
                2. Requests the Secretary-General to report.\n";
    let res = &load(text, "a.txt").resolutions[0];
    assert_eq!(counts(res), (0, 2, 0, 0));
    assert_eq!(res.formula.as_deref(), Some("THE GENERAL ASSEMBLY"));
    assert_eq!(res.operative[0].label, "1");
    assert_eq!(res.operative[0].text, "Decides to convene the conference;");
}

#[test]
fn cause_4_number_left_at_the_end_of_the_line_before() {
    let text = "The General Assembly,\n\nRecalling its resolutions,\n\n\
                7. Invites States to report thereon; and 8.\nRequests the Secretary-General to act.\n";
    let res = &load(text, "b.txt").resolutions[0];
    assert_eq!(counts(res), (1, 2, 0, 0));
    assert_eq!(res.operative[0].text, "Invites States to report thereon; and");
    assert_eq!(res.operative[1].label, "8");
    assert_eq!(res.operative[1].text, "Requests the Secretary-General to act.");
    // A reference at a sentence's end stays where it is.
    let reference = "The General Assembly,\n\nRecalling its resolutions,\n\n\
                     7. Invites States to act as set out in paragraph 8.\nRequests the Secretary-General to act.\n";
    let res = &load(reference, "b2.txt").resolutions[0];
    assert_eq!(res.operative[0].label, "7");
    assert!(res.operative.iter().all(|c| c.label != "8"));
}

#[test]
fn cause_4_items_run_together() {
    let text = "The General Assembly,\n\nRecalling its resolutions,\n\n\
                4\\. (a) To report on the matter; (b) To consult Member States; and (c) To act.\n\n\
                \\(d\\) To stop; \\(e\\) To go.\n\n5\\. Requests the Secretary-General to report.\n";
    let res = &load(text, "c.md").resolutions[0];
    assert_eq!(counts(res), (1, 2, 5, 0));
    let labels: Vec<&str> = res.operative[0].children.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e"]);
    assert_eq!(res.operative[0].text, "");
    assert_eq!(res.operative[0].children[1].text, "To consult Member States; and");
    assert_eq!(res.operative[0].children[4].text, "To go.");
    assert_eq!(res.operative[1].label, "5");
}

#[test]
fn cause_4_heading_and_paragraph_on_one_line() {
    let text = "The General Assembly,\n\n*Adopts* the following declaration:\n\nDeclaration\n\n\
                1. We, the Heads of State, have gathered;\n\n2. We commit ourselves.\n\n\
                I. Global context 3. We gather at a time of challenge;\n\n4. We recognize the need to act.\n\n\
                II. Commitments 5. We pledge to act.\n";
    let res = &load(text, "d.txt").resolutions[0];
    assert_eq!(counts(res), (0, 6, 0, 0));
    assert_eq!(res.operative[3].label, "3");
    assert_eq!(res.operative[3].section.as_deref(), Some("I. Global context"));
    assert_eq!(res.operative[3].text, "We gather at a time of challenge;");
    assert_eq!(res.operative[5].section.as_deref(), Some("II. Commitments"));
}
