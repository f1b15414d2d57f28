//! XML bytes → a small element tree with source line numbers. Akoma Ntoso
//! files are a few hundred kilobytes at most, and the reader needs to look
//! ahead and around (a heading's number before its title, a note's target
//! in `meta`), so a tree is simpler than building from events, and quick.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Deeper nesting than any real document has; it bounds recursion, so a
/// hostile file cannot overflow the stack.
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Default)]
pub struct Element {
    /// The local name, without a namespace prefix (`akn4un:voters` → `voters`).
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// 1-based lines of the start and end tags.
    pub line: u32,
    pub end_line: u32,
}

#[derive(Debug)]
pub enum Node {
    Element(Element),
    /// Text as written, entities resolved; not yet sanitised.
    Text(String),
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element of that name at any depth (pre-order).
    pub fn find(&self, name: &str) -> Option<&Element> {
        for e in self.elements() {
            if e.name == name {
                return Some(e);
            }
            if let Some(found) = e.find(name) {
                return Some(found);
            }
        }
        None
    }

    /// Every element of that name at any depth, not looking inside matches.
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            } else {
                e.find_all(name, out);
            }
        }
    }

    /// All text inside, whitespace collapsed (for metadata, not clauses).
    pub fn plain_text(&self) -> String {
        let mut raw = String::new();
        self.collect_text(&mut raw);
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn collect_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    // Block boundaries and line breaks separate words;
                    // inline elements (`<a>`, `<span>`) do not.
                    let block = matches!(
                        e.name.as_str(),
                        "p" | "eol"
                            | "br"
                            | "td"
                            | "th"
                            | "tr"
                            | "li"
                            | "item"
                            | "point"
                            | "paragraph"
                            | "heading"
                            | "subheading"
                            | "num"
                            | "content"
                            | "intro"
                    );
                    if block {
                        out.push(' ');
                    }
                    e.collect_text(out);
                    if block {
                        out.push(' ');
                    }
                }
            }
        }
    }
}

/// Parse a whole document; the root element is returned.
pub fn parse(text: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(text);
    let mut lines = LineCounter { text: text.as_bytes(), pos: 0, line: 1 };
    // The root's children end up in this sentinel.
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            let at = lines.line_at(reader.error_position() as usize);
            let e = one_line(&e.to_string());
            if reader.buffer_position() as usize >= text.len() {
                format!("the XML ends inside markup at line {at}: the file is truncated ({e})")
            } else {
                format!("not well-formed XML at line {at}: {e}")
            }
        })?;
        match event {
            Event::Start(start) => {
                if stack.len() > MAX_DEPTH {
                    return Err(format!(
                        "elements nested more than {MAX_DEPTH} deep at line {}",
                        lines.line_at(before)
                    ));
                }
                let line = lines.line_at(before);
                stack.push(element(&start, line)?);
            }
            Event::Empty(start) => {
                let line = lines.line_at(before);
                let mut e = element(&start, line)?;
                e.end_line = line;
                push_child(&mut stack, Node::Element(e));
            }
            Event::End(_) => {
                let end_line = lines.line_at(reader.buffer_position() as usize);
                // quick-xml checks that end tags match their start tags.
                if stack.len() < 2 {
                    return Err(format!("not well-formed XML at line {end_line}: an end tag without a start"));
                }
                if let Some(mut done) = stack.pop() {
                    done.end_line = end_line;
                    push_child(&mut stack, Node::Element(done));
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match &*r {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        // An entity declared in a DTD we do not read: kept as written.
                        other => format!("&{other};"),
                    },
                    Err(_) => format!("&{};", &*r),
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() > 1 {
        let open = stack.last().map(|e| e.name.as_str()).unwrap_or("");
        return Err(format!("the XML ends inside <{}>: the file is truncated", one_line(open)));
    }
    let root = stack.pop().unwrap_or_default();
    let mut roots = root.children.into_iter().filter_map(|n| match n {
        Node::Element(e) => Some(e),
        Node::Text(_) => None,
    });
    roots.next().ok_or_else(|| "the XML has no root element".to_string())
}

fn element(start: &BytesStart<'_>, line: u32) -> Result<Element, String> {
    let name = local(start.name().as_ref()).to_string();
    let mut attrs = Vec::new();
    for a in start.attributes() {
        let a = a.map_err(|e| format!("not well-formed XML at line {line}: {}", one_line(&e.to_string())))?;
        let key = local(a.key.as_ref()).to_string();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| format!("not well-formed XML at line {line}: {}", one_line(&e.to_string())))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element { name, attrs, children: Vec::new(), line, end_line: line })
}

/// A parser message on one line, short, and safe to print: it may quote
/// the file.
fn one_line(message: &str) -> String {
    let clean = crate::document::decode::sanitize(message);
    let words: Vec<&str> = clean.split_whitespace().collect();
    let mut out = words.join(" ");
    if out.chars().count() > 160 {
        out = out.chars().take(160).collect::<String>() + "…";
    }
    out
}

/// `akn4un:voters` → `voters`; `xml:space` → `space`.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn push_child(stack: &mut [Element], node: Node) {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(node);
    }
}

fn push_text(stack: &mut [Element], text: &str) {
    if let Some(parent) = stack.last_mut() {
        // Entities split text into pieces: join them back.
        if let Some(Node::Text(prev)) = parent.children.last_mut() {
            prev.push_str(text);
        } else {
            parent.children.push(Node::Text(text.to_string()));
        }
    }
}

/// Byte offsets → line numbers, counting forward only once.
struct LineCounter<'a> {
    text: &'a [u8],
    pos: usize,
    line: u32,
}

impl LineCounter<'_> {
    fn line_at(&mut self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len());
        if offset >= self.pos {
            let added = memchr::memchr_iter(b'\n', &self.text[self.pos..offset]).count();
            self.line = self.line.saturating_add(u32::try_from(added).unwrap_or(u32::MAX));
            self.pos = offset;
            self.line
        } else {
            // Error positions may point back: counted afresh.
            let before = memchr::memchr_iter(b'\n', &self.text[..offset]).count();
            u32::try_from(before).unwrap_or(u32::MAX).saturating_add(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_lines_and_entities() {
        let root = parse("<a x=\"1&amp;2\">\n<b>one &amp; &#x32;</b>\n<c/>\n</a>").expect("well-formed");
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1&2"));
        let b = root.child("b").expect("b");
        let mixed = parse("<p>[see (<inline>A/77/L.3</inline>)]<eol/>next</p>").expect("well-formed");
        assert_eq!(mixed.plain_text(), "[see (A/77/L.3)] next");
        assert_eq!((b.line, b.plain_text().as_str()), (2, "one & 2"));
        assert_eq!(root.child("c").map(|c| c.line), Some(3));
        assert_eq!(root.end_line, 4);
    }

    #[test]
    fn broken_xml_is_named() {
        let err = parse("<a>\n<b></c>\n</a>").expect_err("mismatched");
        assert!(err.contains("line 2"), "{err}");
        let err = parse("<a><b>text").expect_err("truncated");
        assert!(err.contains("truncated"), "{err}");
        assert!(parse("").is_err());
    }
}
