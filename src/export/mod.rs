//! Views of the model for people and scripts: the text outline and JSON.

pub mod diff;
pub mod json;
pub mod notes;
pub mod outline;
