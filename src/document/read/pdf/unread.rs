//! The streams reso never reads, emptied so they take no memory and are
//! never inflated.

use lopdf::{Document, Object, ObjectId, Stream};

pub fn is_image(stream: &Stream) -> bool {
    stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image".as_slice())
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
