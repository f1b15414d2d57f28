//! The document model: what a resolution text *is*, independent of how it
//! was laid out on the page. Names follow Akoma Ntoso's UN profile where it
//! has one (preamble, operative part, annex, paragraph/list/point).

use compact_str::CompactString;
use serde::Serialize;

use super::text::Text;

/// One input file (or the bundled sample), parsed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    /// Where it came from: a path, or `<bundled sample>`.
    pub source: String,
    /// A one-line title for lists and the tree.
    pub title: String,
    /// Set when the bytes were not UTF-8 and were read as Windows-1252.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding_note: Option<String>,
    /// The format it was read as: `text`, `markdown`, `docx`, `akn`, `pdf`.
    pub format: &'static str,
    /// What the reader wants the user to know about how it read the file
    /// ("tracked changes shown as accepted", "3 stray NUL bytes shown as ␀").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
    pub front: FrontMatter,
    pub resolutions: Vec<Resolution>,
    pub footnotes: Vec<Footnote>,
    /// Line numbers of page furniture that was recognised and dropped
    /// (running headers, job numbers, page numbers, barcodes).
    #[serde(skip)]
    pub furniture: Vec<u32>,
    /// Lines that could not be placed in any node: shown by `reso outline`
    /// so that nothing is ever silently lost.
    #[serde(serialize_with = "texts_only")]
    pub unplaced: Vec<SourceLine>,
    /// Lines the parser cut into several paragraphs ("I. Global context
    /// 3. We gather …"): each piece's place claims the line.
    #[serde(skip)]
    pub split_lines: Vec<u32>,
}

/// A line of the source, kept verbatim (after sanitising).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceLine {
    pub line: u32,
    pub text: String,
}

/// Everything before the first resolution: the conference title block,
/// agenda, the table of adopted resolutions and the summary report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FrontMatter {
    /// The organ or committee named in the title block.
    pub body: Option<String>,
    pub conference: Option<String>,
    pub dates: Option<String>,
    /// The title block as printed.
    pub title_block: Vec<SourceLine>,
    pub staff: Vec<SourceLine>,
    pub agenda: Vec<String>,
    pub adopted: Vec<AdoptedRow>,
    pub summary: Vec<String>,
    #[serde(skip)]
    pub lines: Vec<u32>,
}

/// A row of the "Resolutions adopted by the Committee" table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdoptedRow {
    pub code: String,
    pub topic: String,
    pub vote_text: String,
    pub vote: Option<Vote>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Vote {
    WithoutVote,
    /// "Adopted unanimously": the count is not printed.
    Unanimous,
    Recorded {
        in_favour: u32,
        against: u32,
        abstentions: u32,
    },
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Resolution {
    /// `CCPCJ/1/3`, `S/RES/687 (1991)`, or a working paper's title.
    pub code: String,
    pub committee: Option<String>,
    pub topic: Option<String>,
    pub vote: Option<Vote>,
    pub sponsors: Vec<String>,
    pub signatories: Vec<String>,
    /// The opening formula: `The Security Council,`.
    pub formula: Option<String>,
    /// Other header lines (distribution, date, "Adopted by … at its … meeting").
    pub header: Vec<SourceLine>,
    /// What the header and the publisher's metadata say about it.
    #[serde(skip_serializing_if = "ResolutionMeta::is_empty")]
    pub meta: ResolutionMeta,
    pub preamble: Vec<Clause>,
    pub operative: Vec<Clause>,
    pub annexes: Vec<Annex>,
    #[serde(skip)]
    pub header_lines: Vec<u32>,
}

/// Header metadata of a resolution, from its printed header or from the
/// publisher's markup (Akoma Ntoso). Nothing here is a clause.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ResolutionMeta {
    /// The title as printed: `80/53. Convening of the fourth special session…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The adopting organ as printed ("General Assembly", "Security Council").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ: Option<String>,
    /// The date of adoption as printed ("11 November 2025").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The meeting ("8950th meeting").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The agenda item ("Agenda item 73 (b)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<String>,
    /// The originating committee and document
    /// ("[on the report of the First Committee (A/80/534, para. 7)]").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Subject keywords the publisher gives (SDGs, UNBIS thesaurus terms).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
}

impl ResolutionMeta {
    pub fn is_empty(&self) -> bool {
        *self == ResolutionMeta::default()
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Annex {
    pub title: String,
    pub preamble: Vec<Clause>,
    pub operative: Vec<Clause>,
    #[serde(skip)]
    pub heading_lines: Vec<u32>,
}

/// A paragraph, item or point at any depth.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clause {
    /// Stable id: `CCPCJ/1/4:op.17.d`, `S/RES/1445 (2002):pre.3`.
    /// (Short strings are stored inline: a 50 MB corpus has 240,000 ids.)
    pub id: CompactString,
    /// The label as printed (`5`, `a`, `ii`); empty for preambular paragraphs.
    pub label: CompactString,
    /// The section heading (`A`, `I. Global context`) that groups this
    /// operative paragraph, if any.
    pub section: Option<String>,
    /// The full text after the label, with the source's emphasis kept.
    pub text: Text,
    pub children: Vec<Clause>,
    /// First and last source line this node holds itself (not its
    /// children's). Page furniture and footnotes between them belong to
    /// the document, not to the clause.
    pub lines: LineSpan,
}

/// An inclusive range of 1-based source line numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LineSpan {
    pub first: u32,
    pub last: u32,
}

impl LineSpan {
    pub fn new(first: u32, last: u32) -> Self {
        LineSpan { first, last: last.max(first) }
    }

    pub fn extend_to(&mut self, line: u32) {
        self.last = self.last.max(line);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    pub marker: String,
    pub text: String,
    #[serde(skip)]
    pub lines: Vec<u32>,
    /// The id of the clause whose text carried the marker (taken out of
    /// it), when the reader found one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<CompactString>,
}

/// In JSON a clause shows its phrase as a field, as if it were stored.
impl Serialize for Clause {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Clause", 7)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("label", &self.label)?;
        st.serialize_field("phrase", &self.phrase())?;
        st.serialize_field("section", &self.section)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("children", &self.children)?;
        st.serialize_field("lines", &self.lines)?;
        st.end()
    }
}

impl Clause {
    /// The leading phrase (`Recalling`, `Further recommends`); may be empty.
    /// Read from the text when asked rather than stored: it is derived,
    /// views ask for it only for the rows they show, and finding it for
    /// every clause was a fifth of parsing.
    pub fn phrase(&self) -> CompactString {
        super::parse::phrase::leading_phrase(&self.text)
    }

    /// First and last source line of this clause and its children.
    pub fn line_range(&self) -> (u32, u32) {
        let mut range = (self.lines.first, self.lines.last);
        self.visit(&mut |c| {
            range = (range.0.min(c.lines.first), range.1.max(c.lines.last));
        });
        range
    }

    /// Pre-order walk over this clause and all its descendants.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Clause)) {
        f(self);
        for c in &self.children {
            c.visit(f);
        }
    }

    /// Number of descendants (not counting self).
    pub fn descendant_count(&self) -> usize {
        self.children.iter().map(|c| 1 + c.descendant_count()).sum()
    }
}

impl Resolution {
    /// Every clause of the resolution, annexes included, in pre-order.
    pub fn all_clauses(&self) -> impl Iterator<Item = &Clause> {
        let tops = self
            .preamble
            .iter()
            .chain(&self.operative)
            .chain(self.annexes.iter().flat_map(|a| a.preamble.iter().chain(&a.operative)));
        tops.flat_map(|c| PreOrder { stack: vec![std::slice::from_ref(c).iter()] })
    }
}

/// A clause and its descendants in pre-order, without collecting them.
struct PreOrder<'a> {
    stack: Vec<std::slice::Iter<'a, Clause>>,
}

impl<'a> Iterator for PreOrder<'a> {
    type Item = &'a Clause;

    fn next(&mut self) -> Option<&'a Clause> {
        loop {
            let top = self.stack.last_mut()?;
            match top.next() {
                Some(c) => {
                    if !c.children.is_empty() {
                        self.stack.push(c.children.iter());
                    }
                    return Some(c);
                }
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

impl Document {
    /// Every clause of every resolution, in document order.
    pub fn all_clauses(&self) -> impl Iterator<Item = &Clause> {
        self.resolutions.iter().flat_map(|r| r.all_clauses())
    }

    /// Every source line number that some part of the model claims, with
    /// repeats if two parts claim the same line (which would be a bug).
    /// A clause claims its span less the furniture and footnote lines inside
    /// it; blank lines inside spans are included and must be ignored by the
    /// caller. Used to prove that nothing is lost.
    pub fn claimed_lines(&self) -> Vec<u32> {
        let mut out = Vec::new();
        out.extend(&self.front.lines);
        out.extend(&self.furniture);
        out.extend(self.unplaced.iter().map(|l| l.line));
        for f in &self.footnotes {
            out.extend(&f.lines);
        }
        let mut interleaved: Vec<u32> = self.furniture.clone();
        interleaved.extend(self.footnotes.iter().flat_map(|f| f.lines.iter().copied()));
        interleaved.sort_unstable();
        for r in &self.resolutions {
            out.extend(&r.header_lines);
            for a in &r.annexes {
                out.extend(&a.heading_lines);
            }
            for c in r.all_clauses() {
                out.extend((c.lines.first..=c.lines.last).filter(|l| interleaved.binary_search(l).is_err()));
            }
        }
        // A line cut into several paragraphs is claimed by each piece's
        // place (a heading and a clause, two items); it counts once, so a
        // line claimed twice anywhere else still shows.
        if !self.split_lines.is_empty() {
            let mut split = self.split_lines.clone();
            split.sort_unstable();
            let mut seen: Vec<u32> = Vec::new();
            out.retain(|l| {
                if split.binary_search(l).is_err() {
                    return true;
                }
                let first = !seen.contains(l);
                seen.push(*l);
                first
            });
        }
        out
    }
}

/// `unplaced` is a list of strings in JSON, each `line N: text`.
fn texts_only<S: serde::Serializer>(lines: &[SourceLine], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(lines.iter().map(|l| format!("line {}: {}", l.line, l.text)))
}
