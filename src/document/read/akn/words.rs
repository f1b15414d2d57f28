//! What a heading's or a paragraph's words say: a section label, an annex,
//! an enacting formula, a preambular opening, a continuation.

use super::label::roman_value;

/// `I`, `A.`, `II`, `Part A`, `Part one` standing alone: a section label
/// whose title may follow as the next heading.
pub fn label_only(text: &str) -> Option<String> {
    let t = text.trim().trim_end_matches(['.', ':']).trim();
    let upper_label = |s: &str| {
        (s.len() == 1 && s.bytes().all(|b| b.is_ascii_uppercase()))
            || (s.bytes().all(|b| b.is_ascii_uppercase()) && roman_value(&s.to_ascii_lowercase()).is_some())
    };
    if upper_label(t) {
        return Some(t.to_string());
    }
    let lower = t.to_lowercase();
    let mut words = lower.split_whitespace();
    let first = words.next()?;
    let second = words.next();
    // `Article 1`, `Principle 3`, `Annex I` (inside an annex) take their
    // title from the next heading too.
    let kinds = ["part", "section", "chapter", "article", "principle", "rule", "annex", "appendix", "title"];
    if kinds.contains(&first) && second.is_some() && words.next().is_none() {
        return Some(t.to_string());
    }
    None
}

/// `I. Introduction`, `A. Information…`, `Part two: …`.
pub fn is_numbered_heading(text: &str) -> bool {
    let t = text.trim();
    if let Some((head, _)) = t.split_once(['.', ' ']) {
        let upper = head.bytes().all(|b| b.is_ascii_uppercase())
            && (head.len() == 1 || roman_value(&head.to_ascii_lowercase()).is_some());
        if upper && !head.is_empty() {
            return true;
        }
    }
    let lower = t.to_lowercase();
    lower.starts_with("part ") || lower.starts_with("section ") || lower.starts_with("chapter ")
}

/// `Annex`, `Annex II`, `Annex A` as a heading in the body.
pub fn is_annex_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', ':']);
    let lower = t.to_lowercase();
    let Some(rest) = lower.strip_prefix("annex").or_else(|| lower.strip_prefix("appendix")) else {
        return false;
    };
    rest.is_empty() || (rest.starts_with(' ') && rest.split_whitespace().count() == 1)
}

/// An enacting formula standing as a paragraph: `The General Assembly,`.
pub fn is_formula(text: &str) -> bool {
    let t = text.replace('*', "");
    let t = t.trim();
    t.starts_with("The ")
        && t.ends_with(',')
        && t.split_whitespace().count() <= 10
        && ["Assembly", "Council", "Commission", "Conference", "Committee"].iter().any(|o| t.contains(o))
}

pub fn starts_lower(text: &str) -> bool {
    text.trim_start_matches(['*', '“', '"', '‘', '\'', '(', ' ']).chars().next().is_some_and(char::is_lowercase)
}

/// Opens with a preambular word: a participle (`Recalling`, `Having
/// considered`, `Deeply concerned`) or an adjective of drafting style.
pub fn is_preambular(text: &str) -> bool {
    let plain = text.replace('*', "");
    let mut words = plain.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase);
    let Some(mut word) = words.next() else { return false };
    const ADVERBS: &[&str] = &[
        "also",
        "further",
        "deeply",
        "gravely",
        "seriously",
        "strongly",
        "firmly",
        "fully",
        "profoundly",
        "particularly",
        "once",
        "again",
        "noting",
        "greatly",
        "keenly",
        "highly",
        "most",
    ];
    for _ in 0..2 {
        if ADVERBS.contains(&word.as_str()) && !word.ends_with("ing") {
            match words.next() {
                Some(w) => word = w,
                None => return false,
            }
        }
    }
    const ADJECTIVES: &[&str] = &[
        "aware",
        "mindful",
        "conscious",
        "cognizant",
        "convinced",
        "concerned",
        "alarmed",
        "guided",
        "desirous",
        "determined",
        "disturbed",
        "appalled",
        "distressed",
        "gratified",
        "pleased",
        "grateful",
        "committed",
        "encouraged",
        "resolved",
        "shocked",
        "saddened",
        "dismayed",
        "outraged",
        "fearful",
        "anxious",
        "confident",
        "acknowledging",
        "recognizing",
        "reaffirming",
    ];
    (word.ends_with("ing") && word.len() > 4) || ADJECTIVES.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(label_only("II"), Some("II".to_string()));
        assert_eq!(label_only("Article 12"), Some("Article 12".to_string()));
        assert_eq!(label_only("Refugees"), None);
        assert!(is_numbered_heading("A. Information in the service of humanity"));
        assert!(!is_numbered_heading("UN Women and partners"));
        assert!(is_annex_heading("Annex II") && is_annex_heading("Annex"));
        assert!(!is_annex_heading("Annex to the report of the Committee"));
    }

    #[test]
    fn paragraph_openings() {
        assert!(is_preambular("*Having considered* the report"));
        assert!(is_preambular("Deeply concerned about"));
        assert!(is_preambular("Calling attention also to"));
        assert!(!is_preambular("*Urges* all countries"));
        assert!(!is_preambular("Decides to include"));
        assert!(is_formula("*The General Assembly*,"));
        assert!(!is_formula("The States Parties to this Convention,"));
        assert!(starts_lower("and report back") && !starts_lower("*Decides*"));
    }
}
