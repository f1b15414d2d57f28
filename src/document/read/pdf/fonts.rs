//! Which fonts of a page are italic. pdf-extract does not say which font a
//! glyph uses, so the page's content walk (plan.rs) notes for every string
//! shown whether the font in effect is italic, and pdf-extract's strings
//! are matched to those one for one.

use lopdf::{Dictionary, Document, ObjectId};

/// A page's font resources, with each name's answer kept once found.
pub struct Fonts<'a> {
    doc: &'a Document,
    fonts: Option<Dictionary>,
    known: Vec<(Vec<u8>, bool)>,
}

impl<'a> Fonts<'a> {
    pub fn of_page(doc: &'a Document, page: ObjectId) -> Self {
        Fonts { doc, fonts: page_fonts(doc, page), known: Vec::new() }
    }

    /// Is the font this page calls `name` italic?
    pub fn italic(&mut self, name: &[u8]) -> bool {
        if let Some((_, italic)) = self.known.iter().find(|(n, _)| n == name) {
            return *italic;
        }
        let italic = self.fonts.as_ref().is_some_and(|f| is_italic(self.doc, f, name));
        self.known.push((name.to_vec(), italic));
        italic
    }
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
