//! Which text runs of a page are set in an italic font. pdf-extract does
//! not say which font a glyph uses, so the page's content is walked once
//! more with lopdf: every string it shows (`Tj`, each string of a `TJ`) in
//! order, with the font in effect (`Tf`, saved and restored by `q`/`Q`).
//! pdf-extract shows the same strings in the same order (one `begin_word`
//! each), so run `n` of one walk is run `n` of the other. Where the counts
//! differ (text inside drawings) the page gets no italics rather than
//! wrong ones.

use lopdf::{Dictionary, Document, Object, ObjectId};

/// For each shown string of the page, in order: is its font italic?
pub fn italic_runs(doc: &Document, page: ObjectId) -> Vec<bool> {
    let Ok(content) = doc.get_page_content(page) else { return Vec::new() };
    let Ok(content) = lopdf::content::Content::decode(&content) else { return Vec::new() };
    let fonts = page_fonts(doc, page);
    let mut stack: Vec<bool> = Vec::new();
    let mut italic = false;
    let mut runs = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => stack.push(italic),
            "Q" => italic = stack.pop().unwrap_or(false),
            "Tf" => {
                let name = op.operands.first().and_then(|o| o.as_name().ok()).unwrap_or_default();
                italic = fonts.as_ref().is_some_and(|f| is_italic(doc, f, name));
            }
            "Tj" => runs.push(italic),
            "TJ" => {
                if let Some(Object::Array(items)) = op.operands.first() {
                    runs.extend(items.iter().filter(|i| matches!(i, Object::String(..))).map(|_| italic));
                }
            }
            _ => {}
        }
    }
    runs
}

fn page_fonts(doc: &Document, page: ObjectId) -> Option<Dictionary> {
    let (own, inherited) = doc.get_page_resources(page).ok()?;
    let resources = own.cloned().or_else(|| inherited.first().and_then(|id| doc.get_dictionary(*id).ok().cloned()))?;
    let fonts = resources.get(b"Font").ok()?;
    doc.dereference(fonts).ok()?.1.as_dict().ok().cloned()
}

/// A font is italic when its name says so (`TimesNewRomanPS-ItalicMT`,
/// `…,Italic`, `…-Oblique`) or its descriptor has a slant.
fn is_italic(doc: &Document, fonts: &Dictionary, name: &[u8]) -> bool {
    let Some(font) = fonts.get(name).ok().and_then(|f| doc.dereference(f).ok()).and_then(|(_, f)| f.as_dict().ok())
    else {
        return false;
    };
    let base = font.get(b"BaseFont").and_then(|b| b.as_name()).unwrap_or_default();
    let base = String::from_utf8_lossy(base).to_ascii_lowercase();
    if base.contains("italic") || base.contains("oblique") {
        return true;
    }
    font.get(b"FontDescriptor")
        .ok()
        .and_then(|d| doc.dereference(d).ok())
        .and_then(|(_, d)| d.as_dict().ok())
        .and_then(|d| d.get(b"ItalicAngle").ok())
        .and_then(|a| a.as_float().ok().or_else(|| a.as_i64().ok().map(|i| i as f32)))
        .is_some_and(|angle| angle.abs() > 1.0)
}
