//! Votes as printed: "Adopted without a vote", "21 in favor, 9 against, 11
//! abstentions", "by 9 votes to none, with 2 abstentions", "28-4-9".

use crate::document::model::Vote;

/// Find a vote statement in a line or table cell.
pub fn parse_vote(text: &str) -> Option<Vote> {
    let lower = text.to_lowercase();
    if lower.contains("without a vote")
        || lower.contains("without vote")
        || lower.contains("by consensus")
        || lower.contains("by acclamation")
    {
        return Some(Vote::WithoutVote);
    }
    if lower.contains("unanimous") {
        return Some(Vote::Unanimous);
    }
    let words = tokens(&lower);
    if let Some(v) = in_favour_form(&words) {
        return Some(v);
    }
    if let Some(v) = votes_to_form(&words) {
        return Some(v);
    }
    dashed_form(&lower)
}

fn tokens(lower: &str) -> Vec<&str> {
    lower.split(|c: char| !(c.is_alphanumeric())).filter(|w| !w.is_empty()).collect()
}

fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    const WORDS: [&str; 21] = [
        "none",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    match word {
        "no" | "zero" | "nil" => Some(0),
        w => WORDS.iter().position(|x| *x == w).and_then(|n| u32::try_from(n).ok()),
    }
}

/// "21 in favor, 9 against, 11 abstentions"
fn in_favour_form(words: &[&str]) -> Option<Vote> {
    let f = words
        .windows(3)
        .position(|w| w[1] == "in" && (w[2] == "favor" || w[2] == "favour") && number(w[0]).is_some())?;
    let in_favour = number(words[f])?;
    let rest = &words[f + 3..];
    let against = rest.windows(2).find(|w| w[1] == "against").and_then(|w| number(w[0]))?;
    let abstentions = rest.windows(2).find(|w| w[1].starts_with("abstention")).and_then(|w| number(w[0])).unwrap_or(0);
    Some(Vote::Recorded { in_favour, against, abstentions })
}

/// "by 9 votes to none, with 2 abstentions"; "by a recorded vote of 120
/// to 5, with 10 abstentions" (as a General Assembly footnote says it).
fn votes_to_form(words: &[&str]) -> Option<Vote> {
    let by = |w: &[&str]| w[0] == "by" && (w[2] == "votes" || w[2] == "vote") && w[3] == "to";
    let of = |w: &[&str]| w[0] == "vote" && w[1] == "of" && number(w[2]).is_some() && w[3] == "to";
    let v = words.windows(4).position(|w| by(w) || of(w))?;
    let in_favour = number(words[v + 1]).or_else(|| number(words[v + 2]))?;
    let against = number(words.get(v + 4)?)?;
    let rest = &words[v + 5..];
    let abstentions = rest.windows(2).find(|w| w[1].starts_with("abstention")).and_then(|w| number(w[0])).unwrap_or(0);
    Some(Vote::Recorded { in_favour, against, abstentions })
}

/// "28-4-9" or "28–4–9" standing alone in a vote cell.
fn dashed_form(lower: &str) -> Option<Vote> {
    let parts: Vec<&str> = lower.split(['-', '–', '—', '/']).map(str::trim).collect();
    if parts.len() != 3 {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    (n.len() == 3).then(|| Vote::Recorded { in_favour: n[0], against: n[1], abstentions: n[2] })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(a: u32, b: u32, c: u32) -> Option<Vote> {
        Some(Vote::Recorded { in_favour: a, against: b, abstentions: c })
    }

    #[test]
    fn the_forms_delegates_see() {
        assert_eq!(parse_vote("Adopted without a vote"), Some(Vote::WithoutVote));
        assert_eq!(parse_vote("21 in favor, 9 against, 11 abstentions"), rec(21, 9, 11));
        assert_eq!(parse_vote("Adopted at the 452nd meeting by 9 votes to none, with 2 abstentions"), rec(9, 0, 2));
        assert_eq!(parse_vote("adopted by 14 votes to 1"), rec(14, 1, 0));
        assert_eq!(parse_vote("28–4–9"), rec(28, 4, 9));
        assert_eq!(parse_vote("Adopted by a recorded vote of 120 to 5, with 10 abstentions."), rec(120, 5, 10));
        assert_eq!(parse_vote("Adopted unanimously at its 3338th meeting"), Some(Vote::Unanimous));
        assert_eq!(parse_vote("Adopted by the Security Council at its 4653rd meeting"), None);
    }
}
