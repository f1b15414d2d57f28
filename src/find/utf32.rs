//! Text in the form nucleo matches: ASCII as bytes, anything else as one
//! char per grapheme cluster. nucleo finds the clusters with Unicode
//! segmentation, which is slow; UN texts are ASCII but for dashes, quotes
//! and accented letters, none of which join with the next character, so for
//! them the clusters are just the chars and are taken directly. The result
//! is exactly what nucleo builds (a test checks it).

use nucleo::{Utf32Str, Utf32String};

/// True if no char of `text` can join a grapheme cluster with its
/// neighbours: everything below the combining marks (U+0300), and General
/// Punctuation other than the zero-width joiners. (`\r`, which joins `\n`,
/// never survives decoding.)
fn clusters_are_chars(text: &str) -> bool {
    text.chars().all(|c| {
        let c = c as u32;
        (c < 0x300 && c != 0x0D) || ((0x2000..=0x206F).contains(&c) && c != 0x200C && c != 0x200D)
    })
}

/// `text` as nucleo matches it, borrowing or using `buf`.
pub fn utf32_str<'a>(text: &'a str, buf: &'a mut Vec<char>) -> Utf32Str<'a> {
    if !text.is_ascii() && clusters_are_chars(text) {
        buf.clear();
        buf.extend(text.chars());
        return Utf32Str::Unicode(buf);
    }
    Utf32Str::new(text, buf)
}

/// `text` as nucleo stores it for matching.
pub fn utf32_string(text: &str) -> Utf32String {
    if !text.is_ascii() && clusters_are_chars(text) {
        return Utf32String::Unicode(text.chars().collect());
    }
    Utf32String::from(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_as_nucleo_builds() {
        for text in [
            "Recalling",
            "Chair Răzvan-Mihalcea — “campaigns” here’s résumé",
            "e\u{301} combining",
            "zero\u{200D}width",
            "한국어 텍스트",
            "emoji 👍🏽 skin tone",
            "",
        ] {
            let mut a = Vec::new();
            let mut b = Vec::new();
            let ours = utf32_str(text, &mut a);
            let theirs = Utf32Str::new(text, &mut b);
            assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{text}");
            assert_eq!(format!("{:?}", utf32_string(text)), format!("{:?}", Utf32String::from(text)), "{text}");
        }
    }
}
