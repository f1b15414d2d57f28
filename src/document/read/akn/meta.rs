//! What the markup says about a resolution rather than in it: symbol,
//! title, organ, dates, agenda item, originating committee, sponsors, the
//! UN's subject keywords and the vote.

use super::xml::Element;
use crate::document::model::{SourceLine, Vote};

/// The symbol on the cover page (`docNumber refersTo="#symbol"`), else any
/// `docNumber` there.
pub fn symbol(cover: Option<&Element>) -> Option<String> {
    let cover = cover?;
    let mut numbers = Vec::new();
    cover.find_all("docNumber", &mut numbers);
    let best = numbers.iter().find(|n| n.attr("refersTo") == Some("#symbol")).or(numbers.first())?;
    Some(best.plain_text()).filter(|s| !s.is_empty())
}

/// `A/RES/77/128 A-B` → `A/RES/77/128`: the symbol a part's letter is added to.
pub fn collection_base(symbol: &str) -> &str {
    if let Some((base, parts)) = symbol.rsplit_once(' ')
        && !parts.is_empty()
        && parts
            .split(['-', ',', '–'])
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_uppercase()))
    {
        return base;
    }
    symbol
}

/// The text of the first element named `name` (anywhere under `e`) whose
/// `name` attribute is `kind` (for `inline name="agenda item"`).
fn inline_named(e: &Element, kind: &str) -> Vec<String> {
    let mut all = Vec::new();
    e.find_all("inline", &mut all);
    all.iter().filter(|i| i.attr("name") == Some(kind)).map(|i| i.plain_text()).filter(|t| !t.is_empty()).collect()
}

/// Cover-page facts: organ, agenda item, originating committee.
pub struct Cover {
    pub organ: Option<String>,
    pub agenda_item: Option<String>,
    pub origin: Option<String>,
    /// The cover page as printed, one line per paragraph.
    pub lines: Vec<SourceLine>,
}

pub fn cover(cover: Option<&Element>) -> Cover {
    let Some(cover) = cover else {
        return Cover { organ: None, agenda_item: None, origin: None, lines: Vec::new() };
    };
    let mut authorities = Vec::new();
    cover.find_all("docAuthority", &mut authorities);
    let organ = authorities
        .iter()
        .find(|a| a.attr("refersTo") == Some("#issuingBody"))
        .map(|a| a.plain_text())
        .filter(|t| !t.is_empty());
    let agenda = inline_named(cover, "agenda item");
    let agenda_item = (!agenda.is_empty()).then(|| agenda.join("; "));
    let origin = cover.find("docProponent").map(Element::plain_text).filter(|t| !t.is_empty());
    let lines = cover
        .elements()
        .map(|p| SourceLine { line: p.line, text: p.plain_text() })
        .filter(|l| !l.text.is_empty())
        .collect();
    Cover { organ, agenda_item, origin, lines }
}

/// The preface: `77/10.` and the title, or a part's `A` and its title.
pub struct Preface {
    pub number: Option<String>,
    pub title: Option<String>,
    pub lines: Vec<SourceLine>,
}

pub fn preface(preface: Option<&Element>) -> Preface {
    let Some(preface) = preface else {
        return Preface { number: None, title: None, lines: Vec::new() };
    };
    let number = preface
        .find("docNumber")
        .map(|n| n.plain_text().trim_end_matches('.').trim().to_string())
        .filter(|t| !t.is_empty());
    let title = preface.find("docTitle").map(Element::plain_text).filter(|t| !t.is_empty());
    let lines = preface
        .elements()
        .map(|p| SourceLine { line: p.line, text: p.plain_text() })
        .filter(|l| !l.text.is_empty())
        .collect();
    Preface { number, title, lines }
}

/// The conclusions: meeting and date of adoption.
pub struct Conclusions {
    pub meeting: Option<String>,
    pub date: Option<String>,
    pub lines: Vec<SourceLine>,
}

pub fn conclusions(c: Option<&Element>) -> Conclusions {
    let Some(c) = c else {
        return Conclusions { meeting: None, date: None, lines: Vec::new() };
    };
    let meeting = inline_named(c, "adoptionMeeting").into_iter().next();
    let date = c.find("docDate").map(Element::plain_text).filter(|t| !t.is_empty());
    let lines = c
        .elements()
        .map(|p| SourceLine { line: p.line, text: p.plain_text() })
        .filter(|l| !l.text.is_empty())
        .collect();
    Conclusions { meeting, date, lines }
}

/// `meta/analysis/parliamentary/voting`.
pub fn vote(meta: Option<&Element>) -> Option<Vote> {
    let voting = meta?.find("analysis")?.find("voting")?;
    let outcome = voting.attr("outcome").unwrap_or("").to_ascii_lowercase();
    let count = |who: &str| -> Option<u32> {
        voting
            .elements()
            .filter(|c| c.name == "count")
            .find(|c| c.attr("refersTo").map(|r| r.trim_start_matches('#')) == Some(who))
            .and_then(|c| c.attr("value"))
            .and_then(|v| v.trim().parse().ok())
    };
    let (yes, no, abstain) = (count("inFavour"), count("against"), count("abstaining"));
    if yes.is_some() || outcome.contains("recorded") {
        if yes.is_none() && no.is_none() && abstain.is_none() {
            return None;
        }
        return Some(Vote::Recorded {
            in_favour: yes.unwrap_or(0),
            against: no.unwrap_or(0),
            abstentions: abstain.unwrap_or(0),
        });
    }
    if outcome.contains("withoutvote") || outcome.contains("consensus") || outcome.contains("acclamation") {
        return Some(Vote::WithoutVote);
    }
    if outcome.contains("unanim") {
        return Some(Vote::Unanimous);
    }
    None
}

/// The UN's subject keywords: SDGs and UNBIS thesaurus terms, each once.
/// (EuroVoc terms and agenda keywords repeat them or say other things.)
pub fn subjects(meta: Option<&Element>) -> Vec<String> {
    let Some(meta) = meta else { return Vec::new() };
    let mut keywords = Vec::new();
    meta.find_all("keyword", &mut keywords);
    let mut out: Vec<String> = Vec::new();
    for k in keywords {
        let dictionary = k.attr("dictionary").unwrap_or("");
        let term = if dictionary.eq_ignore_ascii_case("SDGO") || dictionary.eq_ignore_ascii_case("SDG") {
            match k.attr("value") {
                Some(v) if !v.trim().is_empty() => format!("SDG {}", v.trim()),
                _ => continue,
            }
        } else if dictionary.to_ascii_uppercase().starts_with("UNBIS") {
            let shown = k.attr("showAs").or(k.attr("value")).unwrap_or("");
            shown.replace('_', " ").split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase()
        } else {
            continue;
        };
        if !term.is_empty() && !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// Sponsors from the workflow (`step outcome="draftResolution" by="…"`,
/// and additional sponsors).
pub fn sponsors(meta: Option<&Element>) -> Vec<String> {
    let Some(workflow) = meta.and_then(|m| m.find("workflow")) else { return Vec::new() };
    let mut out = Vec::new();
    for step in workflow.elements().filter(|s| s.name == "step") {
        let outcome = step.attr("outcome").unwrap_or("");
        if outcome == "draftResolution" || outcome == "draftResolutionAdditionalSponsors" {
            for name in split_names(step.attr("by").unwrap_or("")) {
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
    }
    out
}

/// Names that contain " and " and must not be split.
const JOINED: &[&str] = &[
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
    "Heard Island and McDonald Islands",
    "Turks and Caicos Islands",
    "Wallis and Futuna",
];

/// `A, B and C` → three names, `Trinidad and Tobago` kept whole.
fn split_names(list: &str) -> Vec<String> {
    let parts: Vec<&str> = list.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    let Some((last, head)) = parts.split_last() else { return Vec::new() };
    let mut out: Vec<String> = head.iter().map(|p| p.to_string()).collect();
    // The last item may be `X and Y`, where Y may itself hold an "and".
    let joined = JOINED.iter().find(|j| last.ends_with(*j));
    match joined {
        Some(j) if last.len() == j.len() => out.push(last.to_string()),
        Some(j) => {
            let before = last[..last.len() - j.len()].trim_end();
            let before = before.strip_suffix(" and").unwrap_or(before).trim();
            if !before.is_empty() {
                out.push(before.to_string());
            }
            out.push((*j).to_string());
        }
        None => match last.rsplit_once(" and ") {
            Some((a, b)) if !JOINED.iter().any(|j| j.starts_with(a.trim())) => {
                out.push(a.trim().to_string());
                out.push(b.trim().to_string());
            }
            _ => out.push(last.to_string()),
        },
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_like_a_reader_would() {
        assert_eq!(split_names("Chile, Viet Nam and Yemen"), ["Chile", "Viet Nam", "Yemen"]);
        assert_eq!(split_names("Chile and Trinidad and Tobago"), ["Chile", "Trinidad and Tobago"]);
        assert_eq!(split_names("Peru, Bosnia and Herzegovina"), ["Peru", "Bosnia and Herzegovina"]);
    }

    #[test]
    fn part_symbols() {
        assert_eq!(collection_base("A/RES/77/128 A-B"), "A/RES/77/128");
        assert_eq!(collection_base("A/RES/77/1"), "A/RES/77/1");
    }
}
