//! The interactive reader: state (`app`), `update`, views, and the event
//! loop that connects them to a real terminal.

pub mod app;
pub mod compare;
pub mod detail;
mod draft;
pub mod find_update;
pub mod finder;
pub mod jumps;
pub mod keymap;
pub mod layout;
pub mod notes_update;
pub mod outline;
pub mod resume;
mod run;
pub mod text;
pub mod update;
pub mod views;

pub use app::App;
pub use run::run;
