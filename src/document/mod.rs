//! The document model and everything that builds it: decode bytes, parse
//! text, load files and folders.

pub mod corpus;
pub mod decode;
pub mod load;
pub mod model;
pub mod parse;
pub mod read;
pub mod text;

pub use load::{LoadError, SAMPLE_NAME, SAMPLE_TEXT, load_bytes, load_inputs, load_owned, sample};
pub use model::{Annex, Clause, Document, Resolution, ResolutionMeta, Vote};
pub use text::Text;
