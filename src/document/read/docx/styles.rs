//! `word/styles.xml`: what a style says about numbering (a "List Number"
//! style numbers its paragraphs), emphasis (a character style that is
//! italic) and headings. Styles inherit through `basedOn`.

use std::collections::HashMap;

use super::xml::{self, Event};
use crate::document::decode::DecodeError;

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    emphasis: Option<bool>,
    outline: Option<u8>,
}

#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

/// How far `basedOn` is followed: real chains are short, a loop is not.
const MAX_CHAIN: usize = 16;

impl Styles {
    pub fn parse(text: &str) -> Result<Styles, DecodeError> {
        let mut r = xml::reader(text);
        let mut styles = Styles::default();
        let mut cur: Option<(String, Style)> = None;
        // Where we are inside a style: its pPr, rPr, or a change record
        // (the formatting before a tracked change), which is skipped.
        let (mut in_ppr, mut in_rpr, mut skip) = (false, false, 0usize);
        loop {
            let ev = r.read_event().map_err(|e| xml::malformed("word/styles.xml", &r, e))?;
            match ev {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    let n = xml::name(e);
                    if skip > 0 {
                        skip += usize::from(!empty);
                        continue;
                    }
                    match n {
                        "style" => {
                            let id = xml::attr(e, "styleId").unwrap_or_default();
                            cur = Some((id, Style::default()));
                        }
                        "rPrChange" | "pPrChange" if !empty => skip = 1,
                        "pPr" => in_ppr = !empty,
                        "rPr" => in_rpr = !empty,
                        _ => {
                            let Some((_, s)) = cur.as_mut() else { continue };
                            let val = || xml::attr(e, "val");
                            match n {
                                "name" => s.name = val().unwrap_or_default(),
                                "basedOn" => s.based_on = val(),
                                "numId" if in_ppr => s.num_id = val(),
                                "ilvl" if in_ppr => s.ilvl = val().and_then(|v| v.parse().ok()),
                                "outlineLvl" if in_ppr => s.outline = val().and_then(|v| v.parse().ok()),
                                "i" if in_rpr => s.emphasis = Some(xml::on(e)),
                                "u" if in_rpr => s.emphasis = Some(xml::on(e)),
                                _ => {}
                            }
                        }
                    }
                }
                Event::End(ref e) => {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    match e.local_name().as_ref() {
                        "style" => {
                            if let Some((id, s)) = cur.take() {
                                styles.by_id.insert(id, s);
                            }
                        }
                        "pPr" => in_ppr = false,
                        "rPr" => in_rpr = false,
                        _ => {}
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(styles)
    }

    /// The style and the ones it is based on, nearest first.
    fn chain<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let s = self.by_id.get(next?)?;
            next = s.based_on.as_deref();
            Some(s)
        })
        .take(MAX_CHAIN)
    }

    /// The numbering a paragraph style gives: `(numId, ilvl)`.
    pub fn numbering(&self, id: &str) -> (Option<String>, Option<u8>) {
        let num = self.chain(id).find_map(|s| s.num_id.clone());
        let ilvl = self.chain(id).find_map(|s| s.ilvl);
        (num, ilvl)
    }

    /// Whether a character style makes its text italic or underlined.
    pub fn emphasis(&self, id: &str) -> bool {
        self.chain(id).find_map(|s| s.emphasis).unwrap_or(false)
    }

    /// A heading style: Word's `Heading N` (outline level) or the UN's
    /// `H1`, `H23`, `HCh`.
    pub fn is_heading(&self, id: &str) -> bool {
        let by_name = |n: &str| {
            let n = n.to_ascii_lowercase().replace(' ', "");
            n.starts_with("heading") || matches!(n.as_str(), "h1" | "h23" | "hch" | "h2" | "h3")
        };
        by_name(id) || self.chain(id).any(|s| by_name(&s.name) || s.outline.is_some_and(|l| l < 9))
    }
}
