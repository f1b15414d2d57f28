//! Finding clauses, shared by the reader's finder and `reso find`.
//!
//! A query is either a citation (`1/3 op 4 a ii`, `S/RES/687 (1991) OP 8`),
//! parsed and resolved to its one clause (`citation`), or words: every word
//! must match a word of the clause exactly, by prefix or with a typo, with
//! case, accents and the kind of apostrophe ignored (`fold`, `query`);
//! fzf's `'exact`, `^prefix`, `suffix$`, `!not` and `#tag` narrow further.
//! `matcher` scores one clause; `index` answers a query over a million
//! clauses from a word index; `engine` is `reso find`'s one-pass scan.

pub mod candidate;
pub mod citation;
pub mod engine;
pub mod fold;
pub mod fx;
pub mod highlight;
pub mod index;
pub mod matcher;
pub mod prefilter;
pub mod query;

pub use candidate::{Candidate, candidates, haystack};
pub use engine::{Found, Hit, search};
