//! Decoders that count: each filter reso may meet (Flate, LZW, ASCII85),
//! run over a stream with its output handed on in small pieces, so a
//! stream's expanded size is known without holding it, and the count
//! stops as soon as it passes the limit.

use lopdf::{Dictionary, Object, Stream};

/// One stream may expand to at most this many bytes.
pub const STREAM_MAX: u64 = 32 << 20;

/// More than `STREAM_MAX` bytes would come out.
pub struct Over;

/// How many bytes the stream's filters make, as lopdf decodes them: a
/// chain of Flate, LZW and ASCII85 (anything else lopdf cannot decode, and
/// the stream's own bytes are used).
pub fn expanded(stream: &Stream, buf: &mut [u8]) -> Result<u64, Over> {
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
pub fn inflate(data: &[u8], buf: &mut [u8], sink: &mut dyn FnMut(&[u8])) -> Result<u64, Over> {
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
