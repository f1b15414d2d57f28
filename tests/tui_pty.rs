//! End to end: the real `reso` binary in a real pseudo-terminal, read back
//! through a terminal emulator (vt100), as a user would see it.

mod common;

use common::pty::Session;

/// `reso ARGS` in a 40 × 120 terminal with its own temporary home.
fn start(args: &[&str], env: &[(&str, &str)]) -> Session {
    Session::in_temp_home(args, env)
}

#[test]
fn open_navigate_and_quit_leaves_the_terminal_clean() {
    let mut s = start(&[], &[]);
    s.wait_for("CCPCJ/1/1");
    assert!(s.alternate_screen());
    // Three resolutions on, then down through CCPCJ/1/4's operative part.
    s.keys("}}}");
    s.wait_for("row 83/114  CCPCJ/1/4");
    s.keys("G");
    s.wait_for("ANNEX 1");
    // Up to operative 18, then 17, then unfold it and go to item d.
    s.keys("kkk");
    s.keys("l");
    s.keys("jjjj");
    let screen = s.wait_for("CCPCJ/1/4 › Operative 17 › d");
    assert!(screen.contains("Providing victims with 24-hour rapid"), "{screen}");
    s.keys("?");
    s.wait_for("Keys — Esc, ? or q to close");
    s.keys("?q");
    let status = s.wait_exit();
    assert!(status.success());
    assert!(!s.alternate_screen(), "the alternate screen was left");
    let raw = s.raw.lock().unwrap().clone();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).to_string();
    assert!(tail.contains("\u{1b}[?1049l"), "left the alternate screen: {tail:?}");
}

#[test]
fn find_hotline_and_jump() {
    let mut s = start(&[], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("/hotline");
    s.wait_for("/ hotline");
    s.keys("\r");
    // Matching may still run when Enter comes: the jump to the best hit
    // follows when it ends.
    let screen = s.wait_for("universal hotline");
    assert!(screen.contains("CCPCJ/1/4 › Operative 17"), "{screen}");
    assert!(screen.contains("READ"));
    s.keys("q");
    s.wait_exit();
    assert!(!s.alternate_screen());
}

#[test]
fn esc_and_a_key_in_one_read_are_both_keys() {
    let mut s = start(&[], &[]);
    s.wait_for("CCPCJ/1/1");
    s.wait_for("row 2/");
    s.keys("/hot");
    s.wait_for("/ hot");
    // What a terminal multiplexer sends for `Esc j` typed quickly.
    s.keys("\x1bj");
    let screen = s.wait_for("row 3/");
    assert!(!screen.contains("/ hot"), "the finder closed: {screen}");
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn tag_and_note_survive_a_restart_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let notes_arg = notes.to_str().unwrap();
    let mut s = start(&["--notes", notes_arg], &[]);
    s.wait_for("CCPCJ/1/1");
    // Down to the first preambular paragraph of CCPCJ/1/1, tag it, write a note.
    s.keys("jj");
    s.wait_for("CCPCJ/1/1 › Preamble 1");
    s.keys("1");
    s.wait_for("support on CCPCJ/1/1:pre.1");
    s.keys("a");
    s.wait_for("Note on CCPCJ/1/1:pre.1");
    s.keys("Cite SDG 16 here");
    s.keys("\x1b");
    s.wait_for("note saved on CCPCJ/1/1:pre.1");
    s.keys("q");
    assert!(s.wait_exit().success());

    let mut s = start(&["--notes", notes_arg], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("jj");
    let screen = s.wait_for("Tags: support");
    assert!(screen.contains("Cite SDG 16 here"), "{screen}");
    assert!(screen.contains("S✎ PP1 Considering"), "tree markers: {screen}");
    s.keys("q");
    s.wait_exit();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(["notes", "export", "--notes", notes_arg])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("#### `CCPCJ/1/1:pre.1` — support") && md.contains("Cite SDG 16 here"), "{md}");
}

#[test]
fn the_external_editor_gets_the_terminal_and_gives_it_back() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let editor = dir.path().join("fake-editor");
    // Records whether it had a normal (non-alternate) screen, then writes.
    std::fs::write(&editor, "#!/bin/sh\nprintf 'written in the editor' >> \"$1\"\n").unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut s = start(&["--notes", notes.to_str().unwrap()], &[("VISUAL", editor.to_str().unwrap())]);
    s.wait_for("CCPCJ/1/1");
    s.keys("jj");
    s.wait_for("CCPCJ/1/1 › Preamble 1");
    s.keys("E");
    let screen = s.wait_for("note saved on CCPCJ/1/1:pre.1");
    assert!(screen.contains("written in the editor"), "{screen}");
    assert!(s.alternate_screen(), "the reader took the screen back");
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    assert!(
        raw.matches("\u{1b}[?1049l").count() >= 1 && raw.matches("\u{1b}[?1049h").count() >= 2,
        "left and re-entered"
    );
    s.keys("q");
    s.wait_exit();
}

#[test]
fn a_panic_restores_the_terminal_before_the_message() {
    let mut s = start(&[], &[("RESO_TEST_PANIC", "1")]);
    let status = s.wait_exit();
    assert!(!status.success());
    assert!(!s.alternate_screen());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).to_string();
    let left = raw.rfind("\u{1b}[?1049l").expect("left the alternate screen");
    let message = raw.find("panicking after the first frame").expect("panic message printed");
    assert!(left < message, "restored before the message");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_keep_a_note_being_written() {
    for signal in ["-TERM", "-HUP"] {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes.ron");
        let mut s = start(&["--notes", notes.to_str().unwrap()], &[]);
        s.wait_for("CCPCJ/1/1");
        s.keys("jja");
        s.wait_for("Note on CCPCJ/1/1:pre.1");
        s.keys("half-written thought");
        s.wait_for("half-written thought");
        let pid = s.child.process_id().expect("pid");
        let ok = std::process::Command::new("kill").args([signal, &pid.to_string()]).status().expect("kill");
        assert!(ok.success());
        s.wait_exit();
        assert!(!s.alternate_screen(), "{signal}");
        let saved = std::fs::read_to_string(&notes).unwrap_or_default();
        assert!(saved.contains("half-written thought"), "{signal}: the note in the editor was kept");
    }
}

#[test]
fn a_hostile_document_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    std::fs::write(
        &path,
        "The Council,\n\nRecalling \x1b]0;owned-title\x07 \x1b[2J\x1b[31mred\x07 and \u{9b}31m,\n\n1. Decides \x1b]2;again\x1b\\ now;\n",
    )
    .unwrap();
    let mut s = start(&[path.to_str().unwrap()], &[]);
    s.wait_for("Recalling");
    s.keys("GG");
    let screen = s.wait_for("Decides");
    assert!(!screen.contains("[31m") && !screen.contains("owned"), "{screen}");
    {
        let parser = s.parser.lock().unwrap();
        assert!(parser.callbacks().titles.is_empty(), "a document set the window title");
        assert_eq!(parser.callbacks().bells, 0);
    }
    s.keys("q");
    s.wait_exit();
}

#[test]
fn not_a_terminal_is_a_clear_error() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reso")).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal") && err.lines().count() == 1, "{err}");
}

#[path = "common/same_title.rs"]
mod same_title;

#[test]
fn another_file_with_the_samples_title_leaves_the_samples_notes_alone() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let notes_arg = notes.to_str().unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, same_title::same_title_and_codes()).unwrap();

    // Tag the sample's first preambular paragraph.
    let mut s = start(&["--notes", notes_arg], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("jj");
    s.wait_for("CCPCJ/1/1 › Preamble 1");
    s.keys("3");
    s.wait_for("amend on CCPCJ/1/1:pre.1");
    s.keys("q");
    assert!(s.wait_exit().success());
    let saved = std::fs::read(&notes).unwrap();

    // Open the other booklet (same title, same codes), look, quit.
    let mut s = start(&["--notes", notes_arg, other.to_str().unwrap()], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("jj");
    let screen = s.wait_for("CCPCJ/1/1 › Preamble 1");
    assert!(screen.contains("review mechanism number 1") && !screen.contains("Tags:"), "{screen}");
    s.keys("A");
    s.wait_for("Notes and tags (0)");
    s.keys("\x1bq");
    assert!(s.wait_exit().success());
    assert_eq!(std::fs::read(&notes).unwrap(), saved, "opening another file rewrote the notes");

    // Back on the sample: the marker is on the clause, and no orphan.
    let mut s = start(&["--notes", notes_arg], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("jj");
    let screen = s.wait_for("Tags: amend");
    assert!(screen.contains("A PP1 Considering"), "tree marker: {screen}");
    s.keys("A");
    let screen = s.wait_for("Notes and tags (1)");
    assert!(screen.contains("│CCPCJ/1/1 › Preamble 1  ●amend") && !screen.contains("│orphan "), "{screen}");
    s.keys("\x1bq");
    assert!(s.wait_exit().success());
}

#[test]
fn compare_two_drafts_step_through_changes_and_tag_one() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.ron");
    let config = dir.path().join("config.ron");
    // A delegation's own tags for amendments.
    std::fs::write(
        &config,
        r#"(tags: [(name: "friendly", key: '1', color: "green"), (name: "unfriendly", key: '2', color: "red")])"#,
    )
    .unwrap();
    let draft = common::fixture_path("revisions/draft.txt");
    let revision = common::fixture_path("revisions/revision.txt");
    let args = [
        "--notes",
        notes.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--compare",
        draft.to_str().unwrap(),
        revision.to_str().unwrap(),
    ];
    let mut s = start(&args, &[]);
    s.wait_for("revision.txt");
    s.keys("cc");
    let screen = s.wait_for("change 2 of 11");
    assert!(screen.contains("Since the older revision: reworded (was op.2)"), "{screen}");
    s.keys("1");
    s.wait_for("friendly on Working Paper 3.1 (revised):op.3");
    s.keys("x");
    s.wait_for("struck clauses hidden");
    assert!(!s.screen().contains("Urges Member States"));
    s.keys("q");
    assert!(s.wait_exit().success());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(["notes", "export", "--notes", notes.to_str().unwrap(), revision.to_str().unwrap()])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("`Working Paper 3.1 (revised):op.3` — friendly"), "{md}");
}

#[test]
fn reopening_resumes_on_the_last_clause_and_ctrl_o_walks_back() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let mut s = start(&[], &[("XDG_DATA_HOME", data_dir)]);
    s.wait_for("CCPCJ/1/1");
    // Two jumps, then back with Ctrl-o.
    s.keys("}}");
    s.wait_for("row 42/114  CCPCJ/1/3");
    s.keys("G");
    s.wait_for("row 114/114  CCPCJ/1/4:annex1.op.1");
    s.keys("\x0f");
    s.wait_for("row 42/114  CCPCJ/1/3  jump list: 2 back, 1 forward");
    s.keys("\x0f");
    s.wait_for("CCPCJ/1/2  jump list: 1 back, 2 forward");
    // Into a clause, narrowed, then quit.
    s.keys("jjj");
    let screen = s.wait_for("CCPCJ/1/2:pre.2");
    assert!(screen.contains("PP2 Appreciating"), "{screen}");
    s.keys("o");
    s.wait_for("NARROWED to CCPCJ/1/2");
    s.keys("q");
    assert!(s.wait_exit().success());

    let mut s = start(&[], &[("XDG_DATA_HOME", data_dir)]);
    let screen = s.wait_for("back where you left off");
    assert!(screen.contains("CCPCJ/1/2:pre.2") && screen.contains("NARROWED to CCPCJ/1/2"), "{screen}");
    s.keys("q");
    s.wait_exit();
}
