//! `reso outline` as a user runs it: output, JSON shape, and one-line
//! errors with a non-zero exit for bad input.

mod common;

use std::process::{Command, Output};

use common::fixture_path;

fn reso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reso")).args(args).output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn outline_of_the_bundled_sample() {
    let o = reso(&["outline"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("CCPCJ/1/4:op.17.d  Providing  victims with 24-hour rapid"), "{out}");
    assert!(out.contains("CCPCJ/1/3  Improving the Coordination of Efforts against Trafficking in Persons  [21–9–11]"));
}

#[test]
fn json_has_the_promised_shape() {
    let o = reso(&["outline", "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let res = &v["documents"][0]["resolutions"][2];
    assert_eq!(res["code"], "CCPCJ/1/3");
    assert_eq!(res["vote"]["kind"], "recorded");
    assert_eq!(res["vote"]["in_favour"], 21);
    assert_eq!(res["operative"][3]["children"][0]["children"][1]["id"], "CCPCJ/1/3:op.4.a.ii");
    assert!(v["documents"][0]["unplaced"].is_array());
    assert_eq!(v["documents"][0]["resolutions"][0]["vote"]["kind"], "without_vote");
    assert!(res["annexes"].is_array() && res["sponsors"].is_array());
}

#[test]
fn find_prints_ranked_hits_and_json() {
    let o = reso(&["find", "hotline", "--limit", "5"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    let first = out.lines().next().unwrap_or("");
    assert!(first.starts_with("CCPCJ/1/4:op.17\t"), "{out}");
    // As `outline` shows it: `Recommends`, not `*Recommends*`.
    assert!(first.contains("\tRecommends the establishment"), "{out}");
    assert_eq!(out.lines().count(), 2, "op 17 and op 17 b name the hotline");
    let o = reso(&["find", "1/3 op 4"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("CCPCJ/1/3:op.4\tcite\t"), "a citation is marked, not scored: {out}");
    let o = reso(&["find", "1/3 op 4", "--json", "--limit", "1"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v[0]["id"], "CCPCJ/1/3:op.4");
    assert!(v[0]["score"].as_u64().is_some() && v[0]["text"].as_str().is_some());
}

#[test]
fn a_folder_is_read_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture_path("S_RES_1445_2002.txt"), dir.path().join("b.txt")).unwrap();
    std::fs::copy(fixture_path("working_paper.md"), dir.path().join("a.md")).unwrap();
    std::fs::write(dir.path().join("ignored.png"), b"\x89PNG").unwrap();
    let o = reso(&["outline", "--json", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> =
        v["documents"].as_array().unwrap().iter().map(|d| d["resolutions"][0]["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["Working Paper 2.1", "S/RES/1445 (2002)"]);
}

#[test]
fn bad_input_gets_one_clear_line_and_a_failure_exit() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let pdf = dir.path().join("res.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n\x00\x01binary").unwrap();
    let none = dir.path().join("minutes.txt");
    std::fs::write(&none, "Minutes\n\nThe chair opened the meeting.\n").unwrap();
    let empty_dir = dir.path().join("nothing");
    std::fs::create_dir(&empty_dir).unwrap();
    let cases: [(&std::path::Path, &str); 5] = [
        (&dir.path().join("missing.txt"), "no such file or folder"),
        (&empty, "the file is empty"),
        (&pdf, "PDF is damaged"),
        (&empty_dir, "no documents (.txt, .md, .docx"),
        (&none, "no resolution found"),
    ];
    for (path, needle) in cases {
        let o = reso(&["outline", path.to_str().unwrap()]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{}", path.display());
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.starts_with("reso: ") && err.contains(needle), "{err}");
        assert!(!err.contains("panicked"));
    }
    // What was found is still shown.
    let o = reso(&["outline", none.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("(no resolution found)"));
}

#[test]
fn escape_sequences_in_a_file_never_reach_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("evil.txt");
    std::fs::write(
        &evil,
        "The Council,\n\nRecalling \x1b]0;owned\x07 \x1b[2J\x1b[31mred,\n\n1. Decides \u{9b}31m now;\n",
    )
    .unwrap();
    let o = reso(&["outline", evil.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(!o.stdout.contains(&0x1b) && !o.stdout.contains(&0x07));
    assert!(!String::from_utf8_lossy(&o.stdout).contains("\u{9b}"));
}
