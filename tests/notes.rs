//! Notes and tags from the command line and on disk: round trips, crashes,
//! two writers, damaged files, revised documents, export and merge.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use reso::annotate::store::read;

fn reso(args: &[&str], notes: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reso")).arg("--notes").arg(notes).args(args).output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const SAMPLE_TITLE: &str = "The Commission on Crime Prevention and Criminal Justice (CCPCJ) — Conference A";

#[test]
fn annotate_then_export() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let o = reso(
        &[
            "annotate",
            "CCPCJ/1/4:op.17.d",
            "--tag",
            "support",
            "--tag",
            "amend",
            "--note",
            "Ask for 24/7 in all UN languages",
        ],
        &notes,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("saved CCPCJ/1/4:op.17.d: tags [amend, support], note"));
    let file = read(&notes).unwrap();
    let a = &file.documents[SAMPLE_TITLE].clauses["CCPCJ/1/4:op.17.d"];
    assert_eq!(a.note, "Ask for 24/7 in all UN languages");
    assert!(a.text.starts_with("Providing victims with 24-hour"));

    let md = stdout(&reso(&["notes", "export"], &notes));
    assert!(md.contains("### CCPCJ/1/4 — Improving the Coordination"), "{md}");
    assert!(md.contains("#### `CCPCJ/1/4:op.17.d` — support, amend"), "tags in configured order: {md}");
    assert!(md.contains("> Providing victims with 24-hour rapid"));
    assert!(md.contains("Ask for 24/7 in all UN languages"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&reso(&["notes", "export", "--format", "json"], &notes))).unwrap();
    assert_eq!(json[0]["id"], "CCPCJ/1/4:op.17.d");
    assert_eq!(json[0]["tags"][1], "amend");

    // The finder searches notes and tags.
    let hits = stdout(&reso(&["find", "#amend", "--limit", "3"], &notes));
    assert!(hits.starts_with("CCPCJ/1/4:op.17.d\t"), "{hits}");
    assert!(stdout(&reso(&["find", "'UN 'languages", "--limit", "1"], &notes)).starts_with("CCPCJ/1/4:op.17.d\t"));

    // Untag and clear: the entry goes away.
    let o = reso(&["annotate", "CCPCJ/1/4:op.17.d", "--untag", "support", "--untag", "amend", "--clear-note"], &notes);
    assert!(o.status.success());
    assert!(read(&notes).unwrap().documents.is_empty());
}

#[test]
fn unknown_ids_and_tags_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let o = reso(&["annotate", "CCPCJ/9/9:op.1", "--tag", "support"], &notes);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no clause, resolution or document \"CCPCJ/9/9:op.1\""), "{}", stderr(&o));
    let o = reso(&["annotate", "CCPCJ/1/1:op.1", "--tag", "maybe"], &notes);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown tag \"maybe\" (tags: support, oppose, amend, question, priority)"));
    assert!(!notes.exists(), "nothing written");
}

#[test]
fn a_damaged_notes_file_is_named_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let damaged = "(\n    format: 1,\n    documents: {\n        \"X\": (clauses: { \"a\": (tags: [\"support\"], note: \"unterminated) }),\n";
    std::fs::write(&notes, damaged).unwrap();
    for args in [vec!["annotate", "CCPCJ/1/1:op.1", "--tag", "support"], vec!["notes", "export"]] {
        let o = reso(&args, &notes);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(err.starts_with(&format!("reso: {}:", notes.display())), "{err}");
        let loc: Vec<&str> = err.trim().splitn(4, ':').collect();
        assert!(
            loc[2].parse::<u32>().is_ok() && loc[3].split(':').next().unwrap().trim().parse::<u32>().is_ok(),
            "line and column: {err}"
        );
        assert_eq!(std::fs::read_to_string(&notes).unwrap(), damaged);
    }
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &notes && !p.to_string_lossy().ends_with(".lock"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn killed_mid_save_never_leaves_a_broken_file_or_loses_a_reported_save() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    // How long one save takes here, so the kills can be spread over it.
    let started = std::time::Instant::now();
    assert!(reso(&["annotate", "CCPCJ/1/2:op.3", "--note", "first"], &notes).status.success());
    let mut full = started.elapsed().as_micros() as u64;
    let mut confirmed: Option<String> = Some("first".into());
    let mut killed = 0;
    let runs = 50u64;
    for i in 0..runs {
        let note = format!("version {i}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_reso"))
            .arg("--notes")
            .arg(&notes)
            .args(["annotate", "CCPCJ/1/2:op.3", "--tag", "amend", "--note", &note])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the whole run, saving included.
        std::thread::sleep(Duration::from_micros((i * 7919) % (full + full / 4)));
        let _ = child.kill(); // SIGKILL
        let out = child.wait_with_output().unwrap();
        let reported = String::from_utf8_lossy(&out.stdout).starts_with("saved");
        if !out.status.success() {
            killed += 1;
            // Under load a save takes longer than measured: widen the
            // window so some runs finish and some are cut mid-way.
            full += full / 8;
        }
        if notes.exists() {
            let file = read(&notes).unwrap_or_else(|e| panic!("run {i} left an unreadable file: {e}"));
            let now = &file.documents[SAMPLE_TITLE].clauses["CCPCJ/1/2:op.3"].note;
            if reported {
                assert_eq!(now, &note, "run {i} reported saved");
                confirmed = Some(note.clone());
            } else {
                assert!(Some(now) == confirmed.as_ref() || now == &note, "run {i}: {now} is neither old nor new");
                confirmed = Some(now.clone());
            }
        }
    }
    eprintln!("{killed} of {runs} runs killed before they finished");
    assert!(killed > 0, "no run was killed: the test proved nothing");
    assert!(killed < runs, "every run was killed before saving: the test proved nothing");
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let writer = |ids: Vec<String>, tag: &'static str| {
        let notes = notes.clone();
        std::thread::spawn(move || {
            for id in ids {
                let o = reso(&["annotate", &id, "--tag", tag, "--note", &format!("{tag} on {id}")], &notes);
                assert!(o.status.success(), "{}", stderr(&o));
            }
        })
    };
    let a: Vec<String> = (1..=8).map(|n| format!("CCPCJ/1/3:pre.{n}")).collect();
    let b: Vec<String> = (1..=8).map(|n| format!("CCPCJ/1/4:pre.{n}")).collect();
    let (ta, tb) = (writer(a.clone(), "support"), writer(b.clone(), "oppose"));
    ta.join().unwrap();
    tb.join().unwrap();
    let file = read(&notes).unwrap();
    let clauses = &file.documents[SAMPLE_TITLE].clauses;
    for id in a.iter().chain(&b) {
        assert!(clauses.contains_key(id), "{id} was lost");
    }
    assert_eq!(clauses.len(), 16);
}

#[test]
fn merge_unions_tags_and_keeps_both_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.ron");
    let theirs = dir.path().join("theirs.ron");
    assert!(reso(&["annotate", "CCPCJ/1/1:op.2", "--tag", "support", "--note", "ours"], &mine).status.success());
    assert!(reso(&["annotate", "CCPCJ/1/1:op.2", "--tag", "priority", "--note", "theirs"], &theirs).status.success());
    assert!(reso(&["annotate", "CCPCJ/1/1:op.3", "--tag", "oppose"], &theirs).status.success());
    let out = dir.path().join("merged.ron");
    let o = Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(["notes", "merge"])
        .arg(&mine)
        .arg(&theirs)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let merged = read(&out).unwrap();
    let c = &merged.documents[SAMPLE_TITLE].clauses;
    assert_eq!(c["CCPCJ/1/1:op.2"].tags.len(), 2);
    assert!(c["CCPCJ/1/1:op.2"].note.contains("ours") && c["CCPCJ/1/1:op.2"].note.contains("theirs"));
    assert!(c.contains_key("CCPCJ/1/1:op.3"));
    // Without -o, into MINE.
    let o = Command::new(env!("CARGO_BIN_EXE_reso")).args(["notes", "merge"]).arg(&mine).arg(&theirs).output().unwrap();
    assert!(o.status.success());
    assert_eq!(read(&mine).unwrap(), merged);
}

/// The sample revised: a clause inserted before CCPCJ/1/1 op 3 (later
/// paragraphs renumbered), CCPCJ/1/2 op 5 lightly reworded, CCPCJ/1/3 op 6
/// rewritten beyond recognition.
fn revised_sample() -> String {
    let text = reso::document::SAMPLE_TEXT;
    let start = text.find("Code: CCPCJ/1/1").unwrap();
    let end = text.find("Code: CCPCJ/1/2").unwrap();
    let mut first = String::new();
    for line in text[start..end].lines() {
        let number: Option<u32> = line.split_once(". *").and_then(|(n, _)| n.parse().ok());
        match number {
            Some(n) if n >= 3 => {
                if n == 3 {
                    first.push_str("3. *Requests* the Secretariat to publish a yearly review of trafficking routes;\n");
                }
                first.push_str(&line.replacen(&format!("{n}. *"), &format!("{}. *", n + 1), 1));
            }
            _ => first.push_str(line),
        }
        first.push('\n');
    }
    let rest = text[end..]
        .replace("should implement or develop already existing training programs", "should implement or further develop existing training programs")
        .replace(
            "*Calls for* working groups that aim to provide training to law enforcement on human trafficking patterns and victim identification by:",
            "*Decides* to convene an expert meeting on maritime routes in 2027 by:",
        );
    format!("{}{first}{rest}", &text[..start])
}

#[test]
fn notes_follow_their_clauses_through_a_revision_or_become_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    for (id, note) in [
        ("CCPCJ/1/1:pre.2", "on pre 2"),
        ("CCPCJ/1/1:op.3", "on promote programmes"),
        ("CCPCJ/1/1:op.5.a.ii", "on Liberta"),
        ("CCPCJ/1/1:op.7", "on aid to survivors"),
        ("CCPCJ/1/2:op.5", "on frontline training"),
        ("CCPCJ/1/3:op.6", "on working groups"),
    ] {
        assert!(reso(&["annotate", id, "--tag", "question", "--note", note], &notes).status.success());
    }
    let revised = dir.path().join("revised.txt");
    std::fs::write(&revised, revised_sample()).unwrap();
    let doc = common::fixture_path("../../assets/ccpcj-2025-conference-a.txt");
    assert!(doc.exists());
    let o = reso(&["notes", "export", "--format", "json", revised.to_str().unwrap()], &notes);
    assert!(o.status.success(), "{}", stderr(&o));
    let entries: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let at = |note: &str| {
        entries
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["note"] == note)
            .map(|e| (e["id"].as_str().unwrap().to_string(), e["orphan"].as_bool().unwrap()))
    };
    assert_eq!(at("on pre 2"), Some(("CCPCJ/1/1:pre.2".into(), false)));
    assert_eq!(at("on promote programmes"), Some(("CCPCJ/1/1:op.4".into(), false)));
    assert_eq!(at("on Liberta"), Some(("CCPCJ/1/1:op.6.a.ii".into(), false)));
    assert_eq!(at("on aid to survivors"), Some(("CCPCJ/1/1:op.8".into(), false)));
    assert_eq!(at("on frontline training"), Some(("CCPCJ/1/2:op.5".into(), false)));
    assert_eq!(at("on working groups"), Some(("CCPCJ/1/3:op.6".into(), true)), "rewritten: an orphan, not a guess");
    // The inserted clause got nobody's note.
    assert!(entries.as_array().unwrap().iter().all(|e| e["id"] != "CCPCJ/1/1:op.3"));
    // Export does not write; annotating the revision saves the moves.
    let before = std::fs::read_to_string(&notes).unwrap();
    assert!(before.contains("\"CCPCJ/1/1:op.3\""));
    assert!(
        reso(&["annotate", "CCPCJ/1/1:op.3", "--tag", "oppose", revised.to_str().unwrap()], &notes).status.success()
    );
    let file = read(&notes).unwrap();
    let d = &file.documents[SAMPLE_TITLE];
    assert_eq!(d.clauses["CCPCJ/1/1:op.4"].note, "on promote programmes");
    assert!(d.clauses["CCPCJ/1/1:op.3"].tags.contains("oppose") && d.clauses["CCPCJ/1/1:op.3"].note.is_empty());
    assert_eq!(d.orphans.len(), 1);
    assert_eq!(d.orphans[0].id, "CCPCJ/1/3:op.6");
    assert!(d.orphans[0].annotation.text.contains("working groups"), "orphans keep their old text");
}
