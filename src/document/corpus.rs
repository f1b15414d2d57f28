//! Large synthetic corpora for benchmarks: the bundled sample's
//! resolutions repeated under new codes (`CCPCJ/1/3` → `GEN/17/3`), and
//! adversarial documents for the fuzz test and the parse benchmark.

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

/// Documents of about `size` bytes in shapes that have made parsers slow:
/// one label repeated, one endless line, deep nesting, nothing but blank
/// lines, emphasis marks, headings, controls.
pub fn adversarial(size: usize) -> Vec<(&'static str, String)> {
    let fill = |unit: &str| unit.repeat(size / unit.len().max(1));
    vec![
        ("repeated label", format!("The General Assembly,\n\n1. Decides:\n{}", fill(" - a. item;\n"))),
        ("repeated paragraph number", format!("The General Assembly,\n\n{}", fill("1. Decides;\n"))),
        ("one line", format!("The General Assembly,\n\nRecalling {}\n", fill("word "))),
        ("nesting", format!("The General Assembly,\n\n{}", fill("1. Decides:\n(a) item:\n(i) point;\n"))),
        ("blank lines", format!("The General Assembly,\n{}1. Decides;\n", fill("\n"))),
        ("emphasis", format!("The General Assembly,\n\n*Recalling* {}\n", fill("*a* "))),
        ("headings", format!("The General Assembly,\n\n{}", fill("Annex\nA/RES/1\n"))),
        ("controls", format!("The General Assembly,\n\n1. Decides {}\n", fill("\u{1b}[2Jx\u{7}"))),
        ("phrases", format!("The General Assembly,\n\n{}", fill("Recalling\n"))),
        ("corpus", generate(size)),
    ]
}
