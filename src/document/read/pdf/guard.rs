//! Bounds on what a PDF can make reso do. A few KB of Flate can inflate to
//! gigabytes (a "decompression bomb"), and lopdf and pdf-extract inflate
//! without a limit: lopdf its cross-reference and object streams while it
//! loads, pdf-extract every content stream, font and drawing it meets. So
//! every stream is measured first, counting its bytes as they come out of
//! the decoder without keeping them, and the file is refused if one stream
//! or all of them together expand beyond a limit.
//!
//! The limits: a resolution page's content is ~30 KB inflated, a font
//! program ~100 KB, and the largest honest streams (a vector map drawn on
//! a page) a few MB. One stream may expand to 32 MB; all of them together
//! to 16× the file, at least 128 MB (a 300-page booklet's text, fonts
//! and drawings stay well under). Images are not counted: reso never
//! decodes them (unread.rs empties them), and a scan's pages are large.

use std::collections::HashSet;

use lopdf::{Document, Object, ObjectId};

use super::measure::{STREAM_MAX, expanded, inflate};
use super::unread::is_image;

/// All streams together may expand to at most this many bytes.
pub fn total_max(file_len: usize) -> u64 {
    (file_len as u64).saturating_mul(16).max(128 << 20)
}

/// Why a file is refused, as the one line the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooBig(pub String);

fn too_big(limit: u64, what: &str) -> TooBig {
    TooBig(format!("this PDF's content expands beyond {} MB {what} (a decompression bomb?) — refusing", limit >> 20))
}

/// The bytes left for all streams together.
struct Budget {
    total: u64,
    left: u64,
}

impl Budget {
    fn new(file_len: usize) -> Self {
        let total = total_max(file_len);
        Budget { total, left: total }
    }

    fn take(&mut self, n: u64) -> Result<(), TooBig> {
        self.left = self.left.checked_sub(n).ok_or_else(|| too_big(self.total, "in all"))?;
        Ok(())
    }
}

/// Before lopdf parses the file: the first layer of every Flate stream
/// that is not an image. Found by the `stream` keyword, so a lying
/// `/Length` changes nothing: the inflater stops where the data ends.
pub fn check_raw(bytes: &[u8]) -> Result<(), TooBig> {
    let mut budget = Budget::new(bytes.len());
    let mut buf = vec![0; 32 << 10];
    for at in memchr::memmem::find_iter(bytes, b"stream") {
        if at >= 3 && bytes.get(at - 3..at) == Some(b"end") {
            continue;
        }
        let start = match (bytes.get(at + 6), bytes.get(at + 7)) {
            (Some(b'\r'), Some(b'\n')) => at + 8,
            (Some(b'\r' | b'\n'), _) => at + 7,
            _ => continue,
        };
        // The stream's dictionary: from its `obj` (within 2 KB) on.
        let window = bytes.get(at.saturating_sub(2048)..at).unwrap_or_default();
        let dict = memchr::memmem::rfind(window, b"obj").map_or(window, |i| &window[i..]);
        let has = |word: &[u8]| memchr::memmem::find(dict, word).is_some();
        if !has(b"/FlateDecode") || has(b"/Image") {
            continue;
        }
        let data = bytes.get(start..).unwrap_or_default();
        let n = inflate(data, &mut buf, &mut |_| {}).map_err(|_| too_big(STREAM_MAX, "in one stream"))?;
        budget.take(n)?;
    }
    Ok(())
}

/// After loading: every stream's whole chain of filters, as lopdf will
/// decode it (this also covers streams that were encrypted in the file).
/// Each stream's expanded size, for `Redraw`.
pub fn check_doc(doc: &Document, file_len: usize) -> Result<Sizes, TooBig> {
    let mut budget = Budget::new(file_len);
    let mut buf = vec![0; 32 << 10];
    let mut sizes = Sizes::new();
    for (id, object) in &doc.objects {
        let Object::Stream(stream) = object else { continue };
        if is_image(stream) {
            continue;
        }
        let n = expanded(stream, &mut buf).map_err(|_| too_big(STREAM_MAX, "in one stream"))?;
        budget.take(n)?;
        sizes.insert(*id, n);
    }
    Ok(sizes)
}

/// Expanded size of each stream.
pub type Sizes = std::collections::HashMap<ObjectId, u64>;

/// pdf-extract inflates a page's fonts (and the drawings it draws) again
/// for every page, so a few bounded streams used by many pages add up:
/// this bounds their sum over the pages, counting for each page every
/// stream its resources lead to. The bound is generous (honest files
/// share a few fonts of ~100 KB), at least 1 GB or 64× the file.
pub struct Redraw {
    sizes: Sizes,
    total: u64,
    left: u64,
}

impl Redraw {
    pub fn new(sizes: Sizes, file_len: usize) -> Self {
        let total = (file_len as u64).saturating_mul(64).max(1 << 30);
        Redraw { sizes, total, left: total }
    }

    /// Count what reading this page inflates besides its content.
    pub fn page(&mut self, doc: &Document, page: ObjectId) -> Result<(), TooBig> {
        let mut sum = 0;
        let mut seen = std::collections::HashSet::new();
        // The resources as pdf-extract finds them: the page's, else the
        // nearest ancestor's.
        let mut node = doc.get_dictionary(page).ok();
        for _ in 0..32 {
            let Some(dict) = node else { break };
            if let Ok(resources) = dict.get(b"Resources") {
                self.reach(doc, resources, 11, &mut seen, &mut sum);
                break;
            }
            node = dict.get(b"Parent").and_then(Object::as_reference).and_then(|id| doc.get_dictionary(id)).ok();
        }
        self.left = self.left.checked_sub(sum).ok_or_else(|| {
            TooBig(format!(
                "this PDF's pages redraw more than {} MB of fonts and drawings in all — refusing",
                self.total >> 20
            ))
        })?;
        Ok(())
    }

    /// Add the size of every stream `object` leads to within `hops` steps
    /// (a CID font's program is nine away from a resource: font
    /// dictionary, name, font, descendants, CID font, descriptor, program).
    fn reach(&self, doc: &Document, object: &Object, hops: usize, seen: &mut HashSet<ObjectId>, sum: &mut u64) {
        if hops == 0 {
            return;
        }
        let next = hops - 1;
        match object {
            Object::Reference(id) if seen.insert(*id) => {
                *sum += self.sizes.get(id).copied().unwrap_or(0);
                if let Ok(target) = doc.get_object(*id) {
                    self.reach(doc, target, next, seen, sum);
                }
            }
            Object::Dictionary(d) => d.iter().for_each(|(_, v)| self.reach(doc, v, next, seen, sum)),
            Object::Stream(s) => s.dict.iter().for_each(|(_, v)| self.reach(doc, v, next, seen, sum)),
            Object::Array(items) => items.iter().for_each(|v| self.reach(doc, v, next, seen, sum)),
            _ => {}
        }
    }
}
