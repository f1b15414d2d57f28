//! The terminal side: set up, a synchronous event loop, and a clean exit on
//! quit, on a panic (the terminal is restored before the message prints) and
//! on SIGTERM/SIGHUP.

use std::io::{IsTerminal, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;

use super::app::{App, Mode};
use super::find_update;
use super::keymap::Action;
use super::update::{Effect, update};
use super::views;
use crate::config::Config;
use crate::document::Document;

/// How often the loop wakes without input, to notice signals.
const TICK: Duration = Duration::from_millis(200);
/// How often the finder's results refresh while matching runs.
const FRAME: Duration = Duration::from_millis(16);

pub fn run(docs: &[Document], config: &Config) -> Result<(), String> {
    if !stdout().is_terminal() {
        return Err("the reader needs a terminal; `reso outline` prints the tree instead".into());
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| format!("cannot watch signals: {e}"))?;
    }
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
    let mut terminal =
        ratatui::try_init().map_err(|e| format!("cannot start the terminal: {e}"))?;
    if mouse {
        let _ = execute!(stdout(), EnableMouseCapture);
    }
    let mut app = App::new(docs, config.tree_width_percent);
    let result = event_loop(&mut terminal, &mut app, &stop);
    if mouse {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App<'_>,
    stop: &AtomicBool,
) -> Result<(), String> {
    let io = |e: std::io::Error| format!("terminal error: {e}");
    let size = terminal.size().map_err(io)?;
    app.resize(size.width, size.height);
    // A test hook: prove that a panic restores the terminal.
    let panic_for_test = std::env::var_os("RESO_TEST_PANIC").is_some();
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if app.mode == Mode::Find {
            find_update::tick(app);
            app.refresh();
        }
        terminal.draw(|frame| views::draw(app, frame)).map_err(io)?;
        if panic_for_test {
            panic!("RESO_TEST_PANIC is set: panicking after the first frame");
        }
        // While matching runs, wake often so results fill in as they come.
        let running = app.finder.as_ref().is_some_and(|f| f.running);
        if !event::poll(if running { FRAME } else { TICK }).map_err(io)? {
            continue;
        }
        match event::read().map_err(io)? {
            Event::Key(key) if key.kind != KeyEventKind::Release && app.mode == Mode::Find => {
                find_update::key(app, &key);
            }
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if let Some(action) = app.keymap.action(&key)
                    && update(app, action) == Effect::Quit
                {
                    return Ok(());
                }
            }
            Event::Resize(width, height) => app.resize(width, height),
            Event::Mouse(m) => match m.kind {
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
