//! One walk over a page's content before pdf-extract reads it, for two
//! things pdf-extract cannot give:
//! - which strings are set in an italic font (pdf-extract shows the same
//!   strings in the same order, one `begin_word` each, so run `n` here is
//!   run `n` there);
//! - where the content can be cut into pieces of a few KB. pdf-extract
//!   decodes a whole content stream into lopdf objects at once (40× its
//!   bytes: a dense page took over 1 MB, the largest part of a read's
//!   peak memory). Each piece becomes a drawing (form XObject) that the
//!   page draws in turn, so only one piece is decoded at a time.
//!
//! Why a piece reads exactly as the whole: pdf-extract starts every
//! drawing from a fresh state (identity matrix, no font) and leaves the
//! page's state alone. So pieces are cut only outside `BT … ET`, and each
//! piece starts by rebuilding the state in effect there: for each level
//! of `q` still open, the state operators run at that level (`cm`, `Tf`,
//! `Tc` …, verbatim, so the numbers are bit for bit the same), then `q`.
//! The `Q`s later in the piece then restore what they restored before.

use std::ops::Range;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::content::ops;

/// Cut after this many bytes of content (at the next cut point).
const PIECE: usize = 4096;
/// Rebuild at most this much state (bytes of operators) to start a piece.
const REPLAY_MAX: usize = 4096;

pub struct Plan {
    /// Italic or not, for each string the page shows.
    pub runs: Vec<bool>,
    /// Each piece: the state to rebuild first, and its content bytes.
    pieces: Vec<(Vec<u8>, Range<usize>)>,
}

/// Walk the page's content once; `italic` says whether the page's font of
/// that name is italic.
pub fn plan(content: &[u8], italic_font: &mut dyn FnMut(&[u8]) -> bool) -> Plan {
    let mut runs = Vec::new();
    let (mut italic, mut saved) = (false, Vec::new());
    // The state operators run at each open level of `q`, outermost first.
    let mut levels: Vec<Vec<u8>> = vec![Vec::new()];
    // Bytes of the state to rebuild: the levels joined by `q`.
    let mut size = 0;
    let mut in_text = false;
    let mut pieces = Vec::new();
    let (mut start, mut replay) = (0, Vec::new());
    for op in ops(content) {
        match op.operator {
            b"q" => {
                saved.push(italic);
                levels.push(Vec::new());
                size += 2;
            }
            // As pdf-extract: a `Q` with nothing saved changes nothing.
            b"Q" => {
                italic = saved.pop().unwrap_or(false);
                if levels.len() > 1 {
                    size -= levels.pop().map_or(0, |l| l.len() + 2);
                }
            }
            b"Tf" => italic = op.name.is_some_and(&mut *italic_font),
            b"Tj" => runs.push(italic),
            b"TJ" => runs.extend(std::iter::repeat_n(italic, op.strings)),
            b"BT" => in_text = true,
            b"ET" => in_text = false,
            _ => {}
        }
        if matches!(op.operator, b"cm" | b"gs" | b"Tf" | b"Tc" | b"Tw" | b"Tz" | b"TL" | b"Ts" | b"TD")
            && let Some(level) = levels.last_mut()
        {
            let bytes = content.get(op.start..op.end).unwrap_or_default();
            level.extend_from_slice(bytes);
            level.push(b'\n');
            size += bytes.len() + 1;
        } else if !in_text && op.end - start >= PIECE && size <= REPLAY_MAX {
            // (Where there is more state to rebuild than that, as `q`
            // nested without end, the piece goes on.)
            pieces.push((std::mem::take(&mut replay), start..op.end));
            start = op.end;
            replay = levels.join(&b"q\n"[..]);
        }
    }
    pieces.push((replay, start..content.len()));
    Plan { runs, pieces }
}

/// The pieces put in place of a page's content, to be removed after.
pub struct Installed {
    page: ObjectId,
    names: Vec<String>,
    ids: Vec<ObjectId>,
}

/// Draw the page as its pieces: each piece a drawing in the document, the
/// page's content a list of `Do`s. None when the page is one piece or
/// its resources are not where pdf-extract would find them (then the
/// page is read whole, as before).
pub fn install(doc: &mut Document, page: ObjectId, content: &[u8], plan: &Plan) -> Option<Installed> {
    if plan.pieces.len() < 2 {
        return None;
    }
    let names: Vec<String> = (0..plan.pieces.len()).map(|i| format!("ResoPiece{i}")).collect();
    match xobjects_mut(doc, page) {
        Some(x) if !names.iter().any(|n| x.has(n.as_bytes())) => {}
        _ => return None,
    }
    let mut ids = Vec::with_capacity(names.len() + 1);
    let mut driver = Vec::new();
    for (name, (replay, range)) in names.iter().zip(&plan.pieces) {
        let mut bytes = replay.clone();
        bytes.push(b'\n');
        bytes.extend_from_slice(content.get(range.clone()).unwrap_or_default());
        let form = Dictionary::from_iter([("Type", Object::from("XObject")), ("Subtype", Object::from("Form"))]);
        ids.push(doc.add_object(Stream::new(form, bytes)));
        driver.extend_from_slice(format!("/{name} Do\n").as_bytes());
    }
    let xobjects = xobjects_mut(doc, page)?;
    for (name, id) in names.iter().zip(&ids) {
        xobjects.set(name.as_bytes(), Object::Reference(*id));
    }
    let driver = doc.add_object(Stream::new(Dictionary::new(), driver));
    ids.push(driver);
    doc.get_object_mut(page).ok()?.as_dict_mut().ok()?.set("Contents", Object::Reference(driver));
    Some(Installed { page, names, ids })
}

/// Free the pieces once the page is read, and take their names out of
/// the resources (other pages may share them).
pub fn remove(doc: &mut Document, installed: Installed) {
    if let Some(xobjects) = xobjects_mut(doc, installed.page) {
        for name in &installed.names {
            xobjects.remove(name.as_bytes());
        }
    }
    for id in installed.ids {
        doc.objects.remove(&id);
    }
}

/// The page's `XObject` resources, found as pdf-extract finds them (the
/// page's `Resources`, else the nearest ancestor's), created if missing.
fn xobjects_mut(doc: &mut Document, page: ObjectId) -> Option<&mut Dictionary> {
    let mut holder = page;
    let mut shared = None;
    let mut found = false;
    for _ in 0..64 {
        let dict = doc.get_dictionary(holder).ok()?;
        match dict.get(b"Resources") {
            Ok(Object::Reference(id)) => shared = Some(*id),
            Ok(Object::Dictionary(_)) => {}
            Ok(_) => return None,
            Err(_) => {
                holder = dict.get(b"Parent").ok()?.as_reference().ok()?;
                continue;
            }
        }
        found = true;
        break;
    }
    if !found {
        return None;
    }
    // Where the XObject entry is: in another object, or in `resources`.
    let elsewhere = {
        let resources = match shared {
            Some(id) => doc.get_dictionary(id).ok()?,
            None => doc.get_dictionary(holder).ok()?.get(b"Resources").ok()?.as_dict().ok()?,
        };
        match resources.get(b"XObject") {
            Ok(Object::Reference(id)) => Some(*id),
            Ok(Object::Dictionary(_)) | Err(_) => None,
            Ok(_) => return None,
        }
    };
    if let Some(id) = elsewhere {
        return doc.get_object_mut(id).ok()?.as_dict_mut().ok();
    }
    let resources = match shared {
        Some(id) => doc.get_object_mut(id).ok()?.as_dict_mut().ok()?,
        None => doc.get_object_mut(holder).ok()?.as_dict_mut().ok()?.get_mut(b"Resources").ok()?.as_dict_mut().ok()?,
    };
    if !resources.has(b"XObject") {
        resources.set("XObject", Dictionary::new());
    }
    resources.get_mut(b"XObject").ok()?.as_dict_mut().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The state operators in effect (outermost first) at each string shown,
    /// as pdf-extract would see them reading `content` from a fresh state.
    fn states_at_strings(content: &[u8]) -> Vec<Vec<String>> {
        let mut levels: Vec<Vec<String>> = vec![Vec::new()];
        let mut out = Vec::new();
        for op in ops(content) {
            let text = String::from_utf8_lossy(&content[op.start..op.end]).into_owned();
            match op.operator {
                b"q" => levels.push(Vec::new()),
                b"Q" if levels.len() > 1 => drop(levels.pop()),
                b"cm" | b"gs" | b"Tf" | b"Tc" | b"Tw" | b"Tz" | b"TL" | b"Ts" | b"TD" => {
                    levels.last_mut().unwrap().push(text)
                }
                b"Tj" | b"TJ" => out.push(levels.concat()),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn each_piece_starts_in_the_state_the_whole_page_was_in_there() {
        let span = b"q 0 g BT /F1 10 Tf 1 0 0 1 72 700 Tm [(Some) -20 (text)] TJ ET Q\n";
        let mut content = b"2 0 0 2 0 0 cm q 1 0 0 1 5 5 cm /F2 9 Tf\n".to_vec();
        for i in 0..300 {
            content.extend_from_slice(span);
            if i % 7 == 0 {
                content.extend_from_slice(format!("q {i} Tc 1 0 0 1 0 {i} cm BT (x) Tj ET\n").as_bytes());
            }
            if i % 50 == 0 {
                content.extend_from_slice(b"Q /F3 8 Tf q\n");
            }
        }
        content.extend_from_slice(b"Q BT (tail) Tj ET");
        let plan = plan(&content, &mut |name| name == b"F1");
        assert!(plan.pieces.len() > 4, "{} pieces", plan.pieces.len());
        let mut pieces = Vec::new();
        let mut at = 0;
        for (replay, range) in &plan.pieces {
            // Every byte of the content is in exactly one piece, in order.
            assert_eq!(range.start, at);
            at = range.end;
            let mut piece = replay.clone();
            piece.push(b'\n');
            piece.extend_from_slice(&content[range.clone()]);
            pieces.extend(states_at_strings(&piece));
        }
        assert_eq!(at, content.len());
        let whole = states_at_strings(&content);
        assert_eq!(plan.runs.len(), whole.len() + 300);
        assert_eq!(pieces, whole);
    }

    /// The states seen at each string by reading the pieces one after
    /// another, each from a fresh state, as pdf-extract reads them.
    fn states_through_pieces(content: &[u8], plan: &Plan) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for (replay, range) in &plan.pieces {
            let mut piece = replay.clone();
            piece.push(b'\n');
            piece.extend_from_slice(&content[range.clone()]);
            out.extend(states_at_strings(&piece));
        }
        out
    }

    fn op() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            4 => Just("q".to_string()),
            4 => Just("Q".to_string()),
            3 => Just("BT".to_string()),
            3 => Just("ET".to_string()),
            2 => (1..9i32, -50..50i32).prop_map(|(a, b)| format!("{a} 0 0 {a} {b} {b} cm")),
            2 => (1..4u8, 5..15u8).prop_map(|(f, s)| format!("/F{f} {s} Tf")),
            1 => (0..5u8).prop_map(|x| format!("0.{x} Tc")),
            1 => Just("0 -12 TD".to_string()),
            1 => Just("/GS1 gs".to_string()),
            4 => "[a-z ]{0,40}".prop_map(|t| format!("({t}) Tj")),
            2 => "[a-z]{1,9}".prop_map(|t| format!("[({t}) -20 ({t})] TJ")),
            2 => Just("0 0 0 rg 10 10 m 20 20 l S".to_string()),
            1 => Just("/P <</MCID 3>> BDC EMC".to_string()),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, .. Default::default() })]
        /// Whatever the nesting of `q`, `BT` and state changes, reading the
        /// pieces gives every string the state reading the whole gave it.
        #[test]
        fn pieces_read_as_the_whole_for_any_content(ops in proptest::collection::vec(op(), 50..900)) {
            let content = ops.join("\n").into_bytes();
            let plan = plan(&content, &mut |name| name == b"F2");
            let covered: usize = plan.pieces.iter().map(|(_, r)| r.len()).sum();
            proptest::prop_assert_eq!(covered, content.len());
            proptest::prop_assert_eq!(states_through_pieces(&content, &plan), states_at_strings(&content));
        }
    }
}
