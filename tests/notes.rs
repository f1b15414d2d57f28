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

#[path = "common/same_title.rs"]
mod same_title;

use reso::annotate::{Notes, Store};
use reso::document::{Document, load_inputs};

/// Open these files (the sample for "sample") with the notes, as the reader
/// does, and give per document its (id, note) pairs and its orphans' ids.
type Seen = Vec<(Vec<(String, String)>, Vec<String>)>;

fn seen(paths: &[PathBuf], notes: &Path) -> Seen {
    let docs: Vec<Document> = load_inputs(paths).unwrap();
    let n = Notes::open(Store::open(notes).unwrap(), &docs).unwrap();
    (0..docs.len())
        .map(|d| {
            let view = &n.docs[d].anchored;
            let mut on: Vec<(String, String)> = view.by_id.iter().map(|(id, a)| (id.clone(), a.note.clone())).collect();
            on.extend(view.resolutions.iter().map(|(code, a)| (code.clone(), a.note.clone())));
            on.extend(view.document.iter().map(|a| ("document".to_string(), a.note.clone())));
            (on, n.orphans(d).iter().map(|o| o.id.clone()).collect())
        })
        .collect()
}

fn pair(id: &str, note: &str) -> (String, String) {
    (id.to_string(), note.to_string())
}

/// The sample written out as a file, so it can be opened beside others.
fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("sample.txt");
    std::fs::write(&path, reso::document::SAMPLE_TEXT).unwrap();
    path
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn two_documents_with_one_title_keep_their_own_notes_opened_alone_together_and_in_both_orders() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let sample = sample_file(dir.path());
    let other = dir.path().join("other.txt");
    std::fs::write(&other, same_title::same_title_and_codes()).unwrap();
    let (s, o) = (sample.to_str().unwrap(), other.to_str().unwrap());
    ok(reso(&["annotate", "CCPCJ/1/4:op.17.d", "--tag", "amend", "--note", "keep me", s], &notes));
    ok(reso(&["annotate", "CCPCJ/1/1:op.1", "--tag", "support", "--note", "sample 1/1 op 1", s], &notes));
    // The same id in the other booklet: its own note, not the sample's.
    ok(reso(&["annotate", "CCPCJ/1/1:op.1", "--tag", "oppose", "--note", "other 1/1 op 1", o], &notes));
    let before = std::fs::read(&notes).unwrap();
    let file = read(&notes).unwrap();
    assert_eq!(file.documents.len(), 2, "one entry per document: {:?}", file.documents.keys());

    let mine = (vec![pair("CCPCJ/1/1:op.1", "sample 1/1 op 1"), pair("CCPCJ/1/4:op.17.d", "keep me")], vec![]);
    let theirs = (vec![pair("CCPCJ/1/1:op.1", "other 1/1 op 1")], vec![]);
    assert_eq!(seen(std::slice::from_ref(&sample), &notes), std::slice::from_ref(&mine));
    assert_eq!(seen(std::slice::from_ref(&other), &notes), std::slice::from_ref(&theirs));
    assert_eq!(seen(&[sample.clone(), other.clone()], &notes), [mine.clone(), theirs.clone()]);
    assert_eq!(seen(&[other.clone(), sample.clone()], &notes), [theirs.clone(), mine.clone()]);
    // Reading commands never write.
    for args in [vec!["notes", "export", o], vec!["notes", "export", s, o], vec!["find", "#amend", o, s]] {
        ok(reso(&args, &notes));
    }
    assert_eq!(std::fs::read(&notes).unwrap(), before, "opening and reading wrote the notes file");
    // The export names each file under the shared title.
    let md = ok(reso(&["notes", "export", s, o], &notes));
    assert!(md.contains("sample.txt)") && md.contains("other.txt)"), "{md}");
    assert!(!md.contains("not found"), "{md}");

    // A change on the other booklet, with both open, writes only its entry:
    // the sample's is kept byte for byte.
    let entry_of = |text: &str, key: &str| -> String {
        let start = text.find(&format!("{key:?}: (")).unwrap();
        let end = text[start..].find("\n        ),\n").unwrap();
        text[start..start + end].to_string()
    };
    let sample_key = file.documents.iter().find(|(_, d)| d.clauses.contains_key("CCPCJ/1/4:op.17.d")).unwrap().0;
    let old = String::from_utf8(before).unwrap();
    ok(reso(&["annotate", "CCPCJ/1/2:op.2", "--tag", "question", o, s], &notes));
    let new = std::fs::read_to_string(&notes).unwrap();
    assert_eq!(entry_of(&new, sample_key), entry_of(&old, sample_key));
    assert_eq!(seen(std::slice::from_ref(&sample), &notes), [mine]);
}

#[test]
fn a_format_1_file_with_title_collision_orphans_is_repaired_and_not_written_on_open() {
    // What the previous release left after `reso annotate CCPCJ/1/4:op.17.d
    // --tag amend --note "keep me"`, then opening another file with the
    // sample's title and quitting: the note orphaned, its text intact.
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let docs = [reso::document::sample()];
    let clause = |id: &str| docs[0].all_clauses().find(|c| c.id == id).unwrap().text.to_string();
    let (d, b) = (clause("CCPCJ/1/4:op.17.d"), clause("CCPCJ/1/2:op.3"));
    let fp = reso::annotate::fingerprint;
    let old = format!(
        "(\n    format: 1,\n    documents: {{\n        {SAMPLE_TITLE:?}: (\n            clauses: {{}},\n            orphans: [\n                \
         (id: \"CCPCJ/1/4:op.17.d\", annotation: (tags: [\"amend\"], note: \"keep me\", fingerprint: {:?}, text: {d:?})),\n                \
         (id: \"CCPCJ/1/2:op.3\", annotation: (tags: [\"support\"], note: \"\", fingerprint: {:?}, text: {b:?})),\n                \
         (id: \"CCPCJ/1/1:op.40\", annotation: (tags: [], note: \"truly gone\", fingerprint: \"0\", text: \"A dropped clause\")),\n            \
         ],\n        ),\n    }},\n)\n",
        fp(&d),
        fp(&b)
    );
    std::fs::write(&notes, &old).unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, same_title::same_title_and_codes()).unwrap();
    // Opening the other file first, then the sample: the other claims nothing.
    assert_eq!(seen(std::slice::from_ref(&other), &notes), [(vec![], vec![])]);

    let sample = sample_file(dir.path());
    let repaired =
        (vec![pair("CCPCJ/1/2:op.3", ""), pair("CCPCJ/1/4:op.17.d", "keep me")], vec!["CCPCJ/1/1:op.40".into()]);
    assert_eq!(seen(std::slice::from_ref(&sample), &notes), std::slice::from_ref(&repaired));
    let md = ok(reso(&["notes", "export", sample.to_str().unwrap()], &notes));
    assert!(md.contains("#### `CCPCJ/1/4:op.17.d` — amend\n"), "{md}");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), old, "read-only until a change");
    // The first change writes the repair, in format 2.
    ok(reso(&["annotate", "CCPCJ/1/1:op.2", "--tag", "priority"], &notes));
    let file = read(&notes).unwrap();
    assert_eq!(file.format, 2);
    let entry = &file.documents[SAMPLE_TITLE];
    assert_eq!(entry.clauses["CCPCJ/1/4:op.17.d"].note, "keep me");
    assert!(entry.clauses["CCPCJ/1/2:op.3"].tags.contains("support"));
    assert_eq!(entry.orphans.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["CCPCJ/1/1:op.40"]);
    assert_eq!(seen(&[other, sample], &notes)[0], (vec![], vec![]));
}

#[test]
fn a_moved_and_renamed_file_keeps_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let first = sample_file(dir.path());
    ok(reso(&["annotate", "CCPCJ/1/3:op.2", "--tag", "amend", "--note", "moved", first.to_str().unwrap()], &notes));
    let elsewhere = dir.path().join("later").join("booklet-final.md");
    std::fs::create_dir_all(elsewhere.parent().unwrap()).unwrap();
    std::fs::rename(&first, &elsewhere).unwrap();
    assert_eq!(seen(std::slice::from_ref(&elsewhere), &notes), [(vec![pair("CCPCJ/1/3:op.2", "moved")], vec![])]);
}

#[test]
fn two_conferences_with_the_same_codes_keep_theirs_apart() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let a = sample_file(dir.path());
    let b = dir.path().join("conference-b.txt");
    std::fs::write(&b, same_title::other_conference()).unwrap();
    ok(reso(&["annotate", "CCPCJ/1/1:op.1", "--note", "A's view", a.to_str().unwrap()], &notes));
    // Conference B's clause is word for word A's: still not A's note.
    assert_eq!(seen(std::slice::from_ref(&b), &notes), [(vec![], vec![])]);
    ok(reso(&["annotate", "CCPCJ/1/1:op.1", "--note", "B's view", b.to_str().unwrap()], &notes));
    assert_eq!(
        seen(&[b.clone(), a.clone()], &notes),
        [(vec![pair("CCPCJ/1/1:op.1", "B's view")], vec![]), (vec![pair("CCPCJ/1/1:op.1", "A's view")], vec![])]
    );
    // The same with a format-1 file, which recorded only A's title: B's
    // word-for-word clause still does not take A's note.
    let text = reso::document::sample().all_clauses().find(|c| c.id == "CCPCJ/1/1:op.1").unwrap().text.to_string();
    std::fs::write(
        &notes,
        format!(
            "(format: 1, documents: {{ {SAMPLE_TITLE:?}: (clauses: {{ \"CCPCJ/1/1:op.1\": (note: \"A's view\", \
             fingerprint: {:?}, text: {text:?}) }}) }})",
            reso::annotate::fingerprint(&text)
        ),
    )
    .unwrap();
    assert_eq!(seen(std::slice::from_ref(&b), &notes), [(vec![], vec![])]);
    assert_eq!(seen(std::slice::from_ref(&a), &notes), [(vec![pair("CCPCJ/1/1:op.1", "A's view")], vec![])]);
}

#[test]
fn a_draft_and_its_revision_open_together_keep_theirs_apart() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let draft = sample_file(dir.path());
    let revised = dir.path().join("revised.txt");
    std::fs::write(&revised, revised_sample()).unwrap();
    ok(reso(&["annotate", "CCPCJ/1/1:op.3", "--note", "on the draft", draft.to_str().unwrap()], &notes));
    let before = std::fs::read(&notes).unwrap();
    // Together: the draft is the notes' document (same text); the revision
    // shows nothing of them, and nothing becomes an orphan.
    let both = seen(&[revised.clone(), draft.clone()], &notes);
    assert_eq!(both, [(vec![], vec![]), (vec![pair("CCPCJ/1/1:op.3", "on the draft")], vec![])]);
    // Alone, the revision follows them (the clause renumbered to op.4).
    assert_eq!(seen(std::slice::from_ref(&revised), &notes), [(vec![pair("CCPCJ/1/1:op.4", "on the draft")], vec![])]);
    assert_eq!(std::fs::read(&notes).unwrap(), before);
    // A note on the revision while both are open gets an entry of its own.
    ok(reso(
        &[
            "annotate",
            "CCPCJ/1/1:op.3",
            "--note",
            "on the new clause",
            revised.to_str().unwrap(),
            draft.to_str().unwrap(),
        ],
        &notes,
    ));
    let both = seen(&[draft.clone(), revised.clone()], &notes);
    assert_eq!(
        both,
        [
            (vec![pair("CCPCJ/1/1:op.3", "on the draft")], vec![]),
            (vec![pair("CCPCJ/1/1:op.3", "on the new clause")], vec![])
        ]
    );
}

#[test]
fn notes_of_a_misread_document_follow_their_clauses_by_text() {
    // The previous release read every Markdown file with YAML front matter
    // as title and code `---`, and keyed their notes so: one entry shared by
    // several documents. Once the document is read right (here: the sample),
    // each note whose clause text is found word for word follows it, and
    // then one whose clause the better reading changed a little (a footnote
    // number out of the sentence); the others (another document's) stay
    // where they are, untouched, and are not orphans.
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let docs = [reso::document::sample()];
    let text = |id: &str| docs[0].all_clauses().find(|c| c.id == id).unwrap().text.to_string();
    let exact = text("CCPCJ/1/2:op.3");
    let misread = format!("{} 12", text("CCPCJ/1/3:op.2"));
    let alone = format!("{} 7", text("CCPCJ/1/1:op.2"));
    let theirs = "(tags: [\"question\"], note: \"not the sample's\", fingerprint: \"1234\", text: \"Another text\")";
    let fp = reso::annotate::fingerprint;
    std::fs::write(
        &notes,
        format!(
            "(\n    format: 1,\n    documents: {{\n        \"---\": (\n            clauses: {{\n                \
             \"---:op.3\": (tags: [\"support\"], note: \"followed\", fingerprint: {:?}, text: {exact:?}),\n                \
             \"---:op.4\": (tags: [\"amend\"], note: \"reworded\", fingerprint: {:?}, text: {misread:?}),\n                \
             \"---:op.9\": {theirs},\n            }},\n            orphans: [],\n        ),\n        \
             \"~~~\": (clauses: {{ \"~~~:op.1\": (note: \"alone\", fingerprint: {:?}, text: {alone:?}) }}),\n    }},\n)\n",
            fp(&exact),
            fp(&misread),
            fp(&alone),
        ),
    )
    .unwrap();
    let before = std::fs::read(&notes).unwrap();
    let sample = sample_file(dir.path());
    let shown = (vec![pair("CCPCJ/1/2:op.3", "followed"), pair("CCPCJ/1/3:op.2", "reworded")], vec![]);
    // `~~~` has nothing word for word in the sample: its only note is not
    // taken on a near match alone.
    assert_eq!(seen(std::slice::from_ref(&sample), &notes), [shown]);
    assert_eq!(std::fs::read(&notes).unwrap(), before);
    // A change in the sample moves the notes into the sample's own entry;
    // the other document's note stays in `---` as it was.
    ok(reso(&["annotate", "CCPCJ/1/2:op.3", "--tag", "priority"], &notes));
    let file = read(&notes).unwrap();
    let mine = &file.documents[SAMPLE_TITLE].clauses;
    assert_eq!((mine["CCPCJ/1/2:op.3"].note.as_str(), mine["CCPCJ/1/2:op.3"].tags.len()), ("followed", 2));
    assert_eq!(mine["CCPCJ/1/3:op.2"].note, "reworded");
    assert_eq!(file.documents["---"].clauses.keys().collect::<Vec<_>>(), ["---:op.9"]);
    assert!(file.documents["---"].orphans.is_empty());
    assert_eq!(file.documents["~~~"].clauses["~~~:op.1"].note, "alone");
}

#[test]
fn notes_on_a_resolution_and_on_the_document_round_trip_through_file_export_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    ok(reso(&["annotate", "CCPCJ/1/3", "--tag", "oppose", "--note", "vote no\nunless amended"], &notes));
    ok(reso(&["annotate", SAMPLE_TITLE, "--tag", "priority", "--note", "we sponsor 1/4"], &notes));
    let file = read(&notes).unwrap();
    let entry = &file.documents[SAMPLE_TITLE];
    assert_eq!(entry.resolutions["CCPCJ/1/3"].note, "vote no\nunless amended");
    assert!(entry.document.as_ref().is_some_and(|a| a.tags.contains("priority")));
    let json: serde_json::Value =
        serde_json::from_str(&ok(reso(&["notes", "export", "--format", "json"], &notes))).unwrap();
    let kinds: Vec<(&str, &str)> =
        json.as_array().unwrap().iter().map(|e| (e["on"].as_str().unwrap(), e["id"].as_str().unwrap())).collect();
    assert_eq!(kinds, [("document", ""), ("resolution", "CCPCJ/1/3")]);
    let md = ok(reso(&["notes", "export"], &notes));
    assert!(md.contains("#### The whole document — priority\n\nwe sponsor 1/4\n"), "{md}");
    // The note's two lines stay two lines in Markdown (a hard break).
    assert!(md.contains("#### The whole resolution — oppose\n\nvote no\\\nunless amended\n"), "{md}");
    // The document is also named by its file.
    let file_path = sample_file(dir.path());
    let o = ok(reso(&["annotate", file_path.to_str().unwrap(), "--untag", "priority"], &notes));
    assert!(o.starts_with(&format!("saved {SAMPLE_TITLE}: tags [], note")), "{o}");
    // Merge carries both kinds.
    let theirs = dir.path().join("theirs.ron");
    ok(reso(&["annotate", "CCPCJ/1/3", "--note", "France will amend"], &theirs));
    let o =
        Command::new(env!("CARGO_BIN_EXE_reso")).args(["notes", "merge"]).arg(&notes).arg(&theirs).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let merged = read(&notes).unwrap();
    let r = &merged.documents[SAMPLE_TITLE].resolutions["CCPCJ/1/3"];
    assert!(r.note.contains("vote no") && r.note.contains("France will amend"), "{}", r.note);
    assert_eq!(merged.documents[SAMPLE_TITLE].document.as_ref().map(|a| a.note.as_str()), Some("we sponsor 1/4"));
}

#[test]
fn annotate_without_a_change_says_so_and_writes_nothing_and_ids_may_begin_with_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    ok(reso(&["annotate", "CCPCJ/1/1:op.2", "--tag", "amend"], &notes));
    let before = std::fs::read(&notes).unwrap();
    let stamp = std::fs::metadata(&notes).unwrap().modified().unwrap();
    for args in [vec!["annotate", "CCPCJ/1/1:op.2"], vec!["annotate", "CCPCJ/1/1:op.2", "--tag", "amend"]] {
        let o = ok(reso(&args, &notes));
        assert!(o.starts_with("nothing changed for CCPCJ/1/1:op.2: tags [amend], no note"), "{o}");
    }
    assert_eq!(std::fs::read(&notes).unwrap(), before);
    assert_eq!(std::fs::metadata(&notes).unwrap().modified().unwrap(), stamp);
    assert!(!dir.path().join("notes.ron.bak").exists(), "no save, so no backup");
    // A document whose code begins with a dash.
    let dash = dir.path().join("dash.txt");
    std::fs::write(&dash, "Code: -X/1\n\nThe Council,\n\nRecalling its resolutions,\n\n1. Decides to act;\n").unwrap();
    let o = ok(reso(&["annotate", "-X/1:op.1", "--tag", "support", dash.to_str().unwrap()], &notes));
    assert!(o.starts_with("saved -X/1:op.1: tags [support]"), "{o}");
}

#[test]
fn where_two_open_documents_could_claim_a_format_1_entry_the_better_text_match_wins() {
    // Format 1 recorded no text fingerprint: the draft and its revision
    // both have the entry's title and codes. The draft still has every
    // annotated clause word for word, the revision one of the two (the
    // other was reworded), so the draft wins, in either order.
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let docs = [reso::document::sample()];
    let text = |id: &str| docs[0].all_clauses().find(|c| c.id == id).unwrap().text.to_string();
    let entry = |id: &str, note: &str| {
        let t = text(id);
        format!("{id:?}: (note: {note:?}, fingerprint: {:?}, text: {t:?})", reso::annotate::fingerprint(&t))
    };
    std::fs::write(
        &notes,
        format!(
            "(format: 1, documents: {{ {SAMPLE_TITLE:?}: (clauses: {{ {}, {} }}) }})",
            entry("CCPCJ/1/2:op.5", "training"),
            entry("CCPCJ/1/4:op.17.d", "hotline")
        ),
    )
    .unwrap();
    let draft = sample_file(dir.path());
    let revised = dir.path().join("revised.txt");
    std::fs::write(&revised, revised_sample()).unwrap();
    let on_draft = (vec![pair("CCPCJ/1/2:op.5", "training"), pair("CCPCJ/1/4:op.17.d", "hotline")], vec![]);
    let nothing = (vec![], vec![]);
    assert_eq!(seen(&[revised.clone(), draft.clone()], &notes), [nothing.clone(), on_draft.clone()]);
    assert_eq!(seen(&[draft.clone(), revised.clone()], &notes), [on_draft.clone(), nothing]);
    // Alone, the revision has them, the reworded clause followed.
    assert_eq!(seen(std::slice::from_ref(&revised), &notes), [on_draft]);
}
