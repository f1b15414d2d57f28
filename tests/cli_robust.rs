//! The command line under attack: full disks, closed pipes, devices and
//! FIFOs given as files, huge files, concurrent writers. Each failure is
//! one clear line and a non-zero exit; nothing hangs, nothing is cut short
//! silently.

mod common;

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::fixture_path;

/// `reso` with no user config or notes of the person running the tests.
fn reso(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_reso"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("HOME", home)
        .stdin(Stdio::null());
    cmd
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Wait for `child` at most `secs` seconds; kill it and fail if it hangs.
fn finish(mut child: std::process::Child, secs: u64, what: &str) -> Output {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while child.try_wait().expect("try_wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{what}: reso hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn sample() -> String {
    fixture_path("ccpcj-2025-conference-a.txt").to_string_lossy().into_owned()
}

#[test]
fn a_failed_write_is_an_error_for_every_command() {
    let home = tempfile::tempdir().unwrap();
    let notes = home.path().join("notes.ron");
    let notes = notes.to_str().unwrap();
    let sample = sample();
    // Something to export and merge.
    let o = reso(home.path())
        .args(["annotate", "CCPCJ/1/1:pre.1", &sample, "--notes", notes, "--tag", "support"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let partner = home.path().join("partner.ron");
    std::fs::copy(notes, &partner).unwrap();
    let partner = partner.to_str().unwrap();
    let out_file = home.path().join("merged.ron");
    let commands: Vec<Vec<&str>> = vec![
        vec!["outline", &sample],
        vec!["outline", "--json", &sample],
        vec!["find", "hotline", &sample, "--notes", notes],
        vec!["find", "hotline", "--json", &sample, "--notes", notes],
        vec!["notes", "export", &sample, "--notes", notes],
        vec!["notes", "export", "--format", "json", &sample, "--notes", notes],
        vec!["annotate", "CCPCJ/1/1:pre.2", &sample, "--notes", notes, "--tag", "amend"],
        vec!["notes", "merge", notes, partner, "-o", out_file.to_str().unwrap()],
        vec!["--help"],
    ];
    for args in commands {
        let full = OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let o = reso(home.path()).args(&args).stdout(Stdio::from(full)).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.starts_with("reso: cannot write the output: ") && err.lines().count() == 1, "{args:?}: {err}");
    }
}

#[test]
fn a_closed_pipe_only_ends_the_output() {
    let home = tempfile::tempdir().unwrap();
    // Several pipe buffers of outline.
    let big = home.path().join("big.txt");
    std::fs::write(&big, reso::document::corpus::generate(2_000_000)).unwrap();
    for json in [false, true] {
        let mut cmd = reso(home.path());
        cmd.arg("outline").arg(&big).stdout(Stdio::piped()).stderr(Stdio::piped());
        if json {
            cmd.arg("--json");
        }
        let mut child = cmd.spawn().unwrap();
        let mut head = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        // The reading end is dropped here, as `| head` does.
        let o = finish(child, 60, "closed pipe");
        assert!(o.status.success(), "json {json}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "json {json}");
    }
}

#[test]
fn devices_fifos_and_huge_files_are_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let fifo = fifo.to_str().unwrap();
    let huge = home.path().join("huge.txt");
    File::create(&huge).unwrap().set_len((1 << 30) + 1).unwrap();
    let huge = huge.to_str().unwrap();
    let sample = sample();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["outline", fifo], "not a regular file (a named pipe)"),
        (vec!["outline", "/dev/zero"], "not a regular file (a device)"),
        (vec!["find", "x", "/dev/zero"], "not a regular file (a device)"),
        (vec!["outline", huge], "too large: 1.0 GB (reso reads files up to 1.0 GB)"),
        (vec!["notes", "export", &sample, "--notes", "/dev/zero"], "not a regular file (a device)"),
        (vec!["notes", "export", &sample, "--notes", fifo], "not a regular file (a named pipe)"),
        (vec!["outline", "--config", "/dev/zero", &sample], "not a regular file (a device)"),
        (vec!["outline", "--config", fifo, &sample], "not a regular file (a named pipe)"),
    ];
    for (args, message) in cases {
        let child = reso(home.path()).args(&args).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
        let o = finish(child, 20, &format!("{args:?}"));
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(message) && err.lines().count() == 1, "{args:?}: {err}");
    }
}

#[test]
fn find_in_a_file_with_no_resolution_fails_as_outline_does() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("shopping.txt");
    std::fs::write(&path, "eggs\nmilk\nbread\n").unwrap();
    for args in [vec!["outline"], vec!["find", "milk"]] {
        let o = reso(home.path()).args(&args).arg(&path).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("no resolution found"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn merge_into_another_file_waits_for_its_lock() {
    let home = tempfile::tempdir().unwrap();
    let sample = sample();
    let mine = home.path().join("mine.ron");
    let o = reso(home.path())
        .args(["annotate", "CCPCJ/1/1:pre.1", &sample, "--notes", mine.to_str().unwrap(), "--note", "mine"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let theirs = home.path().join("theirs.ron");
    std::fs::copy(&mine, &theirs).unwrap();
    let target = home.path().join("out.ron");
    // Another reso is saving the target: it holds the target's lock.
    let lock =
        OpenOptions::new().create(true).truncate(false).write(true).open(home.path().join("out.ron.lock")).unwrap();
    lock.lock().unwrap();
    let mut child = reso(home.path())
        .args(["notes", "merge"])
        .arg(&mine)
        .arg(&theirs)
        .arg("-o")
        .arg(&target)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    assert!(child.try_wait().unwrap().is_none(), "merge -o did not wait for the lock");
    assert!(!target.exists(), "merge -o wrote while another save held the lock");
    lock.unlock().unwrap();
    let o = finish(child, 20, "merge -o");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&target).unwrap().contains("mine"));
}

#[test]
fn utf16_without_a_mark_and_stray_nul_bytes_are_read() {
    let home = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture_path("ccpcj-2025-conference-a.txt")).unwrap();
    let utf16 = home.path().join("utf16.txt");
    std::fs::write(&utf16, text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()).unwrap();
    let nul = home.path().join("nul.txt");
    std::fs::write(&nul, text.replacen("Recalling", "Recalling\0", 1)).unwrap();
    let plain = reso(home.path()).args(["outline", &sample()]).output().unwrap();
    for (path, note) in [(&utf16, "UTF-16 without a byte-order mark"), (&nul, "1 control character")] {
        let o = reso(home.path()).arg("outline").arg(path).output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(note), "{out}");
        // The same resolutions and clauses as the plain file.
        let ids = |s: &str| s.lines().filter(|l| l.contains(":op.")).count();
        assert_eq!(ids(&out), ids(&String::from_utf8_lossy(&plain.stdout)));
    }
}

#[test]
fn one_stray_byte_changes_no_clause_and_detaches_no_note() {
    // The sample with one Latin-1 byte typed into its front matter: every
    // clause (and so every fingerprint notes are anchored by) is as before.
    let bytes = std::fs::read(fixture_path("ccpcj-2025-conference-a.txt")).unwrap();
    let at = bytes.iter().position(|&b| b == b'\n').unwrap();
    let mut damaged = bytes.clone();
    damaged.insert(at, 0xE9);
    let clean = reso::document::load_bytes(&bytes, "a.txt").unwrap();
    let read = reso::document::load_bytes(&damaged, "a.txt").unwrap();
    let texts = |d: &reso::document::Document| -> Vec<(String, String)> {
        d.all_clauses().map(|c| (c.id.to_string(), c.text.to_string())).collect()
    };
    assert_eq!(texts(&read), texts(&clean));
    assert!(read.encoding_note.as_deref().is_some_and(|n| n.contains("invalid UTF-8")), "{:?}", read.encoding_note);
}
