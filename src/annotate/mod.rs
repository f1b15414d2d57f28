//! Notes and tags beside the documents, never inside them: a RON file keyed
//! by document and clause id, written atomically under a lock, and
//! re-anchored to their clauses when a document is revised.

pub mod anchor;
pub mod atomic;
pub mod identity;
pub mod merge;
pub mod model;
pub mod session;
pub mod store;

pub use model::{Annotation, DocNotes, NotesFile, Orphan, Target, fingerprint};
pub use session::Notes;
pub use store::{Op, Store};
