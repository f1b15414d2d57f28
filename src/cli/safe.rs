//! Safe text for a terminal. Notes, tags, orphan texts and file names come
//! from users, partners and file systems: printed raw, an escape sequence
//! in them could set the window title, clear the screen or write the
//! clipboard (OSC 52). Text going to a terminal has every control shown as
//! a visible symbol; JSON keeps its exact value and escapes what could act
//! on a terminal, so it is safe wherever it goes.

use std::borrow::Cow;
use std::io::Write;

use reso::document::decode::is_unsafe_char;

/// True for what must not reach a terminal as it is: controls other than
/// newline and tab (form feed and carriage return too: they move the
/// cursor), DEL, C1 controls and bidirectional overrides.
fn acts_on_terminal(c: char) -> bool {
    is_unsafe_char(c) || c == '\u{c}'
}

/// `text` with each control shown: C0 as its Control Pictures symbol (ESC
/// as ␛), DEL as ␡, the rest (C1, bidirectional controls) as U+FFFD.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !acts_on_terminal(c) => c,
                c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                '\u{7f}' => '\u{2421}',
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

/// JSON with DEL, C1 and bidirectional controls written as `\u` escapes:
/// serde_json writes them raw (they are valid in strings), and a raw U+009B
/// is a CSI to some terminals. Outside strings JSON is ASCII, so every such
/// character is inside a string, where the escape means the same.
pub fn json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe_char) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that makes text safe as it passes, written in pieces (a large
/// outline is streamed): [`json`] for JSON, [`for_terminal`] for text going
/// to a terminal, nothing for text going elsewhere. A character cut between
/// two writes is held back until its end arrives.
pub struct SafeWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
    transform: fn(&str) -> Cow<'_, str>,
}

impl<W: Write> SafeWriter<W> {
    pub fn json(inner: W) -> Self {
        SafeWriter { inner, pending: Vec::new(), transform: json }
    }

    /// Plain text: shown safe when it goes to a terminal.
    pub fn text(inner: W, terminal: bool) -> Self {
        fn unchanged(text: &str) -> Cow<'_, str> {
            Cow::Borrowed(text)
        }
        let transform: fn(&str) -> Cow<'_, str> = if terminal { for_terminal } else { unchanged };
        SafeWriter { inner, pending: Vec::new(), transform }
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        // Up to the last complete character; the rest waits.
        let complete = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            // reso writes UTF-8; anything else passes as it is.
            Err(_) => self.pending.len(),
        };
        let head: Vec<u8> = self.pending.drain(..complete).collect();
        match std::str::from_utf8(&head) {
            Ok(text) => self.inner.write_all((self.transform)(text).as_bytes())?,
            Err(_) => self.inner.write_all(&head)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let rest = std::mem::take(&mut self.pending);
        self.inner.write_all(&rest)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_sent() {
        let hostile = "a\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{c}b\u{9b}c\u{202e}d\u{7f}\r\n\tok";
        let safe = for_terminal(hostile);
        assert_eq!(safe, "a␛]0;pwned␇␛[2J␛]52;c;aGk=␇␌b\u{fffd}c\u{fffd}d␡␍\n\tok");
        assert!(matches!(for_terminal("plain “text”\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_value_and_loses_raw_controls() {
        let value = serde_json::json!({"note": "x\u{9b}2J\u{1b}]0;t\u{7}\u{202e}y"});
        let text = serde_json::to_string(&value).unwrap();
        let safe = json(&text);
        assert!(!safe.chars().any(|c| c.is_control() || is_unsafe_char(c)), "{safe}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&safe).unwrap(), value);
        // Streamed in pieces that cut characters in two: the same bytes.
        let mut out = SafeWriter::json(Vec::new());
        for piece in text.as_bytes().chunks(1) {
            out.write_all(piece).unwrap();
        }
        out.flush().unwrap();
        assert_eq!(String::from_utf8(out.inner).unwrap(), safe);
    }
}
