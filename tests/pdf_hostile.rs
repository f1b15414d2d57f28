//! Hostile PDFs, built here byte by byte: decompression bombs (one stream,
//! many streams, two layers), lying `/Length`s, a page tree that contains
//! itself, objects that refer to themselves, deep nesting, many pages
//! sharing one content. Each gives one clear line or reads correctly;
//! none panics or runs out of memory.

use reso::document::load_bytes;
use reso::document::read::pdf;

/// A PDF of numbered objects (1 is the catalog) with a correct xref.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    let trailer = format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
    out.extend_from_slice(trailer.as_bytes());
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

const TEXT: &[u8] = b"BT /F1 12 Tf 72 700 Td (Hello hostile world) Tj ET\n";

/// One page (object 3) drawing object 4 with font 5; `more` from 6 on.
fn one_page(content: Vec<u8>, more: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(more);
    pdf_of(&objects)
}

/// zlib data of `text` then `mib` MiB of zero bytes (white space in a
/// content stream), made in a few KB without compressing the zeros one
/// by one: after a full flush a deflate stream starts afresh, so the
/// block for one MiB of zeros can be repeated.
fn zlib_text_then_zeros(text: &[u8], mib: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let block = |input: &[u8]| {
        let mut c = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(input.len() / 100 + 1024);
        c.compress_vec(input, &mut out, FlushCompress::Full).expect("deflate");
        assert_eq!(c.total_in() as usize, input.len());
        out
    };
    let zeros = block(&vec![0; 1 << 20]);
    let mut out = vec![0x78, 0xDA];
    out.extend(block(text));
    (0..mib).for_each(|_| out.extend_from_slice(&zeros));
    let mut end = Vec::with_capacity(64);
    Compress::new(Compression::best(), false).compress_vec(&[], &mut end, FlushCompress::Finish).expect("deflate");
    out.extend(end);
    // Adler-32 of the text, then of the zeros (each adds `a` to `b`).
    let (mut a, mut b) = (1u64, 0u64);
    for &byte in text {
        a = (a + u64::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    b = (b + a * (((mib as u64) << 20) % 65521)) % 65521;
    out.extend_from_slice(&((b << 16 | a) as u32).to_be_bytes());
    out
}

fn zlib(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).expect("deflate");
    e.finish().expect("deflate")
}

fn error_of(bytes: &[u8]) -> String {
    match load_bytes(bytes, "hostile.pdf") {
        Ok(doc) => panic!("read as {} resolutions", doc.resolutions.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_zeros_maker_makes_what_it_says() {
    let data = zlib_text_then_zeros(TEXT, 3);
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(data.as_slice()), &mut out).expect("valid zlib");
    assert_eq!(out.len(), TEXT.len() + (3 << 20));
    assert!(out.starts_with(TEXT) && out[TEXT.len()..].iter().all(|&b| b == 0));
}

#[test]
fn a_stream_that_inflates_to_gigabytes_is_refused() {
    // 2 GiB of content in about 2 MB of file.
    let bomb = zlib_text_then_zeros(TEXT, 2048);
    let bytes = one_page(stream("/Filter /FlateDecode", &bomb), vec![]);
    assert!(bytes.len() < 4 << 20, "{} bytes", bytes.len());
    let e = error_of(&bytes);
    assert!(e.contains("expands beyond 32 MB in one stream") && e.contains("refusing"), "{e}");
    assert_eq!(e.lines().count(), 1);
}

#[test]
fn streams_each_under_the_limit_but_too_many_together_are_refused() {
    // Ten drawings of 20 MiB each: 200 MiB together, above the 128 MB floor.
    let form = stream("/Type /XObject /Subtype /Form /Filter /FlateDecode", &zlib_text_then_zeros(b"", 20));
    let bytes = one_page(stream("", TEXT), vec![form; 10]);
    let e = error_of(&bytes);
    assert!(e.contains("expands beyond 128 MB in all") && e.contains("refusing"), "{e}");
}

#[test]
fn a_bomb_inside_a_second_layer_of_compression_is_refused() {
    // The outer layer inflates to a few KB; the inner one to 64 MiB.
    let inner = zlib_text_then_zeros(TEXT, 64);
    let bytes = one_page(stream("/Filter [/FlateDecode /FlateDecode]", &zlib(&inner)), vec![]);
    let e = error_of(&bytes);
    assert!(e.contains("expands beyond 32 MB in one stream"), "{e}");
}

#[test]
fn a_large_honest_stream_under_the_limit_reads() {
    let content = zlib_text_then_zeros(TEXT, 8);
    let text = pdf::text(&one_page(stream("/Filter /FlateDecode", &content), vec![])).expect("reads");
    assert!(text.contains("Hello hostile world"), "{text}");
}

#[test]
fn lying_lengths_read_or_fail_clearly() {
    for length in ["3", "99999", "-7", "6 0 R", "4 0 R"] {
        let mut content = format!("<< /Length {length} >>\nstream\n").into_bytes();
        content.extend_from_slice(TEXT);
        content.extend_from_slice(b"\nendstream");
        let bytes = one_page(content, vec![b"12".to_vec()]);
        match pdf::text(&bytes) {
            Ok(text) => assert!(text.contains("Hello hostile world"), "/Length {length}: {text}"),
            Err(e) => assert_eq!(e.to_string().lines().count(), 1, "/Length {length}: {e}"),
        }
    }
}

#[test]
fn a_page_tree_that_contains_itself_reads_each_page_once() {
    let bytes = pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R 2 0 R 6 0 R] /Count 3 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        stream("", TEXT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Pages /Parent 2 0 R /Kids [6 0 R 3 0 R] /Count 1 >>".to_vec(),
    ]);
    match pdf::text(&bytes) {
        Ok(text) => assert_eq!(text.matches("Hello hostile world").count(), 1, "{text}"),
        Err(e) => assert_eq!(e.to_string().lines().count(), 1, "{e}"),
    }
}

#[test]
fn objects_that_refer_to_themselves_do_not_hang() {
    // The font, the resources and the content each name themselves.
    let bytes = pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 6 0 R /Contents 4 0 R >>".to_vec(),
        b"4 0 R".to_vec(),
        b"5 0 R".to_vec(),
        b"<< /Font << /F1 5 0 R >> /XObject 6 0 R >>".to_vec(),
    ]);
    let e = error_of(&bytes);
    assert_eq!(e.lines().count(), 1, "{e}");
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let deep = |open: &str, close: &str| {
        let mut body = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Deep ".to_vec();
        body.extend(open.repeat(100_000).into_bytes());
        body.extend(close.repeat(100_000).into_bytes());
        body.extend_from_slice(b" >>");
        body
    };
    for (open, close) in [("[", "]"), ("<< /A ", ">>")] {
        let mut content = TEXT.to_vec();
        content.extend(format!("{} 1 Tj\n", open.repeat(50_000)).into_bytes());
        let bytes = one_page(stream("", &content), vec![deep(open, close)]);
        match pdf::text(&bytes) {
            Ok(text) => assert!(text.contains("Hello hostile world"), "{text}"),
            Err(e) => assert_eq!(e.to_string().lines().count(), 1, "{e}"),
        }
    }
}

#[test]
fn many_pages_sharing_one_content_read_every_page() {
    // 3,000 pages, one content stream: each page is read once, in order.
    let pages = 3000;
    let kids: String = (0..pages).map(|i| format!("{} 0 R ", 6 + i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{kids}] /Count {pages} /Resources << /Font << /F1 5 0 R >> >> /MediaBox [0 0 612 792] >>")
            .into_bytes(),
        b"null".to_vec(),
        stream("", b"BT /F1 12 Tf 72 700 Td (Page of many) Tj ET"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend((0..pages).map(|_| b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec()));
    // The lines of each page (the text would drop a line on every page
    // at the same place as page furniture).
    let lines = pdf::dump_lines(&pdf_of(&objects)).expect("reads");
    assert_eq!(lines.matches("|Page of many").count(), pages);
    assert_eq!(lines.matches("=== page").count(), pages);
}

#[test]
fn a_large_drawing_shared_by_many_pages_is_bounded_over_all_pages() {
    // A 20 MiB drawing in every page's resources: pdf-extract would inflate
    // it again for each of the 200 pages (4 GB in all).
    let pages = 200;
    let kids: String = (0..pages).map(|i| format!("{} 0 R ", 7 + i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{kids}] /Count {pages} /MediaBox [0 0 612 792] \
             /Resources << /Font << /F1 5 0 R >> /XObject << /Big 6 0 R >> >> >>"
        )
        .into_bytes(),
        b"null".to_vec(),
        stream("", TEXT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        stream("/Type /XObject /Subtype /Form /Filter /FlateDecode", &zlib_text_then_zeros(b"", 20)),
    ];
    objects.extend((0..pages).map(|_| b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>".to_vec()));
    let e = error_of(&pdf_of(&objects));
    assert!(e.contains("redraw more than 1024 MB") && e.contains("refusing"), "{e}");
}
