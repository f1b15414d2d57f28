//! `reso outline --json`: `{"documents": [Document…]}`.

use serde::Serialize;

use crate::document::Document;

#[derive(Serialize)]
struct Outline<'a> {
    documents: &'a [Document],
}

/// The same, written as it is made: a large corpus's JSON is never held
/// whole in memory.
pub fn write_json(docs: &[Document], out: impl std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &Outline { documents: docs })?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)
}

pub fn to_json(docs: &[Document]) -> String {
    // Serialising plain data to a String cannot fail; fall back to an empty
    // outline rather than panic if it ever did.
    serde_json::to_string_pretty(&Outline { documents: docs }).unwrap_or_else(|_| "{\"documents\": []}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_json_is_the_same_as_the_string() {
        let docs = [crate::document::sample()];
        let mut out = Vec::new();
        write_json(&docs, &mut out).expect("writes to memory");
        assert_eq!(String::from_utf8(out).ok(), Some(to_json(&docs) + "\n"));
    }
}
