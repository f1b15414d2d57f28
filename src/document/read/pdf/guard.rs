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
//! decodes them (`strip` empties them), and a scan's pages are large.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// One stream may expand to at most this many bytes.
pub const STREAM_MAX: u64 = 32 << 20;

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

fn is_image(stream: &Stream) -> bool {
    stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image".as_slice())
}

/// More than `STREAM_MAX` bytes would come out.
struct Over;

/// How many bytes the stream's filters make, as lopdf decodes them: a
/// chain of Flate, LZW and ASCII85 (anything else lopdf cannot decode, and
/// the stream's own bytes are used).
fn expanded(stream: &Stream, buf: &mut [u8]) -> Result<u64, Over> {
    let raw = stream.content.len() as u64;
    let Ok(filters) = stream.filters() else { return Ok(raw) };
    if filters.iter().any(|f| !matches!(*f, b"FlateDecode" | b"LZWDecode" | b"ASCII85Decode")) {
        return Ok(raw);
    }
    let params = stream.dict.get(b"DecodeParms").and_then(Object::as_dict).ok();
    let mut data = std::borrow::Cow::Borrowed(stream.content.as_slice());
    let mut size = raw;
    for (i, filter) in filters.iter().enumerate() {
        // Only a layer another one decodes is kept (and it is capped).
        let keep = i + 1 < filters.len();
        let mut kept = Vec::new();
        let mut sink = |bytes: &[u8]| {
            if keep {
                kept.extend_from_slice(bytes);
            }
        };
        size = match *filter {
            b"FlateDecode" => inflate(&data, buf, &mut sink)?,
            b"LZWDecode" => unlzw(&data, early_change(params), buf, &mut sink)?,
            _ => ascii85(&data, &mut sink)?,
        };
        data = std::borrow::Cow::Owned(kept);
    }
    Ok(size)
}

fn early_change(params: Option<&Dictionary>) -> bool {
    params.and_then(|p| p.get(b"EarlyChange").ok()).and_then(|v| v.as_i64().ok()).is_none_or(|v| v != 0)
}

/// Inflate zlib data, handing each piece to `sink`; stop where the data
/// ends or breaks. The count of bytes made, or `Over`.
fn inflate(data: &[u8], buf: &mut [u8], sink: &mut dyn FnMut(&[u8])) -> Result<u64, Over> {
    let mut z = flate2::Decompress::new(true);
    loop {
        let (read, made) = (z.total_in(), z.total_out());
        let rest = data.get(read as usize..).unwrap_or_default();
        let status = z.decompress(rest, buf, flate2::FlushDecompress::None);
        let new = (z.total_out() - made) as usize;
        sink(buf.get(..new).unwrap_or_default());
        if z.total_out() > STREAM_MAX {
            return Err(Over);
        }
        match status {
            Ok(flate2::Status::StreamEnd) | Err(_) => break,
            Ok(_) if new == 0 && z.total_in() == read => break,
            Ok(_) => {}
        }
    }
    Ok(z.total_out())
}

/// LZW, as lopdf decodes it (weezl, most significant bit first).
fn unlzw(data: &[u8], early: bool, buf: &mut [u8], sink: &mut dyn FnMut(&[u8])) -> Result<u64, Over> {
    use weezl::{BitOrder, LzwStatus, decode::Decoder};
    let mut decoder =
        if early { Decoder::with_tiff_size_switch(BitOrder::Msb, 8) } else { Decoder::new(BitOrder::Msb, 8) };
    let (mut at, mut made) = (0, 0u64);
    loop {
        let result = decoder.decode_bytes(data.get(at..).unwrap_or_default(), buf);
        at += result.consumed_in;
        made += result.consumed_out as u64;
        sink(buf.get(..result.consumed_out).unwrap_or_default());
        if made > STREAM_MAX {
            return Err(Over);
        }
        match result.status {
            Ok(LzwStatus::Ok) if result.consumed_in > 0 || result.consumed_out > 0 => {}
            _ => break,
        }
    }
    Ok(made)
}

/// ASCII85: five characters make four bytes, `z` four zeros; `~>` ends.
fn ascii85(data: &[u8], sink: &mut dyn FnMut(&[u8])) -> Result<u64, Over> {
    let (mut group, mut n, mut made) = (0u64, 0, 0u64);
    for &c in data {
        match c {
            b'~' => break,
            b'z' if n == 0 => {
                sink(&[0; 4]);
                made += 4;
            }
            b'!'..=b'u' => {
                group = group * 85 + u64::from(c - b'!');
                n += 1;
                if n == 5 {
                    sink(&(group as u32).to_be_bytes());
                    (group, n, made) = (0, 0, made + 4);
                }
            }
            _ => {}
        }
        if made > STREAM_MAX {
            return Err(Over);
        }
    }
    if n > 1 {
        made += n as u64 - 1;
    }
    Ok(made)
}

/// Empty the streams reso never reads, so they take no memory and are
/// never inflated: images (pdf-extract would run an image drawn with
/// `Do` through its content interpreter), TrueType font programs
/// (pdf-extract inflates them for every page and drops them unread),
/// colour profiles (inflated at every `cs`) and XMP metadata. Type 1 and
/// CFF programs stay: pdf-extract reads their encodings.
pub fn strip(doc: &mut Document) {
    let mut unread: Vec<ObjectId> = Vec::new();
    for (id, object) in &doc.objects {
        if let Object::Stream(s) = object
            && (is_image(s) || s.dict.has_type(b"Metadata"))
        {
            unread.push(*id);
        }
        collect_unread(object, &mut unread, 0);
    }
    for id in unread {
        if let Ok(Object::Stream(stream)) = doc.get_object_mut(id) {
            empty(stream);
        }
    }
}

/// How reso loads a PDF: streams it never reads are emptied as they are
/// parsed, so the loaded document never holds them (`strip` repeats this
/// after loading for what a filter cannot see: the font descriptors that
/// name TrueType programs by reference, colour profiles, encrypted files,
/// which lopdf loads without the filter).
pub fn load_options(password: Option<&str>) -> lopdf::LoadOptions {
    let mut options = lopdf::LoadOptions::with_filter(unread_at_load);
    options.password = password.map(str::to_string);
    options
}

fn unread_at_load(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(s) = object {
        // A TrueType program: `Length1` alone (Type 1 has `Length2` too,
        // CFF a `Subtype`).
        let truetype = s.dict.has(b"Length1") && !s.dict.has(b"Length2") && !s.dict.has(b"Subtype");
        if is_image(s) || truetype || s.dict.has_type(b"Metadata") {
            empty(s);
        }
        // lopdf keeps the object it was handed (streams are never inside
        // object streams, where it keeps the one returned).
        return Some((id, Object::Null));
    }
    Some((id, object.clone()))
}

/// No content, and a length of 0 so lopdf does not read it back.
fn empty(stream: &mut Stream) {
    stream.content = Vec::new();
    stream.dict.remove(b"Filter");
    stream.dict.remove(b"DecodeParms");
    stream.dict.set("Length", 0);
}

/// References to TrueType programs (`/FontFile2`) and colour profiles
/// (`[/ICCBased n 0 R]`) inside an object.
fn collect_unread(object: &Object, unread: &mut Vec<ObjectId>, depth: usize) {
    if depth > 8 {
        return;
    }
    match object {
        Object::Dictionary(d) => {
            if let Ok(id) = d.get(b"FontFile2").and_then(Object::as_reference) {
                unread.push(id);
            }
            d.iter().for_each(|(_, v)| collect_unread(v, unread, depth + 1));
        }
        Object::Array(items) => {
            if let [Object::Name(name), Object::Reference(id), ..] = items.as_slice()
                && name == b"ICCBased"
            {
                unread.push(*id);
            }
            items.iter().for_each(|v| collect_unread(v, unread, depth + 1));
        }
        _ => {}
    }
}
