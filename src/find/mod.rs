//! Fuzzy find over every clause, shared by the reader's finder and
//! `reso find`. Matching is nucleo's (fzf syntax: `'exact`, `^prefix`,
//! `suffix$`, `!not`; smart case; `resume` finds `résumé`), and a clause
//! reference such as `1/3 op 4 a` is resolved to its clause and ranked
//! first.

pub mod candidate;
pub mod engine;
pub mod highlight;
pub mod reference;
pub mod utf32;

pub use candidate::{Candidate, candidates, haystack};
pub use engine::{Hit, search};
