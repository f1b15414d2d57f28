//! The interactive reader: state (`app`), keys (`update`), the overlays
//! that open over it (`overlay/`, each returning an outcome that `apply`
//! carries out), views, and the event loop that connects them to a real
//! terminal.

pub mod app;
mod apply;
pub mod compare;
pub mod detail;
mod draft;
pub mod hits;
pub mod jumps;
/// The keymap lives below the TUI (the config patches it); re-exported
/// here where the reader's code has always found it.
pub use crate::keymap;
pub mod layout;
pub mod notes;
pub mod outline;
pub mod overlay;
pub mod resume;
mod run;
pub mod search;
pub mod text;
pub mod update;
pub mod views;

pub use app::App;
pub use run::run;
