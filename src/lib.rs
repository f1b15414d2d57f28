//! reso: a terminal reader and annotator for resolution documents.
//!
//! Data flows one way: bytes → clean text → document model → views
//! (outline, JSON, the TUI's rows) → screen.

pub mod annotate;
pub mod config;
pub mod diff;
pub mod document;
pub mod export;
pub mod files;
pub mod find;
pub mod keymap;
pub mod tui;

/// mimalloc instead of the system allocator: a parse makes about five
/// allocations per clause and a 50 MB corpus has 240,000 clauses; with it
/// parsing and freeing take about a fifth less time (see README, Performance).
#[cfg(not(feature = "heap-count"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// With `--features heap-count` the system allocator, counted, so an
/// example can print peak heap bytes (`examples/pdf_mem.rs`) and heaptrack
/// can see every allocation (it does not see mimalloc's).
#[cfg(feature = "heap-count")]
pub mod heap_count;
#[cfg(feature = "heap-count")]
#[global_allocator]
static GLOBAL: heap_count::Counting = heap_count::Counting;
