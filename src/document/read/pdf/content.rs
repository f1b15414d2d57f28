//! A content stream as a sequence of operations, found by a small lexer
//! that allocates nothing: each operation is a byte range of the stream
//! with its operator. lopdf's own decoder turns every operand into an
//! `Object` (about 120 bytes each), which made one dense page's content
//! take 40× its bytes; reso only needs to know where operations start
//! and end, which font is chosen and how many strings are shown.

/// One operation: `data[start..end]` holds its operands and operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Op<'a> {
    pub start: usize,
    pub end: usize,
    pub operator: &'a [u8],
    /// The first name among the operands (`/F1` of `/F1 10 Tf`).
    pub name: Option<&'a [u8]>,
    /// Strings inside the operand array (the strings a `TJ` shows).
    pub strings: usize,
}

/// The operations of a content stream, in order. Operands left without
/// an operator at the end are dropped, as lopdf drops them.
pub fn ops(data: &[u8]) -> Ops<'_> {
    Ops { data, pos: 0 }
}

pub struct Ops<'a> {
    data: &'a [u8],
    pos: usize,
}

fn white(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

fn regular(b: u8) -> bool {
    !white(b) && !matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// An operator is a bare word that is not a number or a constant.
fn is_operator(word: &[u8]) -> bool {
    let numeric = word.first().is_some_and(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.'));
    !numeric && !matches!(word, b"true" | b"false" | b"null")
}

impl<'a> Ops<'a> {
    fn at(&self, i: usize) -> Option<u8> {
        self.data.get(i).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b) = self.at(self.pos) {
            if white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.at(self.pos).is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Past a `( … )` string: nested parentheses balance, `\` escapes.
    fn skip_literal(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.at(self.pos) {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'(' => depth += 1,
                b')' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
        self.pos = self.pos.min(self.data.len());
    }

    fn skip_word(&mut self) {
        while self.at(self.pos).is_some_and(regular) {
            self.pos += 1;
        }
    }

    /// Past an inline image (`BI … ID data EI`): its data is binary and
    /// may hold anything, so it ends only at an `EI` between white space.
    fn skip_inline_image(&mut self) {
        let data = self.data;
        let Some(id) = find_word(data, self.pos, b"ID") else {
            self.pos = data.len();
            return;
        };
        let mut i = id + 3;
        while i + 2 <= data.len() {
            if &data[i..i + 2] == b"EI"
                && data.get(i.wrapping_sub(1)).is_some_and(|&b| white(b))
                && data.get(i + 2).is_none_or(|&b| white(b))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = data.len();
    }
}

/// Where `word` stands alone (white space or the end around it) from `from`.
fn find_word(data: &[u8], from: usize, word: &[u8]) -> Option<usize> {
    let n = word.len();
    (from..data.len().saturating_sub(n - 1)).find(|&i| {
        data.get(i..i + n) == Some(word)
            && (i == 0 || data.get(i - 1).is_some_and(|&b| white(b)))
            && data.get(i + n).is_none_or(|&b| white(b))
    })
}

impl<'a> Iterator for Ops<'a> {
    type Item = Op<'a>;

    fn next(&mut self) -> Option<Op<'a>> {
        let data = self.data;
        let mut start = None;
        let mut nest = 0usize;
        let mut name = None;
        let mut strings = 0;
        loop {
            self.skip_space();
            let first = self.pos;
            let b = self.at(first)?;
            let start = *start.get_or_insert(first);
            let next = self.at(first + 1);
            match b {
                b'(' => {
                    self.skip_literal();
                    strings += usize::from(nest == 1);
                }
                b'<' if next == Some(b'<') => {
                    self.pos += 2;
                    nest += 1;
                }
                b'>' if next == Some(b'>') => {
                    self.pos += 2;
                    nest = nest.saturating_sub(1);
                }
                b'<' => {
                    self.pos = data[first..].iter().position(|&c| c == b'>').map_or(data.len(), |p| first + p + 1);
                    strings += usize::from(nest == 1);
                }
                b'[' | b'{' => {
                    self.pos += 1;
                    nest += 1;
                }
                b']' | b'}' => {
                    self.pos += 1;
                    nest = nest.saturating_sub(1);
                }
                b'/' => {
                    self.pos += 1;
                    self.skip_word();
                    if name.is_none() && nest == 0 {
                        name = data.get(first + 1..self.pos);
                    }
                }
                // A stray closing delimiter: step over it.
                b')' | b'>' => self.pos += 1,
                _ => {
                    self.skip_word();
                    let word = data.get(first..self.pos).unwrap_or_default();
                    if nest == 0 && is_operator(word) {
                        if word == b"BI" {
                            self.skip_inline_image();
                        }
                        return Some(Op { start, end: self.pos, operator: word, name, strings });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operators(data: &[u8]) -> Vec<String> {
        ops(data).map(|op| String::from_utf8_lossy(op.operator).into_owned()).collect()
    }

    #[test]
    fn operations_with_their_operands() {
        let data = b"q 1 0 0 1 72 700 cm BT /F1 10 Tf [(A) -20 (b\\)c(d)) <41>] TJ ET Q";
        let all: Vec<Op> = ops(data).collect();
        assert_eq!(operators(data), ["q", "cm", "BT", "Tf", "TJ", "ET", "Q"]);
        assert_eq!(&data[all[1].start..all[1].end], b"1 0 0 1 72 700 cm");
        assert_eq!(all[3].name, Some(&b"F1"[..]));
        assert_eq!(all[4].strings, 3);
    }

    #[test]
    fn dictionaries_comments_and_inline_images_hold_no_operators() {
        let data = b"/P <</MCID 0 /X [1 2]>> BDC % Tj in a comment\nBI /W 1 /H 1 ID \x01EI Tj\xff EI EMC";
        assert_eq!(operators(data), ["BDC", "BI", "EMC"]);
    }

    #[test]
    fn unterminated_input_ends_without_looping() {
        for data in [&b"(abc"[..], b"<41", b"[ (a", b"BI /W 1", b"BI ID xx", b"1 2 <<"] {
            assert!(ops(data).count() <= 1);
        }
    }
}
