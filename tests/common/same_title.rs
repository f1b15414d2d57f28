//! Documents that the old notes rule (keyed by title alone) confused with
//! the bundled sample.
#![allow(dead_code)]

/// Another booklet with the sample's title block and the same resolution
/// codes (CCPCJ/1/1 to 1/4), but other resolutions: a second committee
/// session, a generated corpus.
pub fn same_title_and_codes() -> String {
    let text = reso::document::SAMPLE_TEXT;
    let front = text.find("Code: CCPCJ/1/1").map_or(text, |at| &text[..at]);
    let mut out = front.to_string();
    for n in 1..=4 {
        out.push_str(&format!(
            "Code: CCPCJ/1/{n}\n\nCommittee: The Commission on Crime Prevention and Criminal Justice\n\n\
             Topic: International Cooperation in Combating Transnational Organized Crime and Corruption\n\n\
             The Commission on Crime Prevention and Criminal Justice,\n\n\
             *Recalling* the United Nations Convention against Corruption and its review mechanism number {n},\n\n\
             *Noting* the growing use of virtual assets by organized criminal groups in region {n},\n\n\
             1. *Requests* Member States to share beneficial ownership registers in format {n};\n\n\
             2. *Invites* the Secretariat to prepare a study on asset recovery in round {n};\n\n\
             3. *Decides* to remain seized of the matter in session {n}.\n\n"
        ));
    }
    out
}

/// The sample word for word, from another conference (`Conference B`):
/// the same codes and clauses under another title.
pub fn other_conference() -> String {
    reso::document::SAMPLE_TEXT.replacen("Conference A", "Conference B", 1)
}
