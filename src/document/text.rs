//! A clause's text. Most paragraphs are one line of the source, so their
//! text is kept as a range of the shared, decoded source instead of a copy:
//! a 50 MB corpus then needs about 50 MB less memory. Paragraphs joined from
//! several lines, or rewritten (footnote markers removed), own their text.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Owned(String),
    /// `source[start..end]`, on char boundaries.
    Shared {
        source: Arc<String>,
        start: u32,
        end: u32,
    },
}

impl Text {
    /// `part` as a range of `source`, if it lies inside it (it does when it
    /// was sliced from it) and the offsets fit.
    pub fn shared(source: &Arc<String>, part: &str) -> Option<Text> {
        let base = source.as_ptr() as usize;
        let at = (part.as_ptr() as usize).checked_sub(base)?;
        let end = at.checked_add(part.len())?;
        // Checked again here, so a wrong range can never be stored.
        source.get(at..end)?;
        Some(Text(Repr::Shared {
            source: Arc::clone(source),
            start: u32::try_from(at).ok()?,
            end: u32::try_from(end).ok()?,
        }))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(s) => s,
            Repr::Shared { source, start, end } => source.get(*start as usize..*end as usize).unwrap_or(""),
        }
    }

    /// The text as an owned, growable string (copied once if shared).
    pub fn to_mut(&mut self) -> &mut String {
        if let Repr::Shared { .. } = self.0 {
            self.0 = Repr::Owned(self.as_str().to_string());
        }
        match &mut self.0 {
            Repr::Owned(s) => s,
            Repr::Shared { .. } => unreachable!("made owned just above"),
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Text(Repr::Owned(String::new()))
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Repr::Owned(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(Repr::Owned(s.to_string()))
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_text_is_the_slice_and_owned_on_write() {
        let source = Arc::new("Recalling it;\nDecides".to_string());
        let part = &source[14..];
        let mut t = Text::shared(&source, part).expect("inside");
        assert_eq!(t, "Decides");
        assert!(Text::shared(&source, "Decides").is_none(), "not a slice of the source");
        t.to_mut().push_str(" also");
        assert_eq!(t.as_str(), "Decides also");
        assert_eq!(source.as_str(), "Recalling it;\nDecides", "the source is untouched");
        assert_eq!(serde_json::to_string(&t).ok().as_deref(), Some("\"Decides also\""));
    }
}
