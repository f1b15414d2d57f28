//! The little of quick-xml every Word part needs: element and attribute
//! names without their prefix (Word writes `w:`, other producers may bind
//! another prefix), on/off properties, entities, and one message for XML
//! that is not well formed.

use quick_xml::events::{BytesRef, BytesStart};

use crate::document::decode::DecodeError;

pub use quick_xml::Reader;
pub use quick_xml::events::Event;

/// A reader over a part's text (a byte-order mark is not XML).
pub fn reader(text: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    r.config_mut().check_end_names = true;
    r
}

/// The element's name without its prefix: `w:p` → `p`.
pub fn name<'a>(e: &'a BytesStart<'_>) -> &'a str {
    let full = e.name().0;
    full.rsplit_once(':').map_or(full, |(_, local)| local)
}

/// An attribute by its name without prefix (`w:val` → `val`).
pub fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        let key = a.key.0;
        let key = key.rsplit_once(':').map_or(key, |(_, l)| l);
        (key == local)
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map(|v| v.into_owned()).unwrap_or_default())
    })
}

/// A toggle property (`<w:i/>`, `<w:i w:val="0"/>`): on unless it says off.
pub fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off" | "none"))
}

/// The character an entity reference stands for.
pub fn entity(r: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.xml10_content().as_ref() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// One line saying which part is broken and where.
pub fn malformed(part: &str, reader: &Reader<&[u8]>, e: impl std::fmt::Display) -> DecodeError {
    DecodeError::Unreadable(format!(
        "this Word file is damaged: {part} is not well-formed XML at byte {} ({e})",
        reader.error_position()
    ))
}
