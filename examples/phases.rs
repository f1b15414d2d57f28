use reso::document::parse::{layout, segment};
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let t = Instant::now();
    let d = reso::document::decode::decode(&bytes).map(|d| d.text.len());
    println!("decode {:?} {:?}", t.elapsed(), d);
    let text = std::str::from_utf8(&bytes).unwrap_or("");
    let t = Instant::now();
    let lines = layout::lines(text);
    println!("lines {:?} {}", t.elapsed(), lines.len());
    let t = Instant::now();
    let blocks = segment::blocks(&lines);
    println!("blocks {:?} {}", t.elapsed(), blocks.len());
    let t = Instant::now();
    let j: usize = blocks.iter().map(|b| b.joined().len()).sum();
    println!("joined {:?} {}", t.elapsed(), j);
    let t = Instant::now();
    let doc = reso::document::parse::parse(text, "x");
    println!("full parse {:?} {}", t.elapsed(), doc.resolutions.len());
    let t = Instant::now();
    drop(doc);
    println!("drop {:?}", t.elapsed());
}
