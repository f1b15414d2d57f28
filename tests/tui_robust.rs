//! The reader under attack: a burst of keys, a terminal that closes with a
//! note being written, a huge clause left open.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::pty::Session;

#[test]
fn a_burst_of_keys_longer_than_one_read_is_handled_whole() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], home.path(), 40, 120);
    s.wait_for("CCPCJ/1/1");
    // A paste or a held key: more than crossterm's 1 KB read buffer at once.
    s.keys(&format!("{}q", "j".repeat(1030)));
    assert!(s.wait_exit_within(15).is_some_and(|st| st.success()), "the q after 1,030 keys was never read");
}

#[test]
fn a_note_being_written_is_saved_when_the_terminal_closes() {
    let home = tempfile::tempdir().unwrap();
    let notes = home.path().join("notes.ron");
    let mut s = Session::start(&["--notes", notes.to_str().unwrap()], home.path(), 40, 120);
    s.wait_for("CCPCJ/1/1");
    s.keys("jja");
    s.wait_for("Note on CCPCJ/1/1:pre.1");
    s.keys("written when the window closed");
    s.wait_for("written when the window closed");
    // portable-pty's writer sends a newline and ^D as it closes: to the
    // editor, Ctrl-J and Ctrl-D. After an Enter they only undo the Enter.
    s.close_terminal("!\r");
    assert!(s.wait_exit_within(20).is_some(), "reso did not end when its terminal closed");
    let saved = std::fs::read_to_string(&notes).unwrap_or_default();
    assert!(saved.contains("written when the window closed!"), "the note was lost:\n{saved}");
}

#[test]
fn a_note_is_kept_as_a_draft_when_the_loop_cannot_save_it() {
    let home = tempfile::tempdir().unwrap();
    let notes = home.path().join("notes.ron");
    let notes_arg = notes.to_str().unwrap();
    // The loop stays stuck after the signal: the watchdog ends reso.
    let mut s = Session::start_with(&["--notes", notes_arg], &[("RESO_TEST_STUCK", "1")], home.path(), 40, 120);
    s.wait_for("CCPCJ/1/1");
    s.keys("jja");
    s.wait_for("Note on CCPCJ/1/1:pre.1");
    s.keys("a thought in progress");
    s.wait_for("a thought in progress");
    let pid = s.child.process_id().expect("pid");
    assert!(Command::new("kill").args(["-HUP", &pid.to_string()]).status().unwrap().success());
    assert!(s.wait_exit_within(20).is_some(), "the watchdog did not end reso");
    let draft = std::fs::read_to_string(home.path().join("notes.ron.draft.md")).unwrap_or_default();
    assert!(draft.contains("CCPCJ/1/1:pre.1") && draft.contains("a thought in progress"), "no draft: {draft:?}");
    // The next start says where it is.
    let mut s = Session::start(&["--notes", notes_arg], home.path(), 40, 120);
    s.wait_for("notes.ron.draft.md");
    s.keys("q");
    s.wait_exit();
}

/// CPU time (user + system) the process has used, from /proc.
fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) in parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // The kernel reports in USER_HZ, 100 on Linux.
    Some(Duration::from_millis(ticks * 10))
}

#[test]
fn idle_with_a_huge_clause_open_uses_no_cpu() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("huge.txt");
    // One preambular paragraph of 8 MB on one line.
    let body = "word ".repeat(1_600_000);
    std::fs::write(&path, format!("The General Assembly,\n\nRecalling {body}\n\n1. Decides to act;\n")).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], home.path(), 40, 120);
    // The tree shows the clause's first words (which once copied all of it
    // on every redraw, five times a second).
    s.wait_for("Recalling word word");
    let pid = s.child.process_id().expect("pid");
    if cpu_time(pid).is_none() {
        eprintln!("no /proc here: nothing to measure");
        return;
    }
    // Work that follows loading (the finder's word index, on its own
    // thread) ends; then idle is no work. A 3 s window with under a tenth
    // of it used (the once-a-second look at the notes file, a slow
    // machine) must come within 30 s: the redraw loop that copied the
    // clause never let one come.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (before, start) = (cpu_time(pid).expect("still running"), Instant::now());
        std::thread::sleep(Duration::from_secs(3));
        let used = cpu_time(pid).expect("still running") - before;
        if used < start.elapsed() / 10 {
            break;
        }
        assert!(Instant::now() < deadline, "idle reso still used {used:?} of CPU in {:?}", start.elapsed());
    }
    // Selecting it lays out its detail once, in part.
    s.keys("jj");
    s.wait_for("of this clause are not shown");
    s.keys("q");
    s.wait_exit();
}
