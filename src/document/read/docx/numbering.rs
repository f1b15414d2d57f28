//! Word's automatic numbering (`word/numbering.xml`) turned into the labels
//! Word prints. A paragraph names a list instance (`numId`) and a level
//! (`ilvl`); the instance points at an abstract definition whose levels
//! give the start, the number format and the label pattern (`lvlText`,
//! `%1.%2.`); an instance may override a level's start (a list that
//! restarts). Counting follows Word: instances of one definition share
//! counters unless they restart, and a level restarts after a higher one.

use std::collections::HashMap;

use super::xml::{self, Event};
use crate::document::decode::DecodeError;

/// Word has levels 0..=8.
const LEVELS: usize = 9;

#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<u32>,
    format: String,
    text: Option<String>,
    /// `lvlRestart`: 0 = never restarts; n = restarts after level n-1.
    restart: Option<u32>,
    /// The paragraph style tied to this level.
    style: Option<String>,
    legal: bool,
}

impl Level {
    fn start(&self) -> u32 {
        self.start.unwrap_or(1)
    }
}

#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: String,
    /// Per level: a start override and/or a whole level redefined.
    overrides: HashMap<u8, (Option<u32>, Option<Level>)>,
}

#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, [Level; LEVELS]>,
    instances: HashMap<String, Instance>,
    /// Counters per abstract definition (shared by its instances).
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    /// Instances already used once (a start override applies at first use).
    started: std::collections::HashSet<String>,
    /// Definitions that only point at a list style (`numStyleLink`): the
    /// style's own list defines the levels.
    style_links: HashMap<String, String>,
}

/// A paragraph's place in a list, and the label Word prints for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    pub level: u8,
    /// Empty for a level with no visible number (`numFmt none`).
    pub label: String,
    pub bullet: bool,
}

impl Numbering {
    pub fn parse(text: &str) -> Result<Numbering, DecodeError> {
        const PART: &str = "word/numbering.xml";
        let mut r = xml::reader(text);
        let mut n = Numbering::default();
        // The element being read: an abstract definition or an instance,
        // the level inside it, and the override inside an instance.
        let mut abs: Option<(String, [Level; LEVELS])> = None;
        let mut inst: Option<(String, Instance)> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut over: Option<(u8, Option<u32>)> = None;
        loop {
            let ev = r.read_event().map_err(|e| xml::malformed(PART, &r, e))?;
            match ev {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let val = || xml::attr(e, "val");
                    let num = || val().and_then(|v| v.trim().parse::<u32>().ok());
                    match xml::name(e) {
                        "abstractNum" => {
                            abs = Some((xml::attr(e, "abstractNumId").unwrap_or_default(), Default::default()))
                        }
                        "num" if abs.is_none() => {
                            inst = Some((xml::attr(e, "numId").unwrap_or_default(), Instance::default()))
                        }
                        "numStyleLink" => {
                            if let (Some((id, _)), Some(style)) = (abs.as_ref(), val()) {
                                n.style_links.insert(id.clone(), style);
                            }
                        }
                        "abstractNumId" => {
                            if let Some((_, i)) = inst.as_mut() {
                                i.abstract_id = val().unwrap_or_default();
                            }
                        }
                        "lvlOverride" => over = xml::attr(e, "ilvl").and_then(|v| v.parse().ok()).map(|l| (l, None)),
                        "startOverride" => {
                            if let Some((_, s)) = over.as_mut() {
                                *s = num();
                            }
                        }
                        "lvl" => {
                            let ilvl = xml::attr(e, "ilvl").and_then(|v| v.parse::<u8>().ok()).unwrap_or(0);
                            level = Some((ilvl, Level::default()));
                        }
                        other => {
                            let Some((_, l)) = level.as_mut() else { continue };
                            match other {
                                "start" => l.start = num(),
                                "numFmt" => l.format = val().unwrap_or_default(),
                                "lvlText" => l.text = Some(val().unwrap_or_default()),
                                "lvlRestart" => l.restart = num(),
                                "pStyle" => l.style = val(),
                                "isLgl" => l.legal = xml::on(e),
                                _ => {}
                            }
                        }
                    }
                    if matches!(ev, Event::Empty(_)) {
                        n.end(xml::name(e), &mut abs, &mut inst, &mut level, &mut over);
                    }
                }
                Event::End(ref e) => n.end(e.local_name().as_ref(), &mut abs, &mut inst, &mut level, &mut over),
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }

    /// Close an element: file what was read into its parent.
    fn end(
        &mut self,
        name: &str,
        abs: &mut Option<(String, [Level; LEVELS])>,
        inst: &mut Option<(String, Instance)>,
        level: &mut Option<(u8, Level)>,
        over: &mut Option<(u8, Option<u32>)>,
    ) {
        match name {
            "lvl" => {
                let Some((ilvl, l)) = level.take() else { return };
                if let Some((_, levels)) = abs.as_mut()
                    && let Some(slot) = levels.get_mut(usize::from(ilvl))
                {
                    *slot = l;
                } else if let Some((_, i)) = inst.as_mut() {
                    let entry = i.overrides.entry(ilvl).or_default();
                    entry.1 = Some(l);
                }
            }
            "lvlOverride" => {
                if let (Some((ilvl, start)), Some((_, i))) = (over.take(), inst.as_mut()) {
                    i.overrides.entry(ilvl).or_default().0 = start;
                }
            }
            "abstractNum" => {
                if let Some((id, levels)) = abs.take() {
                    self.abstracts.insert(id, levels);
                }
            }
            "num" => {
                if let Some((id, i)) = inst.take() {
                    self.instances.insert(id, i);
                }
            }
            _ => {}
        }
    }

    /// Resolve definitions that point at a list style: instances of them
    /// count with the style's list, as Word does.
    pub fn link_styles(&mut self, styles: &super::styles::Styles) {
        for (abs, style) in std::mem::take(&mut self.style_links) {
            let target =
                styles.numbering(&style).0.and_then(|num| self.instances.get(&num)).map(|i| i.abstract_id.clone());
            let Some(target) = target.filter(|t| *t != abs && self.abstracts.contains_key(t)) else { continue };
            for inst in self.instances.values_mut().filter(|i| i.abstract_id == abs) {
                inst.abstract_id = target.clone();
            }
        }
    }

    /// The level a style is tied to in an instance (`lvl/pStyle`).
    pub fn level_of_style(&self, num_id: &str, style: &str) -> Option<u8> {
        let inst = self.instances.get(num_id)?;
        let levels = self.abstracts.get(&inst.abstract_id)?;
        levels.iter().position(|l| l.style.as_deref() == Some(style)).and_then(|i| u8::try_from(i).ok())
    }

    /// Count one paragraph of list `num_id` at level `ilvl` and give its
    /// label; `None` for numId 0 (numbering removed) or an unknown list.
    pub fn next(&mut self, num_id: &str, ilvl: u8) -> Option<Numbered> {
        let inst = self.instances.get(num_id)?;
        let base = self.abstracts.get(&inst.abstract_id)?;
        let ilvl = usize::from(ilvl).min(LEVELS - 1);
        let levels: Vec<Level> = (0..LEVELS)
            .map(|k| {
                let b = &base[k];
                match u8::try_from(k).ok().and_then(|k| inst.overrides.get(&k)) {
                    // A level redefined in the instance replaces the abstract one.
                    Some((start, Some(l))) => Level { start: start.or(l.start), ..l.clone() },
                    Some((start, None)) => Level { start: start.or(b.start), ..b.clone() },
                    None => b.clone(),
                }
            })
            .collect();
        let counters = self.counters.entry(inst.abstract_id.clone()).or_default();
        // An instance that overrides a start restarts those levels the
        // first time it is used.
        if self.started.insert(num_id.to_string()) {
            for (k, (start, _)) in &inst.overrides {
                if start.is_some()
                    && let Some(c) = counters.get_mut(usize::from(*k))
                {
                    *c = None;
                }
            }
        }
        let value = counters[ilvl].map_or(levels[ilvl].start(), |v| v.saturating_add(1));
        counters[ilvl] = Some(value);
        // Deeper levels restart, unless they say they never do or only
        // after a level above this one.
        for (k, c) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart_after = levels[k].restart.map_or(k, |r| r as usize);
            if restart_after != 0 && ilvl < restart_after {
                *c = None;
            }
        }
        let lvl = &levels[ilvl];
        let bullet = lvl.format == "bullet";
        let label = if bullet {
            "-".to_string()
        } else if lvl.format == "none" {
            String::new()
        } else {
            let pattern = lvl.text.clone().unwrap_or_else(|| format!("%{}.", ilvl + 1));
            expand(&pattern, |k| {
                let l = levels.get(k)?;
                let v = counters.get(k).copied().flatten().unwrap_or(l.start());
                let format = if lvl.legal { "decimal" } else { l.format.as_str() };
                Some(format_number(v, format))
            })
        };
        Some(Numbered { level: ilvl as u8, label: label.trim().to_string(), bullet })
    }
}

/// `%1.%2.` with each `%n` replaced by level n-1's number.
fn expand(pattern: &str, value: impl Fn(usize) -> Option<String>) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%'
            && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            && (1..=9).contains(&d)
        {
            chars.next();
            out.push_str(&value(d as usize - 1).unwrap_or_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A number in one of Word's formats; unknown formats print as decimal.
pub fn format_number(v: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(v),
        "upperLetter" => letters(v).to_uppercase(),
        "lowerRoman" => roman(v),
        "upperRoman" => roman(v).to_uppercase(),
        "decimalZero" => format!("{v:02}"),
        "ordinal" => {
            let suffix = match (v % 10, v % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{v}{suffix}")
        }
        _ => v.to_string(),
    }
}

/// Word's letters: a…z, then aa…zz, aaa… (the letter repeated).
fn letters(v: u32) -> String {
    if v == 0 {
        return "0".to_string();
    }
    let letter = char::from(b'a' + ((v - 1) % 26) as u8);
    let times = ((v - 1) / 26 + 1).min(50) as usize;
    std::iter::repeat_n(letter, times).collect()
}

fn roman(mut v: u32) -> String {
    if v == 0 || v >= 4000 {
        return v.to_string();
    }
    const TABLE: &[(u32, &str)] = &[
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for &(n, s) in TABLE {
        while v >= n {
            out.push_str(s);
            v -= n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(2, "lowerLetter"), "b");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(3, "decimal"), "3");
        assert_eq!(format_number(7, "bogus"), "7");
        assert_eq!(expand("(%2)", |k| Some(format!("<{k}>"))), "(<1>)");
    }
}

#[cfg(test)]
mod counting {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Part %1:"/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:isLgl/></w:lvl>
 <w:lvl w:ilvl="2"><w:lvlRestart w:val="0"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
 <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>"#;

    #[test]
    fn custom_patterns_restarts_and_overrides() {
        let mut n = Numbering::parse(XML).unwrap();
        let mut label = |num: &str, ilvl: u8| n.next(num, ilvl).map(|x| x.label).unwrap_or_else(|| "?".into());
        // A custom pattern, a start of 3, upper roman.
        assert_eq!(label("1", 0), "Part III:");
        // `isLgl`: the higher level's number in decimal.
        assert_eq!(label("1", 1), "3.1.");
        assert_eq!(label("1", 1), "3.2.");
        assert_eq!(label("1", 2), "a)");
        assert_eq!(label("1", 2), "b)");
        assert_eq!(label("1", 3), "-");
        assert_eq!(label("1", 0), "Part IV:");
        // Level 1 restarts after level 0; level 2 never restarts.
        assert_eq!(label("1", 1), "4.1.");
        assert_eq!(label("1", 2), "c)");
        // Another instance of the same definition continues it...
        assert_eq!(label("3", 1), "(b)");
        // ...unless it overrides the start: then it restarts.
        assert_eq!(label("2", 0), "Part I:");
        assert_eq!(label("2", 0), "Part II:");
        // numId 0 and unknown lists are not numbered.
        assert!(n.next("0", 0).is_none());
        assert!(n.next("9", 0).is_none());
    }

    #[test]
    fn a_definition_linked_to_a_list_style_counts_with_that_list() {
        let xml = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Clauses"/>
 <w:lvl w:ilvl="0"><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Clauses"/></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;
        let styles = r#"<w:styles xmlns:w="w"><w:style w:type="numbering" w:styleId="Clauses"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>"#;
        let mut n = Numbering::parse(xml).unwrap();
        n.link_styles(&crate::document::read::docx::styles::Styles::parse(styles).unwrap());
        assert_eq!(n.next("6", 0).map(|x| x.label).as_deref(), Some("A."));
        assert_eq!(n.next("5", 0).map(|x| x.label).as_deref(), Some("B."));
    }
}
