//! The real `reso` binary in a pseudo-terminal, read back through a
//! terminal emulator (vt100) that records what the program tried to do to
//! the terminal: titles, clipboard writes, bells.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// What output tried to do besides printing text.
#[derive(Default, Debug)]
pub struct Watch {
    pub titles: Vec<Vec<u8>>,
    pub clipboard: Vec<Vec<u8>>,
    pub bells: usize,
}

impl vt100::Callbacks for Watch {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
}

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser<Watch>>>,
    writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    /// Set to make the reading side let go of the terminal after its next
    /// read: with the writer gone too, the terminal is closed.
    hang_up: Arc<AtomicBool>,
    /// A temporary home the session made for itself, kept while it runs.
    home: Option<tempfile::TempDir>,
}

impl Session {
    /// `reso ARGS` in a terminal of `rows` × `cols`, with HOME and XDG
    /// folders under `home` (never the user's own config or notes).
    pub fn start(args: &[&str], home: &Path, rows: u16, cols: u16) -> Session {
        Session::start_with(args, &[], home, rows, cols)
    }

    /// The same with more environment variables.
    pub fn start_with(args: &[&str], env: &[(&str, &str)], home: &Path, rows: u16, cols: u16) -> Session {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("openpty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_reso"));
        cmd.args(args);
        cmd.cwd(home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("HOME", home);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn reso");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            std::num::NonZeroU16::new(rows).expect("rows"),
            std::num::NonZeroU16::new(cols).expect("cols"),
            0,
            Watch::default(),
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let hang_up = Arc::new(AtomicBool::new(false));
        let (p, r, h) = (Arc::clone(&parser), Arc::clone(&raw), Arc::clone(&hang_up));
        std::thread::spawn(move || {
            let master = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = p.lock() {
                    p.process(&buf[..n]);
                }
                if let Ok(mut r) = r.lock() {
                    r.extend_from_slice(&buf[..n]);
                }
                if h.load(Ordering::SeqCst) {
                    break;
                }
            }
            drop(reader);
            drop(master);
        });
        Session { parser, writer: Some(writer), child, raw, hang_up, home: None }
    }

    /// `reso ARGS` in a 40 × 120 terminal with a fresh temporary home (never
    /// the user's config or notes), and more environment variables.
    pub fn in_temp_home(args: &[&str], env: &[(&str, &str)]) -> Session {
        let home = tempfile::tempdir().expect("temp home");
        let mut s = Session::start_with(args, env, home.path(), 40, 120);
        s.home = Some(home);
        s
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().expect("parser").screen().alternate_screen()
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {text:?}; screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn keys(&mut self, keys: &str) {
        if let Some(w) = self.writer.as_mut() {
            w.write_all(keys.as_bytes()).expect("write keys");
            w.flush().expect("flush");
        }
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Close the terminal, as closing its window does: `last_keys` are
    /// typed, and once the program has answered them nothing holds the
    /// terminal's other end any more.
    pub fn close_terminal(&mut self, last_keys: &str) {
        self.hang_up.store(true, Ordering::SeqCst);
        if let Some(mut w) = self.writer.take() {
            let _ = w.write_all(last_keys.as_bytes());
            let _ = w.flush();
        }
    }

    /// The exit status, or None if the program had not ended in `secs`.
    pub fn wait_exit_within(&mut self, secs: u64) -> Option<portable_pty::ExitStatus> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread take the last bytes.
                std::thread::sleep(Duration::from_millis(150));
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        match self.wait_exit_within(30) {
            Some(status) => status,
            None => {
                let _ = self.child.kill();
                panic!("reso did not exit; screen:\n{}", self.screen());
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}
