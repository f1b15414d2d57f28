//! `reso outline --json`: `{"documents": [Document…]}`.

use serde::Serialize;

use crate::document::Document;

#[derive(Serialize)]
struct Outline<'a> {
    documents: &'a [Document],
}

pub fn to_json(docs: &[Document]) -> String {
    // Serialising plain data to a String cannot fail; fall back to an empty
    // outline rather than panic if it ever did.
    serde_json::to_string_pretty(&Outline { documents: docs }).unwrap_or_else(|_| "{\"documents\": []}".into())
}
