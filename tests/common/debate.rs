//! A scripted debate: ten clauses cited across resolutions, each with the
//! tag the delegate gives it, and the keys that do it before and after the
//! finder could act (issue 15, item 1). Shared by the update test and the
//! end-to-end one, so the README's keystroke figures count what is tested.
#![allow(dead_code)]

/// (what the delegate types, the clause it names, the tag's key, its name)
pub const DEBATE: [(&str, &str, char, &str); 10] = [
    ("1/3 op 4 a", "CCPCJ/1/3:op.4.a", '1', "support"),
    ("1/2 PP3", "CCPCJ/1/2:pre.3", '3', "amend"),
    ("CCPCJ/1/4:op.17.d", "CCPCJ/1/4:op.17.d", '2', "oppose"),
    ("1/3 op 7", "CCPCJ/1/3:op.7", '1', "support"),
    ("1/2 op 1 a iv", "CCPCJ/1/2:op.1.a.iv", '4', "question"),
    ("1/1 op 5 a ii", "CCPCJ/1/1:op.5.a.ii", '5', "priority"),
    ("1/4 annex op 1 b", "CCPCJ/1/4:annex1.op.1.b", '3', "amend"),
    ("1/3 PP3", "CCPCJ/1/3:pre.3", '2', "oppose"),
    ("1/3 op 10 d", "CCPCJ/1/3:op.10.d", '1', "support"),
    ("1/1 op 2", "CCPCJ/1/1:op.2", '5', "priority"),
];

/// One key press of a script: a character typed, or a named key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    Char(char),
    Enter,
    Esc,
    CtrlT,
}

/// Before: for each citation `/`, the citation, Enter (jump), the tag key.
pub fn before() -> Vec<Press> {
    let mut keys = Vec::new();
    for (cite, _, tag, _) in DEBATE {
        keys.push(Press::Char('/'));
        keys.extend(cite.chars().map(Press::Char));
        keys.push(Press::Enter);
        keys.push(Press::Char(tag));
    }
    keys
}

/// After: `/` once; for each citation the citation (it replaces the last
/// one), `Ctrl-t` and the tag key; Enter at the end reads the last clause.
pub fn after() -> Vec<Press> {
    let mut keys = vec![Press::Char('/')];
    for (cite, _, tag, _) in DEBATE {
        keys.extend(cite.chars().map(Press::Char));
        keys.push(Press::CtrlT);
        keys.push(Press::Char(tag));
    }
    keys.push(Press::Enter);
    keys
}
