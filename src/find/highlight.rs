//! Match positions for highlighting. nucleo reports char (UTF-32) indices,
//! unsorted and possibly repeated, over the text it matched; these helpers
//! turn them into sorted, unique positions.

use nucleo::Matcher;
use nucleo::pattern::Pattern;

use super::utf32::utf32_str;

/// Sorted, unique char positions in `text` that `pattern` matched.
pub fn positions(pattern: &Pattern, text: &str, matcher: &mut Matcher) -> Vec<usize> {
    let mut buf = Vec::new();
    let mut indices = Vec::new();
    if pattern.indices(utf32_str(text, &mut buf), matcher, &mut indices).is_none() {
        return Vec::new();
    }
    indices.sort_unstable();
    indices.dedup();
    indices.into_iter().map(|i| i as usize).collect()
}
