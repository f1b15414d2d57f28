//! The real UN resolutions in `tests/fixtures/real/` against `expect.json`,
//! the structure counted from each file's own markup (rules in that
//! folder's README). A port of the project's `check-real.py` measure, so
//! that every format's reading is a test that can fail.

use std::path::PathBuf;

use reso::document::{Clause, Resolution, Vote, load_bytes};
use serde_json::Value;

fn real_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// Every file of one folder (`akn`, `docx`, `pdf`) that reads differently
/// from what its markup states: one line per file, naming the differences.
pub fn differences(kind: &str) -> Vec<String> {
    let expect: Value = serde_json::from_slice(&std::fs::read(real_dir().join("expect.json")).expect("expect.json"))
        .expect("expect.json is JSON");
    let files = expect["files"].as_object().expect("files");
    let mut out = Vec::new();
    let mut seen = 0;
    for (rel, want) in files.iter().filter(|(rel, _)| rel.starts_with(&format!("{kind}/"))) {
        seen += 1;
        let bytes = std::fs::read(real_dir().join(rel)).expect("fixture exists");
        let diffs = match load_bytes(&bytes, rel) {
            Err(e) => vec![format!("error: {e}")],
            Ok(doc) => compare(&doc.resolutions, want["resolutions"].as_array().expect("resolutions")),
        };
        if !diffs.is_empty() {
            out.push(format!("{rel}: {}", diffs.join("; ")));
        }
    }
    assert!(seen > 0, "no {kind} files in expect.json");
    out
}

fn compare(got: &[Resolution], want: &[Value]) -> Vec<String> {
    let mut diffs = Vec::new();
    if got.len() != want.len() {
        diffs.push(format!("{} resolutions, want {}", got.len(), want.len()));
    }
    for (i, (w, r)) in want.iter().zip(got).enumerate() {
        let i = i + 1;
        if norm_code(w["code"].as_str().unwrap_or("")) != norm_code(&r.code) {
            diffs.push(format!("res {i} code {:?}, want {}", r.code, w["code"]));
        }
        for (field, g) in counts(r) {
            let e = &w[field];
            let alt = w["alt"][field].as_array().is_some_and(|a| a.contains(&g));
            if !e.is_null() && *e != g && !alt {
                diffs.push(format!("res {i} {field} {g}, want {e}"));
            }
        }
    }
    diffs
}

fn norm_code(c: &str) -> String {
    c.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase()
}

fn depth(cs: &[Clause], d: usize) -> usize {
    if d == 1 { cs.len() } else { cs.iter().map(|c| depth(&c.children, d - 1)).sum() }
}

fn counts(r: &Resolution) -> Vec<(&'static str, Value)> {
    let tops = || r.preamble.iter().chain(&r.operative);
    let sections: std::collections::BTreeSet<String> =
        tops().filter_map(|c| c.section.as_deref()).map(norm_section).collect();
    let vote = match r.vote {
        None => Value::Null,
        Some(Vote::WithoutVote) => "without".into(),
        Some(Vote::Unanimous) => "unanimous".into(),
        Some(Vote::Recorded { in_favour, against, abstentions }) => {
            serde_json::json!([in_favour, against, abstentions])
        }
    };
    vec![
        ("pre", r.preamble.len().into()),
        ("op", r.operative.len().into()),
        ("sub", depth(&r.operative, 2).into()),
        ("subsub", depth(&r.operative, 3).into()),
        ("sections", sections.len().into()),
        ("annexes", r.annexes.len().into()),
        ("annex_op", r.annexes.iter().map(|a| a.operative.len()).sum::<usize>().into()),
        ("annex_pre", r.annexes.iter().map(|a| a.preamble.len()).sum::<usize>().into()),
        ("vote", vote),
    ]
}

/// A heading compared by its leading label (`I`, `A`, `Part A` → `A`),
/// else by its words.
fn norm_section(s: &str) -> String {
    let s = s.trim();
    let lower = s.to_lowercase();
    let rest = ["part ", "section "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &s[p.len()..]))
        .unwrap_or(s)
        .trim_start();
    let label: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let after = rest[label.len()..].chars().next();
    let ends = after.is_none_or(|c| c == '.' || c.is_whitespace());
    if !label.is_empty() && ends && (label.len() == 1 || is_roman(&label.to_uppercase())) {
        return label.to_uppercase();
    }
    s.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_roman(s: &str) -> bool {
    const NUMERALS: &[&str] = &[
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
        "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXX", "XL",
    ];
    NUMERALS.contains(&s)
}
