//! PDF bytes → positioned glyphs, page by page, through `pdf-extract`'s
//! content-stream interpreter (pure Rust, on `lopdf`). Everything a broken
//! or hostile file can do to the interpreter (a panic, an error, a very
//! long run) ends here as one clear message.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::fonts::Fonts;
use super::guard;
use super::lines::{Line, assemble};
use super::plan;
use super::unread;

/// One character as printed: where its baseline starts, how wide and how
/// large it is. Coordinates are PDF points, y up from the page bottom.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub size: f32,
    /// Set in an italic font (false where that is unknown).
    pub italic: bool,
    /// Inline (no allocation) for the one character it nearly always is.
    pub text: compact_str::CompactString,
}

/// One page's printed lines. A page's glyphs become lines as soon as the
/// page is read and are dropped then: kept for every page at once they
/// were half the peak memory of a read (48 bytes a character).
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub height: f32,
    pub lines: Vec<Line>,
}

/// Why a PDF gives no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Encrypted,
    Broken(String),
    /// Refused by a bound (guard.rs): the message to show as it is.
    Refused(String),
}

/// Above this many glyphs a file is not a resolution; stop rather than
/// let a crafted content stream fill memory.
const MAX_GLYPHS: usize = 20_000_000;

/// The stack of the thread that reads a PDF.
const STACK: usize = 64 << 20;

/// The pages of a PDF with their glyphs.
pub fn pages(bytes: &[u8]) -> Result<Vec<Page>, Failure> {
    // pdf-extract and lopdf index and unwrap inside; a damaged file must
    // give an error, not take the program down.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    // On a thread of its own with a large stack: lopdf's parser recurses
    // for each level of nesting (up to 100), which in a debug build takes
    // more than a test thread's 2 MB. The stack is only reserved; pages
    // are touched as it grows.
    let result = std::thread::scope(|scope| {
        let reader = std::thread::Builder::new()
            .name("pdf".to_string())
            .stack_size(STACK)
            .spawn_scoped(scope, || pages_unguarded(bytes));
        match reader {
            Ok(reader) => reader.join().map_err(|_| ()),
            Err(_) => catch_unwind(AssertUnwindSafe(|| pages_unguarded(bytes))).map_err(|_| ()),
        }
    });
    std::panic::set_hook(hook);
    result.unwrap_or_else(|_| Err(Failure::Broken("its content could not be interpreted".to_string())))
}

fn pages_unguarded(bytes: &[u8]) -> Result<Vec<Page>, Failure> {
    let refuse = |t: guard::TooBig| Failure::Refused(t.0);
    guard::check_raw(bytes).map_err(refuse)?;
    let mut doc = match lopdf::Document::load_mem_with_options(bytes, unread::load_options(None)) {
        Ok(doc) => doc,
        // An owner-password-only file opens with the empty user password.
        Err(lopdf::Error::Decryption(_)) => {
            lopdf::Document::load_mem_with_options(bytes, unread::load_options(Some("")))
                .map_err(|_| Failure::Encrypted)?
        }
        Err(e) => return Err(Failure::Broken(one_line(&e.to_string()))),
    };
    let sizes = guard::check_doc(&doc, bytes.len()).map_err(refuse)?;
    unread::strip(&mut doc);
    // A page listed twice is a loop in the page tree, not a second page.
    let mut seen = std::collections::HashSet::new();
    let ids: Vec<lopdf::ObjectId> = doc.page_iter().filter(|id| seen.insert(*id)).collect();
    if ids.is_empty() {
        return Err(if doc.is_encrypted() {
            Failure::Encrypted
        } else {
            Failure::Broken("it has no pages".to_string())
        });
    }
    if forms_loop(&doc) {
        return Err(Failure::Broken("its drawings refer to themselves without end".to_string()));
    }
    // One page after another: reading pages on two threads was no faster
    // on a loaded 2-core machine and took 1.6× the memory (mimalloc heaps).
    let mut redraw = guard::Redraw::new(sizes, bytes.len());
    pages_of(&mut doc, &ids, guard::total_max(bytes.len()), &mut redraw)
}

/// Read the pages one at a time. pdf-extract looks a page up by walking
/// the whole page tree (every page, every time: quadratic in the pages),
/// so the catalog is pointed at a page tree of one page, the page being
/// read; the page keeps its own parent for what it inherits. `budget`
/// bounds the content inflated over all pages (pages can share one),
/// `redraw` the fonts and drawings inflated again for each page.
fn pages_of(
    doc: &mut lopdf::Document,
    ids: &[lopdf::ObjectId],
    mut budget: u64,
    redraw: &mut guard::Redraw,
) -> Result<Vec<Page>, Failure> {
    let mut dev = Collect { height: 0.0, page: Vec::new(), glyphs: 0, runs: Vec::new(), run: 0 };
    let total = budget;
    let one =
        doc.add_object(lopdf::dictionary! { "Type" => "Pages", "Kids" => Vec::<lopdf::Object>::new(), "Count" => 1 });
    doc.catalog_mut()
        .map_err(|e| Failure::Broken(one_line(&e.to_string())))?
        .set("Pages", lopdf::Object::Reference(one));
    let mut pages = Vec::with_capacity(ids.len());
    for &id in ids {
        let content = doc.get_page_content(id).unwrap_or_default();
        budget = budget.checked_sub(content.len() as u64).ok_or_else(|| {
            Failure::Refused(format!("this PDF's pages draw more than {} MB of content in all — refusing", total >> 20))
        })?;
        redraw.page(doc, id).map_err(|t| Failure::Refused(t.0))?;
        let mut fonts = Fonts::of_page(doc, id);
        let plan = plan::plan(&content, &mut |name| fonts.italic(name));
        let installed = plan::install(doc, id, &content, &plan);
        drop(content);
        dev.runs = plan.runs;
        dev.run = 0;
        dev.height = 0.0;
        if let Ok(kids) = doc.get_dictionary_mut(one) {
            kids.set("Kids", vec![lopdf::Object::Reference(id)]);
        }
        let read = pdf_extract::output_doc_page(doc, &mut dev, 1);
        if let Some(installed) = installed {
            plan::remove(doc, installed);
        }
        if let Err(e) = read {
            if doc.is_encrypted() {
                return Err(Failure::Encrypted);
            }
            return Err(Failure::Broken(one_line(&e.to_string())));
        }
        // The walks disagree: no italics on this page rather than wrong ones.
        if dev.run != dev.runs.len() {
            dev.page.iter_mut().for_each(|g| g.italic = false);
        }
        pages.push(Page { height: dev.height, lines: assemble(std::mem::take(&mut dev.page)) });
    }
    Ok(pages)
}

/// A library's message as one short line (the CLI prints one line).
fn one_line(message: &str) -> String {
    let line: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    line.chars().take(120).collect()
}

/// How many drawings (form XObjects) may be looked into, and how deeply
/// nested, before a file counts as hostile.
const FORM_BUDGET: usize = 10_000;
const FORM_DEPTH: usize = 32;

/// pdf-extract follows a drawing's `Do` into the drawing it names with no
/// limit, so a drawing that draws itself would overflow the stack (an
/// abort that `catch_unwind` cannot stop). Look for such loops first.
fn forms_loop(doc: &lopdf::Document) -> bool {
    let mut budget = FORM_BUDGET;
    for page in doc.get_pages().into_values() {
        let Ok((own, inherited)) = doc.get_page_resources(page) else { continue };
        let dicts = own.into_iter().chain(inherited.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
        for resources in dicts {
            if form_loops(doc, resources, &mut Vec::new(), &mut budget) {
                return true;
            }
        }
    }
    false
}

fn form_loops(
    doc: &lopdf::Document,
    resources: &lopdf::Dictionary,
    path: &mut Vec<lopdf::ObjectId>,
    budget: &mut usize,
) -> bool {
    let Some(xobjects) =
        resources.get(b"XObject").ok().and_then(|o| doc.dereference(o).ok()).and_then(|(_, o)| o.as_dict().ok())
    else {
        return false;
    };
    for (_, object) in xobjects.iter() {
        let Ok(id) = object.as_reference() else { continue };
        if *budget == 0 || path.len() >= FORM_DEPTH || path.contains(&id) {
            return true;
        }
        *budget -= 1;
        let Ok(stream) = doc.get_object(id).and_then(|o| o.as_stream()) else { continue };
        if stream.dict.get(b"Subtype").and_then(|s| s.as_name()).ok() != Some(b"Form".as_slice()) {
            continue;
        }
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        // A drawing without resources of its own uses its parent's, which
        // name the drawing itself: only a `Do` in its content can loop then.
        let inner = match own {
            Some(dict) => dict,
            None if draws_nothing(stream) => continue,
            None => resources,
        };
        path.push(id);
        if form_loops(doc, inner, path, budget) {
            return true;
        }
        path.pop();
    }
    false
}

/// A drawing whose content calls no other drawing.
fn draws_nothing(stream: &lopdf::Stream) -> bool {
    let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    lopdf::content::Content::decode(&content).is_ok_and(|c| c.operations.iter().all(|op| op.operator != "Do"))
}

struct Collect {
    /// The page being read: its height and its glyphs so far.
    height: f32,
    page: Vec<Glyph>,
    /// Glyphs of the whole file so far (capped).
    glyphs: usize,
    /// Italic or not, for each string the page shows (see plan.rs).
    runs: Vec<bool>,
    /// How many strings have been shown so far on this page.
    run: usize,
}

impl OutputDev for Collect {
    fn begin_page(&mut self, _: u32, media: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.height = (media.ury - media.lly) as f32;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // The text matrix scales the nominal size (LibreOffice writes
        // `1 Tf` and puts the size in the matrix).
        let scale = (trm.m21 * trm.m21 + trm.m22 * trm.m22).sqrt();
        let size = if scale > 0.0 { font_size * scale } else { font_size.abs() };
        let glyph = Glyph {
            x: trm.m31 as f32,
            y: trm.m32 as f32,
            width: (width * size) as f32,
            size: size as f32,
            text: compact_str::CompactString::from(text),
            italic: self.run.checked_sub(1).and_then(|i| self.runs.get(i)).copied().unwrap_or(false),
        };
        if glyph.x.is_finite() && glyph.y.is_finite() && glyph.size.is_finite() {
            self.page.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.run += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
