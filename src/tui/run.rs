//! The terminal side: set up, a synchronous event loop, and a clean exit on
//! quit, on a panic (the terminal is restored before the message prints) and
//! on SIGTERM/SIGHUP. The user's editor gets the terminal and gives it back.

use std::io::{IsTerminal, stdout};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind};
use ratatui::crossterm::execute;

use super::app::{App, Mode};
use super::keymap::Action;
use super::update::{Effect, key, update};
use super::{find_update, notes_update, views};
use crate::annotate::{Notes, Store};
use crate::config::Config;
use crate::config::theme::{Palette, no_color_env};
use crate::document::Document;

/// How often the loop wakes without input, to notice signals.
const TICK: Duration = Duration::from_millis(200);
/// How often the finder's results refresh while matching runs.
const FRAME: Duration = Duration::from_millis(16);
/// How often another instance's changes to the notes are looked for.
const NOTES_POLL: Duration = Duration::from_millis(1000);

pub fn run(docs: &[Document], config: &Config, notes_path: Option<&Path>) -> Result<(), String> {
    if !stdout().is_terminal() {
        return Err("the reader needs a terminal; `reso outline` prints the tree instead".into());
    }
    let mut app = App::new(docs, config.tree_width_percent);
    app.keymap = crate::config::keys::keymap(&config.keys)?;
    app.tags = config.tags.clone();
    app.palette = Palette::new(&config.theme, no_color_env());
    match notes_path {
        Some(path) => {
            let store = match Store::open(path) {
                Ok(store) => store,
                Err(problem) => {
                    app.mode = Mode::NotesProblem(problem.clone());
                    Store::read_only(path, problem)
                }
            };
            match Notes::open(store, docs) {
                Ok(notes) => app.notes = Some(notes),
                Err(e) => app.message = Some(e),
            }
        }
        None => app.message = Some("notes are off: no home directory; start with --notes FILE".into()),
    }
    app.notes_changed();

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(|e| format!("cannot watch signals: {e}"))?;
    }
    watchdog(Arc::clone(&stop));
    let mouse = config.mouse;
    if mouse {
        // ratatui's hook leaves raw mode and the alternate screen; mouse
        // capture is ours to undo, first.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture);
            previous(info);
        }));
    }
    let mut terminal = ratatui::try_init().map_err(|e| format!("cannot start the terminal: {e}"))?;
    if mouse {
        let _ = execute!(stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, &mut app, &stop, mouse);
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

/// If a SIGTERM/SIGHUP is not acted on by the event loop within a second,
/// end the process from here. crossterm 0.29 spins forever reading a
/// terminal that has gone away (its read loop treats end-of-file as "try
/// again"), so after a hang-up the loop may never come back to check.
fn watchdog(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(250));
            if stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_secs(1));
                ratatui::restore();
                std::process::exit(1);
            }
        }
    });
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App<'_>, stop: &AtomicBool, mouse: bool) -> Result<(), String> {
    let io = |e: std::io::Error| format!("terminal error: {e}");
    let size = terminal.size().map_err(io)?;
    app.resize(size.width, size.height);
    // A test hook: prove that a panic restores the terminal.
    let panic_for_test = std::env::var_os("RESO_TEST_PANIC").is_some();
    let mut last_poll = Instant::now();
    loop {
        if stop.load(Ordering::Relaxed) {
            // A note being written is kept, as Esc would keep it.
            if app.mode == Mode::EditNote {
                notes_update::editor_key(
                    app,
                    &ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Esc),
                );
            }
            return Ok(());
        }
        if app.mode == Mode::Find {
            find_update::tick(app);
            app.refresh();
        }
        if app.collecting.is_some() {
            find_update::collect(app);
            app.refresh();
        }
        if last_poll.elapsed() >= NOTES_POLL {
            notes_update::poll(app);
            last_poll = Instant::now();
        }
        terminal.draw(|frame| views::draw(app, frame)).map_err(io)?;
        // The finder's word index builds in the background from the first
        // frame on (not before: the first frame comes first).
        find_update::start_engine(app);
        if panic_for_test {
            panic!("RESO_TEST_PANIC is set: panicking after the first frame");
        }
        // While matching runs, wake often so results fill in as they come.
        let running = app.finder.as_ref().is_some_and(|f| f.running) || app.collecting.is_some();
        if !event::poll(if running { FRAME } else { TICK }).map_err(io)? {
            continue;
        }
        match event::read().map_err(io)? {
            Event::Key(k) if k.kind != KeyEventKind::Release => match key(app, &k) {
                Effect::Quit => return Ok(()),
                Effect::EditExternally(node) => edit_externally(terminal, app, node, mouse)?,
                Effect::None => {}
            },
            Event::Resize(width, height) => app.resize(width, height),
            Event::Mouse(m) if app.mode == Mode::Normal => match m.kind {
                MouseEventKind::ScrollDown => {
                    update(app, Action::Down);
                }
                MouseEventKind::ScrollUp => {
                    update(app, Action::Up);
                }
                MouseEventKind::Down(_) => app.click(m.column, m.row),
                _ => {}
            },
            _ => {}
        }
    }
}

/// `E`: write the note to a temporary file, give the terminal to
/// $VISUAL / $EDITOR (run directly, not through a shell), take it back,
/// and save what was written.
fn edit_externally(terminal: &mut DefaultTerminal, app: &mut App<'_>, node: usize, mouse: bool) -> Result<(), String> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| std::env::var("EDITOR").ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let mut words = editor.split_whitespace();
    let Some(program) = words.next() else { return Ok(()) };
    let args: Vec<&str> = words.collect();
    let note = app.annotation(node).map(|a| a.note.clone()).unwrap_or_default();
    let file = match tempfile::Builder::new().prefix("reso-note-").suffix(".md").tempfile() {
        Ok(f) => f,
        Err(e) => {
            app.message = Some(format!("cannot make a temporary file: {e}"));
            return Ok(());
        }
    };
    if let Err(e) = std::fs::write(file.path(), &note) {
        app.message = Some(format!("cannot write {}: {e}", file.path().display()));
        return Ok(());
    }
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let status = std::process::Command::new(program).args(&args).arg(file.path()).status();
    // Take the terminal back whatever happened.
    let back = ratatui::try_init().map_err(|e| format!("cannot restore the terminal: {e}"));
    if let Ok(t) = back {
        *terminal = t;
    }
    if mouse {
        let _ = execute!(stdout(), EnableMouseCapture);
    }
    let _ = terminal.clear();
    match status {
        Ok(s) if s.success() => match std::fs::read_to_string(file.path()) {
            Ok(text) => notes_update::save_note(app, node, &text),
            Err(e) => app.message = Some(format!("cannot read the edited note: {e}")),
        },
        Ok(s) => app.message = Some(format!("{program} exited with {s}; note unchanged")),
        Err(e) => app.message = Some(format!("cannot run {program}: {e} (set $VISUAL or $EDITOR)")),
    }
    app.refresh();
    Ok(())
}
