//! Each reading rule on a small hand-written AKN document. Expected
//! structures are what the snippet's own markup says.

use super::read;
use crate::document::model::{Clause, Document, Vote};

/// A statement with the given preamble and main body (and anything after).
fn akn(preamble: &str, body: &str, after: &str) -> String {
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <statement name="resolution">
    <meta>
      <classification source="sdg">
        <keyword value="16" showAs="sdg_16" dictionary="SDGO"/>
        <keyword value="peace" showAs="peace" dictionary="EuroVoc"/>
        <keyword value="civil_society" showAs="civil_society" dictionary="UNBIS"/>
        <keyword value="CIVIL SOCIETY" showAs="CIVIL SOCIETY" dictionary="UNBIS Thesaurus"/>
      </classification>
      <analysis source="#un"><parliamentary>
        <voting outcome="adoptedRecordedVote">
          <count value="120" refersTo="inFavour"/><count value="2" refersTo="against"/><count value="49" refersTo="abstaining"/>
        </voting>
      </parliamentary></analysis>
    </meta>
    <coverPage>
      <p><docNumber refersTo="#symbol">A/RES/99/7</docNumber></p>
      <p><docAuthority refersTo="#issuingBody">General Assembly</docAuthority></p>
      <p><inline name="agenda item">Agenda item 12 (b)</inline></p>
      <p><docProponent>[on the report of the Sixth Committee (<inline name="originating document">A/99/1</inline>)]</docProponent></p>
    </coverPage>
    <preface><p><docNumber>99/7.</docNumber><docTitle><span class="bold">Testing the reader</span></docTitle></p></preface>
    <preamble>
      <formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>
      {preamble}
    </preamble>
    <mainBody>
      {body}
    </mainBody>
    <conclusions><p><inline name="adoptionMeeting">50th plenary meeting</inline><eol/><docDate date="2099-12-07">7 December 2099</docDate></p></conclusions>
    {after}
  </statement>
</akomaNtoso>"##
    )
}

fn doc(xml: &str) -> Document {
    match read(xml.as_bytes(), "test.xml") {
        Ok(d) => d,
        Err(e) => panic!("could not read: {e}"),
    }
}

fn para(num: &str, text: &str) -> String {
    let num = if num.is_empty() { String::new() } else { format!("<num>{num}</num>") };
    format!("<paragraph>{num}<content><p>\t{text}</p></content></paragraph>")
}

fn labels(cs: &[Clause]) -> Vec<String> {
    cs.iter().map(|c| c.label.to_string()).collect()
}

#[test]
fn header_metadata_and_vote_come_from_the_markup() {
    let d = doc(&akn(
        r#"<container name="Recalling"><p><span class="italic">Recalling</span> its work,</p></container>"#,
        &para("1.", r#"<span class="italic">Decides</span> to act;"#),
        "",
    ));
    assert_eq!(d.format, "akn");
    let r = &d.resolutions[0];
    assert_eq!(r.code, "A/RES/99/7");
    assert_eq!(r.formula.as_deref(), Some("The General Assembly,"));
    assert_eq!(r.topic.as_deref(), Some("Testing the reader"));
    assert_eq!(r.meta.title.as_deref(), Some("99/7. Testing the reader"));
    assert_eq!(r.meta.organ.as_deref(), Some("General Assembly"));
    assert_eq!(r.meta.date.as_deref(), Some("7 December 2099"));
    assert_eq!(r.meta.meeting.as_deref(), Some("50th plenary meeting"));
    assert_eq!(r.meta.agenda_item.as_deref(), Some("Agenda item 12 (b)"));
    assert_eq!(r.meta.origin.as_deref(), Some("[on the report of the Sixth Committee (A/99/1)]"));
    // SDGs and UNBIS terms, each once; EuroVoc left out.
    assert_eq!(r.meta.subjects, ["SDG 16", "CIVIL SOCIETY"]);
    assert_eq!(r.vote, Some(Vote::Recorded { in_favour: 120, against: 2, abstentions: 49 }));
    assert_eq!(r.preamble[0].text, "*Recalling* its work,");
    assert_eq!(r.preamble[0].id, "A/RES/99/7:pre.1");
    assert_eq!(r.operative[0].id, "A/RES/99/7:op.1");
    assert_eq!(r.operative[0].phrase(), "Decides");
}

#[test]
fn flattened_items_are_levels_two_and_three_under_the_last_operative_paragraph() {
    // (a)…(h) then (i): the letter i; (i)/(ii) after a letter: level 3;
    // typed labels in the text count like `<num>`.
    let mut body = para("1.", "Requests:");
    for l in ["a", "b", "c", "d", "e", "f", "g", "h"] {
        body.push_str(&para(&format!("({l})"), "Item;"));
    }
    body.push_str(&para("(i)", "The letter i:"));
    body.push_str(&para("(i)", "A numeral under i;"));
    body.push_str(&para("", "(ii)\tTyped in the text;"));
    body.push_str(&para("(j)", "Back to letters;"));
    body.push_str(&para("2.", "Decides;"));
    let d = doc(&akn("", &body, ""));
    let op = &d.resolutions[0].operative;
    assert_eq!(labels(op), ["1", "2"]);
    assert_eq!(labels(&op[0].children), ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
    assert_eq!(labels(&op[0].children[8].children), ["i", "ii"]);
    assert_eq!(op[0].children[8].children[1].text, "Typed in the text;");
    assert_eq!(op[0].children[8].children[1].id, "A/RES/99/7:op.1.i.ii");
    // (h) then (i), (ii): numerals under h, as the text parser reads them.
    let mut body = para("1.", "Requests:");
    for l in ["a", "b", "c", "d", "e", "f", "g", "h", "i", "ii"] {
        body.push_str(&para(&format!("({l})"), "Item;"));
    }
    let d = doc(&akn("", &body, ""));
    let op = &d.resolutions[0].operative;
    assert_eq!(labels(&op[0].children).len(), 8);
    assert_eq!(labels(&op[0].children[7].children), ["i", "ii"]);
}

#[test]
fn items_after_a_preambular_paragraph_belong_to_it() {
    let body = [
        para("", "<span class=\"italic\">Having considered</span> the following:"),
        para("(a)", "A report;"),
        para("", "<span class=\"italic\">Urges</span> all States:"),
        para("(a)", "To act;"),
    ]
    .concat();
    let d = doc(&akn("", &body, ""));
    let r = &d.resolutions[0];
    assert_eq!(r.preamble.len(), 1);
    assert_eq!(labels(&r.preamble[0].children), ["a"]);
    assert_eq!(r.operative.len(), 1, "an unnumbered operative paragraph");
    assert_eq!(labels(&r.operative[0].children), ["a"]);
}

#[test]
fn lower_case_text_continues_the_paragraph_before() {
    let body = [para("1.", "Decides that:"), para("(a)", "States shall act;"), para("", "and report back.")].concat();
    let d = doc(&akn("", &body, ""));
    let op = &d.resolutions[0].operative;
    assert_eq!(op.len(), 1);
    assert_eq!(op[0].children[0].text, "States shall act;\nand report back.");
}

#[test]
fn lists_and_points_keep_the_markup_s_nesting() {
    let body = r#"<paragraph><num>3.</num><list><intro><p><span class="italic">Requests</span> the Secretary-General:</p></intro>
        <point><num>(a)</num><content><p>To report;</p></content></point>
        <point><num>(b)</num><list><intro><p>To consult:</p></intro>
           <point><num>(i)</num><content><p>States;</p></content></point></list></point>
      </list></paragraph>"#;
    let d = doc(&akn("", body, ""));
    let op = &d.resolutions[0].operative;
    assert_eq!(op[0].text, "*Requests* the Secretary-General:");
    assert_eq!(labels(&op[0].children), ["a", "b"]);
    assert_eq!(op[0].children[1].text, "To consult:");
    assert_eq!(labels(&op[0].children[1].children), ["i"]);
}

#[test]
fn headings_make_sections_and_sub_headings_stay_under_numbered_ones() {
    let h = |t: &str| {
        format!(r#"<paragraph class="H23"><content><p><subheading>{t}</subheading></p></content></paragraph>"#)
    };
    let body = [
        h("I"),
        h("Introduction"),
        para("1.", "Decides;"),
        h("Multilingualism"),
        para("2.", "Decides;"),
        r#"<hcontainer name="section"><num>II</num><heading>Follow-up</heading>"#.to_string(),
        para("3.", "Decides;"),
        "</hcontainer>".to_string(),
    ]
    .concat();
    let d = doc(&akn("", &body, ""));
    let sections: Vec<Option<&str>> = d.resolutions[0].operative.iter().map(|c| c.section.as_deref()).collect();
    assert_eq!(sections, [Some("I. Introduction"), Some("I. Introduction — Multilingualism"), Some("II. Follow-up")]);
    // Without numbered headings, an unnumbered one is a section itself.
    let d = doc(&akn("", &[h("Refugees"), para("1.", "Decides;")].concat(), ""));
    assert_eq!(d.resolutions[0].operative[0].section.as_deref(), Some("Refugees"));
}

#[test]
fn attachments_are_annexes_with_their_heads_as_title() {
    let h = |t: &str| {
        format!(r#"<paragraph class="H23"><content><p><subheading>{t}</subheading></p></content></paragraph>"#)
    };
    let annex = format!(
        r#"<attachments><attachment><doc name="annex"><meta/><mainBody>{}{}{}{}{}</mainBody></doc></attachment></attachments>"#,
        h("Annex"),
        h("Declaration on testing"),
        para("", "<span class=\"italic\">Recognizing</span> the value of tests,"),
        para("1.", "Tests shall be written;"),
        para("2.", "Tests shall be able to fail."),
    );
    let d = doc(&akn("", &para("1.", "Adopts the Declaration annexed;"), &annex));
    let r = &d.resolutions[0];
    assert_eq!(r.annexes.len(), 1);
    let a = &r.annexes[0];
    assert_eq!(a.title, "Annex — Declaration on testing");
    assert_eq!((a.preamble.len(), labels(&a.operative)), (1, vec!["1".to_string(), "2".to_string()]));
    assert_eq!(a.operative[1].id, "A/RES/99/7:annex1.op.2");
}

#[test]
fn authorial_notes_become_footnotes_with_no_marker_in_the_text() {
    let body = para(
        "1.",
        r#"<span class="italic">Recalls</span> the Agenda,<authorialNote marker="1" eId="authorialNote_1"><p>	 	Resolution <a href="x">70/1</a>.</p></authorialNote> and the Framework;"#,
    );
    let d = doc(&akn("", &body, ""));
    assert_eq!(d.resolutions[0].operative[0].text, "*Recalls* the Agenda, and the Framework;");
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!((d.footnotes[0].marker.as_str(), d.footnotes[0].text.as_str()), ("1", "Resolution 70/1."));
}

#[test]
fn unknown_elements_keep_their_text_and_are_listed() {
    let body = format!(
        "{}<mysteryBlock><p>Text nobody expected</p></mysteryBlock>",
        para("1.", "Decides <blink>boldly</blink>;")
    );
    let d = doc(&akn("", &body, ""));
    assert_eq!(d.resolutions[0].operative[0].text, "Decides boldly;", "inline: text kept in place");
    assert!(d.unplaced.iter().any(|l| l.text.contains("Text nobody expected")), "{:?}", d.unplaced);
    let notice = d.notices.join(" ");
    assert!(notice.contains("<mysteryBlock>") && notice.contains("<blink>"), "{notice}");
}

#[test]
fn document_collections_give_one_resolution_per_part() {
    let part = |letter: &str, op: &str| {
        format!(
            r#"<component><statement name="resolution"><meta/><preface><p><docNumber>{letter}</docNumber><docTitle>Part {letter}</docTitle></p></preface>
            <preamble><container name="Recalling"><p>Recalling,</p></container></preamble><mainBody>{op}</mainBody></statement></component>"#
        )
    };
    let xml = format!(
        r##"<akomaNtoso><documentCollection name="publication"><meta><analysis><parliamentary><voting outcome="adoptedWithoutVote"/></parliamentary></analysis></meta>
        <coverPage><p><docNumber refersTo="#symbol">A/RES/99/8 A-B</docNumber></p></coverPage></documentCollection>
        <components>{}{}</components></akomaNtoso>"##,
        part("A", &para("1.", "Decides;")),
        part("B", &para("1.", "Also decides;")),
    );
    let d = doc(&xml);
    let codes: Vec<&str> = d.resolutions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["A/RES/99/8 A", "A/RES/99/8 B"]);
    assert!(d.resolutions.iter().all(|r| r.vote == Some(Vote::WithoutVote)));
    assert_eq!(d.resolutions[1].operative[0].id, "A/RES/99/8 B:op.1");
}

#[test]
fn a_quoted_draft_resolution_is_a_resolution_of_its_own() {
    let body = [
        para("1.", "<span class=\"italic\">Recommends</span> to the General Assembly the adoption of the following draft resolution:"),
        para("", "<span class=\"italic\">The General Assembly</span>,"),
        para("", "<span class=\"italic\">Recalling</span> its resolutions,"),
        para("1.", "<span class=\"italic\">Decides</span> to act;"),
    ]
    .concat();
    let d = doc(&akn("", &body, ""));
    assert_eq!(d.resolutions.len(), 2);
    let draft = &d.resolutions[1];
    assert_eq!((draft.code.as_str(), draft.vote), ("", None));
    assert_eq!((draft.preamble.len(), draft.operative.len()), (1, 1));
    assert_eq!(draft.formula.as_deref(), Some("The General Assembly,"));
    assert_ne!(draft.operative[0].id, d.resolutions[0].operative[0].id, "ids stay unique");
}

#[test]
fn text_from_the_file_is_sanitised() {
    let body = para("1.", "Decides&#x1b;]0;pwned&#x7;&#x202e; to act;");
    let d = doc(&akn("", &body, ""));
    let text = d.resolutions[0].operative[0].text.to_string();
    assert!(!text.chars().any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}'), "{text:?}");
}

#[test]
fn broken_files_are_named_not_panicked_on() {
    let whole = akn("", &para("1.", "Decides;"), "");
    for (bytes, says) in [
        (&whole.as_bytes()[..whole.len() / 2], "truncated"),
        (b"<akomaNtoso><statement><mainBody></statement></akomaNtoso>".as_slice(), "line 1"),
        (b"<akomaNtoso></akomaNtoso>".as_slice(), "no document"),
        (b"<akomaNtoso>\xff</akomaNtoso>".as_slice(), "UTF-8"),
    ] {
        match read(bytes, "bad.xml") {
            Ok(_) => panic!("read a broken file: {says}"),
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.contains(says) && !msg.contains('\n'), "{msg}");
            }
        }
    }
}

#[test]
fn clause_lines_are_xml_lines() {
    let xml = akn("", &para("1.", "Decides;"), "");
    let line = xml.lines().position(|l| l.contains("Decides;")).map(|i| i as u32 + 1);
    let d = doc(&xml);
    assert_eq!(Some(d.resolutions[0].operative[0].lines.first), line);
}

#[test]
fn other_shapes_of_the_family_recitals_subparagraphs_meta_notes() {
    // A Security Council resolution marked up with `recitals`,
    // `subparagraph` and notes kept in `meta/notes`.
    let xml = r##"<akomaNtoso><statement name="resolution">
      <meta><analysis><parliamentary><voting outcome="adoptedUnanimously"/></parliamentary></analysis>
        <notes><note eId="n1" marker="*"><p>Reissued for technical reasons.</p></note></notes></meta>
      <coverPage><p><docNumber refersTo="#symbol">S/RES/2999 (2099)</docNumber></p></coverPage>
      <preface><p><docTitle>Resolution 2999 (2099)</docTitle></p></preface>
      <preamble><formula><p><i>The Security Council</i>,</p></formula>
        <recitals><recital><p><i>Recalling</i> its resolutions,<noteRef href="#n1" marker="*"/></p></recital>
        <recital><p><i>Determining</i> that the situation is a threat,</p></recital></recitals></preamble>
      <mainBody><paragraph><num>1.</num><content><p><i>Decides</i> that all States shall:</p></content>
        <subparagraph><num>(a)</num><content><p>Prevent the supply;</p></content></subparagraph>
        <subparagraph><num>(b)</num><content><p>Freeze assets;</p></content></subparagraph></paragraph></mainBody>
    </statement></akomaNtoso>"##;
    let d = doc(xml);
    let r = &d.resolutions[0];
    assert_eq!((r.code.as_str(), r.vote), ("S/RES/2999 (2099)", Some(Vote::Unanimous)));
    assert_eq!(r.formula.as_deref(), Some("The Security Council,"));
    assert_eq!(r.preamble.len(), 2);
    assert_eq!(r.preamble[0].text, "*Recalling* its resolutions,");
    assert_eq!(labels(&r.operative[0].children), ["a", "b"]);
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!(d.footnotes[0].text, "Reissued for technical reasons.");
}

#[test]
fn a_quoted_structure_is_a_resolution_of_its_own() {
    let body = format!(
        r#"<paragraph><num>1.</num><content><p><i>Recommends</i> the following draft resolution:</p>
        <quotedStructure><preamble><formula><p><i>The General Assembly</i>,</p></formula>
          <container><p><i>Recalling</i> its work,</p></container></preamble>
          <mainBody>{}{}</mainBody></quotedStructure></content></paragraph>{}"#,
        para("1.", "<i>Decides</i> to act;"),
        para("2.", "<i>Requests</i> a report;"),
        para("2.", "<i>Decides</i> to remain seized;"),
    );
    let d = doc(&akn("", &body, ""));
    assert_eq!(d.resolutions.len(), 2);
    assert_eq!(d.resolutions[0].operative.len(), 2);
    assert_eq!(d.resolutions[0].operative[0].text, "*Recommends* the following draft resolution:");
    let draft = &d.resolutions[1];
    assert_eq!((draft.code.as_str(), draft.formula.as_deref()), ("", Some("The General Assembly,")));
    assert_eq!((draft.preamble.len(), labels(&draft.operative)), (1, vec!["1".to_string(), "2".to_string()]));
}
