//! Large synthetic corpora for benchmarks: the bundled sample's
//! resolutions repeated under new codes (`CCPCJ/1/3` → `GEN/17/3`).

use super::load::SAMPLE_TEXT;

/// About `target_bytes` of text: the sample's front matter once, then its
/// resolutions again and again, each copy under a fresh code.
pub fn generate(target_bytes: usize) -> String {
    let first = SAMPLE_TEXT.find("Code: ").unwrap_or(0);
    let (front, body) = SAMPLE_TEXT.split_at(first);
    let mut out = String::with_capacity(target_bytes + body.len());
    out.push_str(front);
    let mut copy = 0usize;
    while out.len() < target_bytes {
        copy += 1;
        out.push_str(&body.replace("CCPCJ/1/", &format!("GEN/{copy}/")));
        out.push('\n');
    }
    out
}
