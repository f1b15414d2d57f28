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
use super::draft::{self, Draft};
use super::keymap::Action;
use super::overlay::{Overlay, Problem};
use super::update::{Effect, key, tick, update};
use super::{hits, notes, views};
use crate::annotate::{Notes, Store};
use crate::config::Config;
use crate::config::theme::{Palette, no_color_env};
use crate::document::Document;

/// How often the loop wakes without input, to notice signals.
const TICK: Duration = Duration::from_millis(200);
/// How often the finder's results refresh while matching runs.
const FRAME: Duration = Duration::from_millis(16);
/// How long to look for more waiting input before drawing a frame.
const DRAIN: Duration = Duration::from_millis(1);
/// How often another instance's changes to the notes are looked for.
const NOTES_POLL: Duration = Duration::from_millis(1000);

/// The reader on `docs`; with `compare`, on two revisions (old, new) with
/// the newer one's changes marked.
pub fn run(docs: &[Document], config: &Config, notes_path: Option<&Path>, compare: bool) -> Result<(), String> {
    if !stdout().is_terminal() {
        return Err("the reader needs a terminal; `reso outline` prints the tree instead".into());
    }
    let mut app = if compare && docs.len() == 2 {
        App::comparing(docs, config.tree_width_percent, 0, 1)
    } else {
        App::new(docs, config.tree_width_percent)
    };
    app.keymap = crate::config::keys::keymap(&config.keys).map_err(|e| e.message)?;
    app.tags = config.tags.clone();
    app.palette = Palette::new(&config.theme, no_color_env());
    match notes_path {
        Some(path) => {
            let store = match Store::open(path) {
                Ok(store) => store,
                Err(problem) => {
                    app.overlays.push(Overlay::Problem(Problem::new(problem.clone())));
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
    if let Some(message) = notes_path.and_then(draft::left_over) {
        app.message = Some(message);
    }
    app.notes_changed();
    // Back where the reader was on these documents (not when comparing:
    // that view is made anew each time).
    let state_path = if compare { None } else { super::resume::default_path() };
    if let Some(message) = state_path.as_deref().and_then(|p| super::resume::restore(&mut app, p)) {
        app.message = app.message.take().or(Some(message));
    }
    let draft = Draft::new(notes_path);

    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(|e| format!("cannot watch signals: {e}"))?;
    }
    watchdog(Arc::clone(&stop), draft.clone());
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
    let result = event_loop(&mut terminal, &mut app, &stop, mouse, &draft);
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    // Not `ratatui::restore`: it reports a failure on stderr, and writing
    // to a terminal that has gone away panics.
    let _ = ratatui::try_restore();
    // Remembered after the terminal is back: a failure is said, not fatal.
    if let Some(path) = &state_path
        && let Err(e) = super::resume::save(&app, path)
    {
        eprintln!("reso: {e}");
    }
    result
}

/// If a SIGTERM/SIGHUP is not acted on by the event loop within a second,
/// end the process from here. crossterm 0.29 spins forever reading a
/// terminal that has gone away (its read loop treats end-of-file as "try
/// again"), so after a hang-up the loop may never come back to check.
/// A note open in the editor then is kept as a draft file.
fn watchdog(stop: Arc<AtomicBool>, draft: Draft) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(250));
            if stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_secs(1));
                draft.keep();
                let _ = ratatui::try_restore();
                std::process::exit(1);
            }
        }
    });
}

/// The loop, and on every way out of it (quit, a signal, the terminal
/// gone) a note open in the editor is saved, as Esc would save it.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App<'_>,
    stop: &AtomicBool,
    mouse: bool,
    draft: &Draft,
) -> Result<(), String> {
    let result = handle_events(terminal, app, stop, mouse, draft);
    if stop.load(Ordering::Relaxed) && std::env::var_os("RESO_TEST_STUCK").is_some() {
        // A test hook: stay as crossterm once did on a dead terminal, so
        // that the watchdog has to act.
        std::thread::sleep(Duration::from_secs(10));
    }
    if app.mode() == Mode::EditNote {
        key(app, &ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Esc));
    }
    result
}

fn handle_events(
    terminal: &mut DefaultTerminal,
    app: &mut App<'_>,
    stop: &AtomicBool,
    mouse: bool,
    draft: &Draft,
) -> Result<(), String> {
    let io = |e: std::io::Error| format!("terminal error: {e}");
    let size = terminal.size().map_err(io)?;
    app.resize(size.width, size.height);
    // A test hook: prove that a panic restores the terminal.
    let panic_for_test = std::env::var_os("RESO_TEST_PANIC").is_some();
    let mut last_poll = Instant::now();
    // Idle means no work: the screen is drawn again only when something
    // may have changed it.
    let mut dirty = true;
    // Only a terminal that was there can go away (some launchers give no
    // controlling terminal at all).
    let has_tty = std::fs::File::open("/dev/tty").is_ok();
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if app.mode() == Mode::Find {
            tick(app);
            dirty = true;
        }
        if app.collecting.is_some() {
            hits::collect(app);
            app.refresh();
            dirty = true;
        }
        if last_poll.elapsed() >= NOTES_POLL {
            dirty |= notes::poll(app);
            last_poll = Instant::now();
        }
        if dirty {
            terminal.draw(|frame| views::draw(app, frame)).map_err(io)?;
            dirty = false;
        }
        // The finder's word index builds in the background from the first
        // frame on (not before: the first frame comes first).
        hits::start_engine(app);
        if panic_for_test {
            panic!("RESO_TEST_PANIC is set: panicking after the first frame");
        }
        // While matching runs, wake often so results fill in as they come.
        let running = app.finder().is_some_and(|f| f.running) || app.collecting.is_some();
        if !event::poll(if running { FRAME } else { TICK }).map_err(io)? {
            if has_tty && terminal_gone() {
                return Ok(());
            }
            continue;
        }
        // Everything that is waiting is handled before the next frame (a
        // paste, a held key): crossterm is built with `use-dev-tty`, whose
        // level-triggered poll sees input beyond its 1 KB read buffer.
        loop {
            dirty = true;
            match event::read().map_err(io)? {
                Event::Key(k) if k.kind != KeyEventKind::Release => match key(app, &k) {
                    Effect::Quit => return Ok(()),
                    Effect::EditExternally(node) => edit_externally(terminal, app, node, mouse)?,
                    Effect::None => {}
                },
                Event::Resize(width, height) => app.resize(width, height),
                Event::Mouse(m) if app.mode() == Mode::Normal => match m.kind {
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
            // (Not a zero timeout: with `use-dev-tty` crossterm does not
            // look at the terminal at all for one.)
            if stop.load(Ordering::Relaxed) || !event::poll(DRAIN).map_err(io)? {
                break;
            }
        }
        draft.set(editor_text(app));
    }
}

/// The note editor's text with the clause it is for, if it is open.
fn editor_text(app: &App<'_>) -> Option<String> {
    let editor = app.editor()?;
    let id = app.nodes.get(editor.node).map(|n| match n.kind {
        super::outline::Kind::Clause(c) => c.id.to_string(),
        _ => String::new(),
    });
    Some(format!("Note on {} (not saved when reso closed):\n\n{}\n", id.unwrap_or_default(), editor.text()))
}

/// Whether the controlling terminal has been hung up (its window closed).
/// The kernel sends SIGHUP then, which ends the loop; without one (an odd
/// setup) crossterm would wait on the dead terminal forever, busily. Asked
/// only when a wait for input ends without any.
fn terminal_gone() -> bool {
    // ENXIO: no such device: the terminal of this session is gone.
    matches!(std::fs::File::open("/dev/tty"), Err(e) if e.raw_os_error() == Some(6))
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
            Ok(text) => notes::save_note(app, node, &text),
            Err(e) => app.message = Some(format!("cannot read the edited note: {e}")),
        },
        Ok(s) => app.message = Some(format!("{program} exited with {s}; note unchanged")),
        Err(e) => app.message = Some(format!("cannot run {program}: {e} (set $VISUAL or $EDITOR)")),
    }
    app.refresh();
    Ok(())
}
