//! reso: a terminal reader and annotator for resolution documents.
//!
//! Data flows one way: bytes → clean text → document model → views
//! (outline, JSON, the TUI's rows) → screen.

pub mod annotate;
pub mod config;
pub mod document;
pub mod export;
pub mod find;
pub mod tui;
