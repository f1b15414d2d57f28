//! A live debate end to end: the real `reso` in a pseudo-terminal. Ten
//! citations are each tagged from the finder (`Ctrl-t` then the tag key),
//! some read on the way (Enter, then `/` again); `Ctrl-o` walks back
//! through those jumps; after quitting and reopening with the same notes
//! file and data directory, every tag is on its clause (the screen and
//! `reso notes export` say so) and the reader is back on the last clause.

#[path = "common/pty.rs"]
mod pty;

#[path = "common/debate.rs"]
mod debate;

use debate::DEBATE;
use pty::Session;

/// The status line (the screen's last non-empty line).
fn status(s: &Session) -> String {
    s.screen().lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
}

/// Wait until the status line shows `text`.
fn wait_status(s: &Session, text: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !status(s).contains(text) {
        assert!(std::time::Instant::now() < deadline, "status never showed {text:?}:\n{}", s.screen());
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
}

#[test]
fn a_debate_tagged_from_the_finder_survives_a_restart() {
    let home = tempfile::tempdir().expect("home");
    let notes = home.path().join("notes.ron");
    let notes_arg = notes.to_str().expect("utf-8 path");
    let mut s = Session::start(&["--notes", notes_arg], home.path(), 40, 140);
    s.wait_for("CCPCJ/1/1");
    let start = status(&s);
    // Read along the way after these citations (by index): jumps to walk back.
    let read = [2usize, 5];
    s.keys("/");
    s.wait_for("Find");
    for (i, (cite, id, tag, name)) in DEBATE.iter().enumerate() {
        s.keys(cite);
        s.keys("\x14"); // Ctrl-t
        s.keys(&tag.to_string());
        wait_status(&s, &format!("{name} on {id}"));
        if read.contains(&i) {
            s.keys("\r");
            wait_status(&s, "READ");
            wait_status(&s, id);
            s.keys("/");
            s.wait_for("Find");
        }
    }
    // The last citation is still in the finder: Enter reads it.
    s.keys("\r");
    let last = DEBATE[DEBATE.len() - 1].1;
    wait_status(&s, "READ");
    wait_status(&s, last);
    // Ctrl-o walks back through the jumps, newest first, to the start.
    for &i in read.iter().rev() {
        s.keys("\x0f");
        wait_status(&s, DEBATE[i].1);
    }
    s.keys("\x0f");
    let code = start.split_whitespace().nth(3).unwrap_or("CCPCJ/1/1").to_string();
    // ` CCPCJ/1/1  `: the resolution itself, not one of its clauses.
    wait_status(&s, &format!(" {code}  "));
    // And forward again to the last clause, then quit.
    s.keys("\x0e\x0e\x0e");
    wait_status(&s, last);
    s.keys("q");
    assert!(s.wait_exit().success());

    let mut s = Session::start(&["--notes", notes_arg], home.path(), 40, 140);
    wait_status(&s, last);
    // The detail shows the last clause with the tag it was given.
    let screen = s.wait_for(&format!("Tags: {}", DEBATE[DEBATE.len() - 1].3));
    assert!(screen.contains(&format!("id {last}")), "{screen}");
    s.keys("q");
    assert!(s.wait_exit().success());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reso"))
        .args(["notes", "export", "--notes", notes_arg])
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .expect("reso notes export");
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    for (cite, id, _, name) in DEBATE {
        assert!(md.contains(&format!("#### `{id}` — {name}")), "{cite}: {id} tagged {name}:\n{md}");
    }
}
