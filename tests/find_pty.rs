//! The finder end to end: the real `reso` binary in a pseudo-terminal, read
//! back through a terminal emulator (vt100), as a delegate would use it.
//! (The session helper is the one in tui_pty.rs.)

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// Records what a document might try to do to the terminal.
#[derive(Default)]
struct Watch {
    titles: Vec<Vec<u8>>,
    bells: usize,
}

impl vt100::Callbacks for Watch {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
}

struct Session {
    parser: Arc<Mutex<vt100::Parser<Watch>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _home: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 }).expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_reso"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // Never the user's own config or notes.
        let home = tempfile::tempdir().expect("temp home");
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("XDG_DATA_HOME", home.path().join("data"));
        cmd.env("HOME", home.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn reso");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            std::num::NonZeroU16::new(40).expect("rows"),
            std::num::NonZeroU16::new(120).expect("cols"),
            0,
            Watch::default(),
        )));
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let _keep_master_open = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = p.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        Session { parser, writer, child, _home: home }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {text:?}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(60));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            assert!(Instant::now() < deadline, "reso did not exit; screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn alternate_screen(&self) -> bool {
        self.parser.lock().expect("parser").screen().alternate_screen()
    }
}

#[test]
fn a_citation_lands_on_its_clause() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("/1/3 PP 3");
    let screen = s.wait_for("/ 1/3 PP 3");
    assert!(screen.contains("= CCPCJ/1/3 › Preamble 3"), "shown first, marked as the citation:\n{screen}");
    s.keys("\r");
    let screen = s.wait_for("id CCPCJ/1/3:pre.3");
    assert!(screen.contains("Reaffirming"), "{screen}");
    // A clause that does not exist: said, with the nearest, and Enter
    // does not jump anywhere.
    s.keys("/1/3 op 40");
    let screen = s.wait_for("no clause 1/3:op.40");
    assert!(screen.contains("CCPCJ/1/3:op.1"), "{screen}");
    s.keys("\r");
    s.wait_for("pick with ↑ / ↓ then Enter, or Esc");
    s.keys("\x1b");
    s.wait_for("id CCPCJ/1/3:pre.3");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert!(!s.alternate_screen(), "the alternate screen was left");
}

#[test]
fn a_filter_keeps_the_hotline_clauses_and_n_cycles_through_them() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("fhotline");
    s.wait_for("/ hotline");
    s.keys("\r");
    let screen = s.wait_for("2 matching clauses");
    // Only CCPCJ/1/4's operative 17 (its item b names the hotline too)
    // and their ancestors: no other resolution, no other paragraph.
    let tree: Vec<&str> = screen.lines().map(|l| l.split('│').nth(1).unwrap_or("")).collect();
    let tree = tree.join("\n");
    for absent in ["CCPCJ/1/1", "CCPCJ/1/2", "CCPCJ/1/3", "Preamble", "16 ", "18 "] {
        assert!(!tree.contains(absent), "{absent} shown:\n{screen}");
    }
    assert!(tree.contains("CCPCJ/1/4") && tree.contains("17 Recommends"), "{screen}");
    assert!(screen.contains("CCPCJ/1/4 › Operative 17"), "{screen}");
    s.keys("n");
    let screen = s.wait_for("hit 2 of 2");
    assert!(screen.contains("CCPCJ/1/4 › Operative 17 › b"), "{screen}");
    s.keys("n");
    let screen = s.wait_for("hit 1 of 2 — wrapped to the first");
    assert!(screen.contains("id CCPCJ/1/4:op.17\n") || screen.contains("id CCPCJ/1/4:op.17 "), "{screen}");
    s.keys("N");
    s.wait_for("hit 2 of 2 — wrapped to the last");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert!(!s.alternate_screen(), "the alternate screen was left");
}

#[test]
fn the_prompt_edits_like_a_prompt() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("CCPCJ/1/1");
    s.keys("/hotlne");
    s.wait_for("/ hotlne");
    // Left twice, insert the missing `i`.
    s.keys("\x1b[D");
    s.keys("\x1b[D");
    s.keys("i");
    s.wait_for("/ hotline");
    // End, a word, Ctrl-w deletes it; Ctrl-u the line.
    s.keys("\x1b[F");
    s.keys(" data");
    s.wait_for("/ hotline data");
    s.keys("\x17");
    s.wait_for("/ hotline ");
    s.keys("\x15");
    let screen = s.wait_for("0/230");
    assert!(!screen.contains("/ hotline"), "{screen}");
    s.keys("\x1b");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert!(!s.alternate_screen(), "the alternate screen was left");
}
