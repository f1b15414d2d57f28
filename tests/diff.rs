//! `reso diff`: clause-level comparison of two revisions. The expected
//! changes are the edits made to write the revision fixture (see the two
//! files in tests/fixtures/revisions), not reso's output.

mod common;

use std::process::Command;

use common::{fixture, parse_str};
use reso::diff::{Kind, WordOp, compare_documents};
use reso::document::SAMPLE_TEXT;

fn summary_of(kind: Kind, old: &[&str], new: &[&str]) -> (Kind, Vec<String>, Vec<String>) {
    (kind, old.iter().map(|s| s.to_string()).collect(), new.iter().map(|s| s.to_string()).collect())
}

#[test]
fn every_kind_of_change_in_a_revised_draft() {
    let old = fixture("revisions/draft.txt");
    let new = fixture("revisions/revision.txt");
    let diff = compare_documents(&old, &new);
    assert_eq!(diff.resolutions.len(), 1, "a draft and its revision pair although their codes differ");
    let r = &diff.resolutions[0];
    let got: Vec<_> = r.changes.iter().map(|c| (c.kind, c.old.clone(), c.new.clone())).collect();
    let want = vec![
        summary_of(Kind::Added, &[], &["op.2"]),
        summary_of(Kind::Reworded, &["op.2"], &["op.3"]),
        summary_of(Kind::Renumbered, &["op.3"], &["op.4"]),
        summary_of(Kind::Renumbered, &["op.3.c"], &["op.4.b"]),
        summary_of(Kind::Split, &["op.4"], &["op.5", "op.6"]),
        summary_of(Kind::Struck, &["op.5"], &[]),
        summary_of(Kind::Merged, &["op.6", "op.7"], &["op.7"]),
        summary_of(Kind::Added, &[], &["op.8"]),
        summary_of(Kind::Moved, &["op.3.b"], &["op.8.a"]),
        summary_of(Kind::Renumbered, &["op.8"], &["op.9"]),
    ];
    assert_eq!(got, want);
    // op.3.a → op.4.a follows its paragraph: not a change of its own.
    assert!(!r.changes.iter().any(|c| c.old == ["op.3.a"]));
    assert_eq!(r.summary.line(), "2 added, 1 struck, 4 renumbered, 1 moved, 1 reworded, 1 split, 1 merged");
}

#[test]
fn a_reworded_clause_has_its_exact_word_difference() {
    let diff = compare_documents(&fixture("revisions/draft.txt"), &fixture("revisions/revision.txt"));
    let reworded = diff.resolutions[0].changes.iter().find(|c| c.kind == Kind::Reworded).expect("a reworded clause");
    assert!(reworded.renumbered, "op.2 → op.3 is also renumbered");
    assert_eq!(
        reworded.words,
        vec![
            WordOp::Equal("Encourages Member States to".into()),
            WordOp::Delete("share".into()),
            WordOp::Insert("exchange".into()),
            WordOp::Equal("data on trafficking routes with".into()),
            WordOp::Insert("all".into()),
            WordOp::Equal("neighbouring States through secure channels;".into()),
        ]
    );
}

#[test]
fn identical_documents_have_no_changes() {
    let a = fixture("ccpcj-2025-conference-a.txt");
    let b = fixture("ccpcj-2025-conference-a.txt");
    let diff = compare_documents(&a, &b);
    assert_eq!(diff.resolutions.len(), 4);
    assert!(diff.resolutions.iter().all(|r| r.changes.is_empty() && r.summary.line() == "no changes"));
}

#[test]
fn one_word_changed_in_the_sample_is_the_only_change() {
    assert_eq!(SAMPLE_TEXT.matches("universal hotline").count(), 1, "the edit below must be unique");
    let old = parse_str(SAMPLE_TEXT);
    let new = parse_str(&SAMPLE_TEXT.replace("universal hotline", "global hotline"));
    let diff = compare_documents(&old, &new);
    let changed: Vec<_> = diff.resolutions.iter().filter(|r| !r.changes.is_empty()).collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].new, "CCPCJ/1/4");
    let c = &changed[0].changes[..];
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!((c[0].kind, c[0].new.as_slice()), (Kind::Reworded, &["op.17".to_string()][..]));
    assert!(c[0].words.contains(&WordOp::Delete("universal".into())));
    assert!(c[0].words.contains(&WordOp::Insert("global".into())));
}

#[test]
fn an_inserted_clause_renumbers_the_rest_of_the_sample() {
    // A new operative 2 in CCPCJ/1/2: everything after it moves up by one.
    let anchor = "2. *Recommends* the establishment of a centralized";
    assert_eq!(SAMPLE_TEXT.matches(anchor).count(), 1);
    let inserted = "2. *Welcomes* the inserted clause on coordination between agencies;\n\n";
    let edited = SAMPLE_TEXT.replacen(anchor, &format!("{inserted}{anchor}"), 1);
    let new = parse_str(&edited);
    let diff = compare_documents(&parse_str(SAMPLE_TEXT), &new);
    let r = diff.resolutions.iter().find(|r| r.new == "CCPCJ/1/2").expect("1/2 compared");
    assert_eq!(r.summary.added, 1);
    assert_eq!(r.summary.struck + r.summary.reworded, 0);
    assert!(r.summary.renumbered >= 1);
    assert!(r.changes.iter().all(|c| matches!(c.kind, Kind::Added | Kind::Renumbered)));
}

fn reso(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_reso")).args(args).env_remove("NO_COLOR").output().expect("runs")
}

#[test]
fn the_command_line_in_a_pipe_and_as_json() {
    let old = common::fixture_path("revisions/draft.txt");
    let new = common::fixture_path("revisions/revision.txt");
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let o = reso(&["diff", old, new]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains('\x1b'), "a pipe gets no colour");
    assert!(out.contains("op.2 → op.3 reworded: Encourages Member States to [-share-] {+exchange+} data"), "{out}");
    let o = reso(&["diff", old, new, "--color", "always"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("\x1b[31;9mshare\x1b[0m"));

    let o = reso(&["diff", old, new, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let r = &v["resolutions"][0];
    assert_eq!(r["summary"]["split"], 1);
    assert_eq!(r["changes"][1]["kind"], "reworded");
    assert_eq!(r["changes"][1]["words"][1], serde_json::json!({"op": "delete", "text": "share"}));

    // Two resolutions of one booklet, by code; errors are one line, exit 1.
    let o = reso(&["diff", "ccpcj/1/2", "CCPCJ/1/3"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("CCPCJ/1/2 → CCPCJ/1/3: "));
    let o = reso(&["diff", "CCPCJ/1/2", "CCPCJ/9/9"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("reso: CCPCJ/9/9: no such file"));
}

#[test]
fn the_briefing_lists_changes_since_the_older_revision_with_their_marks() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let notes = notes.to_str().unwrap();
    let old = common::fixture_path("revisions/draft.txt");
    let new = common::fixture_path("revisions/revision.txt");
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    // A tag and a note on a reworded clause of the revision, a tag on the
    // draft's clause that was struck.
    let a = reso(&[
        "annotate",
        "Working Paper 3.1 (revised):op.3",
        new,
        "--notes",
        notes,
        "--tag",
        "amend",
        "--note",
        "Friendly",
    ]);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    let a = reso(&["annotate", "Working Paper 3.1:op.5", old, "--notes", notes, "--tag", "oppose"]);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    let o = reso(&["notes", "export", new, "--notes", notes, "--since", old]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = String::from_utf8_lossy(&o.stdout);
    let section = md.split("## Changes since Working Paper 3.1\n").nth(1).expect("the section");
    assert!(
        section.contains("- *op.2 → op.3 reworded* — amend: Encourages Member States to ~~share~~ **exchange** data"),
        "{section}"
    );
    assert!(section.contains("  > Friendly"), "{section}");
    assert!(section.contains("- *op.5 struck* — oppose: ~~Urges Member States"), "{section}");
    assert_eq!(section.lines().filter(|l| l.starts_with("- *")).count(), 10);
    // JSON: the entries and the comparison side by side.
    let o = reso(&["notes", "export", new, "--notes", notes, "--since", old, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["changes"]["resolutions"][0]["summary"]["struck"], 1);
    assert!(v["entries"].as_array().is_some_and(|e| !e.is_empty()));
}
