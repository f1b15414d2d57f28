//! Bytes → clean text. Everything a document holds is untrusted: after this
//! step no escape sequence or control character (other than `\n` and `\t`)
//! remains, so nothing from a file can ever drive the terminal.

use std::borrow::Cow;

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// What the reader should know about how the bytes were read: invalid
    /// UTF-8 replaced, read as Windows-1252, UTF-16 without a mark, stray
    /// control bytes shown (joined by `; `).
    pub note: Option<String>,
}

/// Why bytes cannot be read as a text document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Pdf,
    Binary(&'static str),
    /// An old binary Word 97–2003 `.doc`.
    Doc97,
    /// A file of a known format that cannot be read: what is wrong with it.
    Unreadable(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty"),
            // Only the text decoder says this: reso itself reads a PDF with
            // its PDF reader before text decoding is tried.
            DecodeError::Pdf => write!(f, "this is a PDF, not text: open it with reso as it is"),
            DecodeError::Doc97 => write!(
                f,
                "this is an old Word 97-2003 .doc file; save it as .docx (Word: Save As; LibreOffice: `soffice --headless --convert-to docx FILE.doc`)"
            ),
            DecodeError::Unreadable(why) => write!(f, "{why}"),
            DecodeError::Binary(what) => {
                write!(
                    f,
                    "this looks like a binary file ({what}), not a document reso reads (text, Markdown, Word, Akoma Ntoso XML, PDF)"
                )
            }
        }
    }
}

/// Decode a file's bytes into sanitised text.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if bytes.starts_with(b"%PDF") {
        return Err(DecodeError::Pdf);
    }
    if let Some(what) = binary_signature(bytes) {
        return Err(DecodeError::Binary(what));
    }
    let (body, utf16) = strip_bom(bytes);
    let (text, note): (Cow<'_, str>, Option<String>) = if let Some(big_endian) = utf16.or_else(|| utf16_unmarked(body))
    {
        (Cow::Owned(decode_utf16(body, big_endian)), utf16.is_none().then(|| UTF16_NOTE.to_string()))
    } else {
        match std::str::from_utf8(body) {
            Ok(s) => (Cow::Borrowed(s), None),
            Err(_) => {
                let (text, note) = decode_invalid_utf8(body);
                (Cow::Owned(text), Some(note))
            }
        }
    };
    clean(text, note)
}

const CP1252_NOTE: &str = "not UTF-8: read as Windows-1252";
const UTF16_NOTE: &str = "UTF-16 without a byte-order mark";

/// The same for bytes the caller gives up: clean UTF-8 (the common case)
/// becomes the text without being copied.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<(String, Option<String>), DecodeError> {
    let (body, utf16) = strip_bom(&bytes);
    if utf16.is_some()
        || bytes.starts_with(b"%PDF")
        || binary_signature(&bytes).is_some()
        || utf16_unmarked(body).is_some()
    {
        return decode(&bytes).map(|d| (d.text.into_owned(), d.note));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let (text, note) = match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let (text, note) = decode_invalid_utf8(e.as_bytes());
            (text, Some(note))
        }
    };
    let decoded = clean(Cow::Borrowed(&text), note)?;
    let note = decoded.note;
    let cleaned = match decoded.text {
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => Some(s),
    };
    Ok((cleaned.unwrap_or(text), note))
}

/// Bytes that are not valid UTF-8. Mostly UTF-8 with a few stray bytes (a
/// file edited with two tools) keeps its UTF-8 and has the bad bytes
/// replaced: reading it all as Windows-1252 would turn every `”` into
/// `â€` and a control. Only text with no UTF-8 in it is Windows-1252.
fn decode_invalid_utf8(bytes: &[u8]) -> (String, String) {
    let mut invalid = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        invalid += chunk.invalid().len();
    }
    if multibyte >= invalid {
        let plural = if invalid == 1 { "" } else { "s" };
        let text = String::from_utf8_lossy(bytes).into_owned();
        (text, format!("{invalid} invalid UTF-8 byte{plural} shown as \u{fffd}"))
    } else {
        (decode_windows_1252(bytes), CP1252_NOTE.to_string())
    }
}

/// UTF-16 without a byte-order mark, told by its NUL bytes: in ASCII-heavy
/// text every other byte is zero, on the same side. `Some(big_endian)`.
fn utf16_unmarked(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // Most units have a zero high byte, and (almost) no low byte is zero.
    let mostly = |n: usize| n * 10 >= pairs * 6;
    let hardly = |n: usize| n * 50 <= pairs;
    if mostly(zero_odd) && hardly(zero_even) {
        Some(false)
    } else if mostly(zero_even) && hardly(zero_odd) {
        Some(true)
    } else {
        None
    }
}

/// Reject empty and mostly-binary text; remove what must not reach a
/// terminal. A few stray NUL or control bytes are shown (␀) and noted.
fn clean(text: Cow<'_, str>, note: Option<String>) -> Result<Decoded<'_>, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    // One scan says whether anything needs cleaning; only then is it worth
    // counting control bytes.
    if !has_unsafe_bytes(text.as_bytes()) {
        return Ok(Decoded { text, note });
    }
    let controls = text.bytes().filter(|&b| is_stray_control(b)).count();
    // More than one control in twenty bytes is not text with a blemish.
    if controls * 20 > text.len() {
        return Err(DecodeError::Binary("it is mostly control bytes"));
    }
    let note = if controls == 0 {
        note
    } else {
        let plural = if controls == 1 { "" } else { "s" };
        let stray = format!("{controls} control character{plural} (such as NUL) shown as symbols like \u{2400}");
        Some(match note {
            Some(n) => format!("{n}; {stray}"),
            None => stray,
        })
    };
    let text = match sanitize(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(s) => Cow::Owned(s),
    };
    Ok(Decoded { text, note })
}

/// A control byte no text document holds: not tab, newline, carriage
/// return, form feed or the ESC that starts a (removed) escape sequence.
fn is_stray_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "a ZIP archive that is not a Word document"),
        (b"\xD0\xCF\x11\xE0", "an old Word .doc file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x7FELF", "a program"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"{\\rtf", "an RTF file"),
    ];
    SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)).map(|(_, what)| *what)
}

/// Returns the bytes after any byte-order mark, and `Some(big_endian)` if the
/// mark says UTF-16.
fn strip_bom(bytes: &[u8]) -> (&[u8], Option<bool>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (rest, None)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (rest, Some(false))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (rest, Some(true))
    } else {
        (bytes, None)
    }
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes
        .chunks_exact(2)
        .map(|p| if big_endian { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
    char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

/// Windows-1252: Latin-1 with printable characters in 0x80–0x9F. Its five
/// undefined bytes become U+FFFD, never a C1 control: a control made by
/// decoding would be taken for the start of an escape sequence and cut.
fn decode_windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž', '\u{fffd}',
        '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{fffd}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// True for characters that must never reach the terminal: C0 controls other
/// than tab/newline/form feed, DEL, the C1 range, and bidirectional controls
/// that could reorder what the reader sees.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{d}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Remove escape sequences and unsafe characters, normalise line endings.
/// Borrows when the text is already clean, which is the common case.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !has_unsafe_bytes(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CRLF and lone CR both end a line.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{1b}' => skip_escape(&mut chars),
            // C1 introducers with the same meaning as ESC-prefixed ones.
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if is_unsafe_char(c) => {
                // Show other C0 controls visibly (␀ … ␟) rather than hide
                // that something was there; drop the rest.
                if (c as u32) < 0x20
                    && let Some(pic) = char::from_u32(0x2400 + c as u32)
                {
                    out.push(pic);
                }
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The UTF-8 encodings of everything `is_unsafe_char` rejects, checked on
/// bytes so that clean text (the common case) is scanned at memory speed.
fn has_unsafe_bytes(b: &[u8]) -> bool {
    // Large texts are scanned in two halves at once: the check at a byte
    // looks at most two bytes ahead, so the halves need not align.
    const PARALLEL_FROM: usize = 4 << 20;
    if b.len() < PARALLEL_FROM {
        return unsafe_in(b, 0, b.len());
    }
    let middle = b.len() / 2;
    std::thread::scope(|scope| {
        let second = scope.spawn(|| unsafe_in(b, middle, b.len()));
        let first = unsafe_in(b, 0, middle);
        // A panicked scan proves nothing: treat the text as unsafe, which
        // only means it is cleaned.
        first || second.join().unwrap_or(true)
    })
}

/// Whether an unsafe character starts anywhere in `b[from..to]` (the
/// check may look past `to` into `b`).
fn unsafe_in(b: &[u8], from: usize, to: usize) -> bool {
    // A byte that can start an unsafe character: a control other than
    // newline, tab and form feed, DEL, or the lead byte of C1 controls (C2),
    // the Arabic letter mark (D8) and bidirectional controls (E2). Blocks
    // are tested without an early exit so that the compiler vectorises the
    // test; only blocks holding such a byte are looked at closely.
    let suspect = |c: u8| {
        (c < 0x20 && c != b'\n' && c != b'\t' && c != 0x0c) | (c == 0x7f) | (c == 0xC2) | (c == 0xD8) | (c == 0xE2)
    };
    const BLOCK: usize = 64;
    let mut blocks = b[from..to].chunks_exact(BLOCK);
    let mut at = from;
    for block in &mut blocks {
        if block.iter().fold(false, |any, &c| any | suspect(c)) && (at..at + BLOCK).any(|i| unsafe_at(b, i)) {
            return true;
        }
        at += BLOCK;
    }
    (at..to).any(|i| unsafe_at(b, i))
}

/// Whether an unsafe character starts at byte `i`.
fn unsafe_at(b: &[u8], i: usize) -> bool {
    let next = b.get(i + 1).copied().unwrap_or(0);
    let third = b.get(i + 2).copied().unwrap_or(0);
    match b[i] {
        b'\n' | b'\t' | 0x0c => false,
        0x00..=0x1f | 0x7f => true,
        0xC2 => (0x80..=0x9F).contains(&next),
        0xD8 => next == 0x9C,
        0xE2 => {
            (next == 0x80 && matches!(third, 0x8E | 0x8F | 0xAA..=0xAE))
                || (next == 0x81 && (0xA6..=0xA9).contains(&third))
        }
        _ => false,
    }
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After an ESC: drop the whole sequence (CSI, OSC, DCS, or a two-byte one).
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_until_final(chars);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            chars.next();
            skip_string(chars);
        }
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            // nF sequences: intermediates then one final byte.
            while matches!(chars.peek(), Some(c) if ('\u{20}'..='\u{2f}').contains(c)) {
                chars.next();
            }
            chars.next();
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI body: parameters and intermediates, ended by a byte in 0x40–0x7E.
fn skip_until_final(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        if c == '\n' {
            return;
        }
        chars.next();
        if ('\u{40}'..='\u{7e}').contains(&c) {
            return;
        }
    }
}

/// OSC/DCS/APC/PM/SOS body: ended by BEL, ST (ESC \ or U+9C), or a newline
/// (so a broken sequence cannot swallow the rest of the file).
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\n' => return,
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_removed_whole() {
        let s = sanitize("a\u{1b}[31mred\u{1b}[0m b\u{1b}]0;title\u{7}c\u{9b}2Jd");
        assert_eq!(s, "ared bcd");
    }

    #[test]
    fn line_endings_are_normalised_and_controls_shown() {
        assert_eq!(sanitize("a\r\nb\rc\u{7}"), "a\nb\nc\u{2407}");
        assert_eq!(sanitize("x\u{202e}y\u{85}z"), "xyz");
        // C1 APC opens a string that runs to its terminator or the line end.
        assert_eq!(sanitize("a\u{9f}hidden\u{9c}b\nc"), "ab\nc");
    }

    #[test]
    fn the_fast_scan_finds_unsafe_bytes_anywhere() {
        let clean = "Recalling “this” résumé — fine\n".repeat(5);
        assert!(!has_unsafe_bytes(clean.as_bytes()));
        for bad in ["\u{1b}", "\u{7f}", "\u{85}", "\u{202e}", "\u{2066}", "\u{61c}", "\r", "\u{0}"] {
            for at in [0, 3, 7, 8, 9, 15, clean.len()] {
                let mut s = clean.clone();
                let at = (0..=at.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
                s.insert_str(at, bad);
                assert!(has_unsafe_bytes(s.as_bytes()), "{bad:?} at {at}");
            }
        }
    }

    #[test]
    fn a_large_text_is_scanned_in_halves_and_misses_nothing() {
        let mut big = "Recalling “this” — fine\n".repeat(200_000);
        assert!(!has_unsafe_bytes(big.as_bytes()));
        for at in [0, big.len() / 2 - 1, big.len() / 2, big.len() / 2 + 1, big.len() - 1] {
            let at = (0..=at).rev().find(|&i| big.is_char_boundary(i)).unwrap_or(0);
            let mut s = big.clone();
            s.insert(at, '\u{1b}');
            assert!(has_unsafe_bytes(s.as_bytes()), "ESC at {at}");
        }
        big.push('\u{202e}');
        assert!(has_unsafe_bytes(big.as_bytes()));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("Recalling “this” — fine\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn bom_utf16_and_windows_1252() {
        let d = decode(b"\xEF\xBB\xBFhello").unwrap();
        assert_eq!(d.text, "hello");
        let d = decode(b"\xFF\xFEh\0i\0").unwrap();
        assert_eq!(d.text, "hi");
        let d = decode(b"caf\xe9 \x93q\x94").unwrap();
        assert_eq!(d.text, "café “q”");
        assert!(d.note.is_some());
    }

    #[test]
    fn bad_inputs_are_named() {
        assert_eq!(decode(b"%PDF-1.7").unwrap_err(), DecodeError::Pdf);
        assert_eq!(decode(b"  \n\n").unwrap_err(), DecodeError::Empty);
        assert!(matches!(decode(b"ab\0cd").unwrap_err(), DecodeError::Binary(_)));
    }

    #[test]
    fn one_stray_byte_in_utf8_is_replaced_not_the_whole_file_reread() {
        // Curly quotes (E2 80 9D) everywhere and one Latin-1 é (E9): the
        // quotes stay quotes, the bad byte becomes U+FFFD, and nothing is
        // cut at a C1 control that only decoding made.
        let mut bytes = "Recalling “the report” of the Secretary-General, ".repeat(20).into_bytes();
        bytes.extend_from_slice(b"caf\xe9 and the rest of the line stays\n");
        let d = decode(&bytes).unwrap();
        assert!(d.text.ends_with("caf\u{fffd} and the rest of the line stays\n"), "{}", d.text);
        assert_eq!(d.text.matches('”').count(), 20);
        assert!(d.note.as_deref().is_some_and(|n| n.contains("1 invalid UTF-8 byte")), "{:?}", d.note);
        let (owned, note) = decode_owned(bytes.clone()).unwrap();
        assert_eq!((owned.as_str(), note), (d.text.as_ref(), d.note.clone()));
    }

    #[test]
    fn windows_1252_holes_never_open_an_escape_sequence() {
        // 0x9D is undefined in Windows-1252; read as U+009D it would start an
        // OSC string and swallow the rest of the line.
        let d = decode(b"caf\xe9 \x9d and the rest\n").unwrap();
        assert_eq!(d.text, "café \u{fffd} and the rest\n");
    }

    #[test]
    fn a_few_nul_bytes_are_shown_and_noted_mostly_binary_is_refused() {
        let d = decode(b"The Council,\n\nRecalling\0 its work,\n").unwrap();
        assert_eq!(d.text, "The Council,\n\nRecalling\u{2400} its work,\n");
        assert!(d.note.as_deref().is_some_and(|n| n.contains("1 control character")), "{:?}", d.note);
        let (owned, note) = decode_owned(b"The Council,\n\nRecalling\0 its work,\n".to_vec()).unwrap();
        assert_eq!((owned.as_str(), note.as_deref()), (d.text.as_ref(), d.note.as_deref()));
        let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert!(matches!(decode(&binary), Err(DecodeError::Binary(_))));
        assert!(matches!(decode_owned(binary), Err(DecodeError::Binary(_))));
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_read() {
        let text = "The General Assembly,\n\nRecalling “its” résumé,\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [le, be] {
            assert_eq!(decode(&bytes).unwrap().text, text);
            assert_eq!(decode_owned(bytes).unwrap().0, text);
        }
    }
}
