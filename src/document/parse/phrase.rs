//! The leading phrase of a clause: `Recalling`, `Further recommends`,
//! `Taking note with grave concern of`. Marked phrases (`*Encourages*`) are
//! taken as marked; otherwise a small grammar of UN drafting style decides.

/// Adverbs that open a phrase ("Further recommends", "Deeply concerned").
const ADVERBS: &[&str] = &[
    "further",
    "also",
    "strongly",
    "deeply",
    "fully",
    "firmly",
    "again",
    "once",
    "warmly",
    "gravely",
    "seriously",
    "profoundly",
    "solemnly",
    "emphatically",
    "earnestly",
    "sincerely",
    "urgently",
    "highly",
    "keenly",
    "noting",
    "welcoming",
];

/// Phrase words that are not participles or third-person verbs.
const WORDS: &[&str] = &[
    "aware",
    "mindful",
    "cognizant",
    "conscious",
    "desirous",
    "convinced",
    "concerned",
    "alarmed",
    "determined",
    "guided",
    "encouraged",
    "resolved",
    "disturbed",
    "appalled",
    "distressed",
    "gratified",
    "pleased",
    "grateful",
    "committed",
    "having",
    "bearing",
    "keeping",
    "taking",
    "recognizing",
    "noting",
    "acting",
];

/// Words that may follow the verb and still belong to the phrase, in the
/// sequences drafting style uses them.
const TAILS: &[&[&str]] = &[
    &["in", "mind"],
    &["forward", "to"],
    &["by"],
    &["into", "account"],
    &["into", "consideration"],
    &["note", "of"],
    &["note"],
    &["with", "grave", "concern"],
    &["with", "deep", "concern"],
    &["with", "serious", "concern"],
    &["with", "great", "concern"],
    &["with", "concern"],
    &["with", "deep", "appreciation"],
    &["with", "appreciation"],
    &["with", "satisfaction"],
    &["with", "regret"],
    &["with", "alarm"],
    &["also"],
    &["further"],
    &["that"],
    &["of"],
];

/// Words after which `of` belongs to the phrase ("Aware of", "Approving
/// of", "Taking note of"); after others ("Recalling of") it does not.
const BEFORE_OF: &[&str] = &[
    "aware",
    "approving",
    "note",
    "cognizant",
    "conscious",
    "mindful",
    "convinced",
    "concerned",
    "concern",
    "appreciative",
    "supportive",
    "informed",
    "reminded",
    "respectful",
    "regret",
];

/// Words that, when they open a paragraph, are not a phrase even though they
/// end like one (place names and nouns).
const NOT_PHRASES: &[&str] = &[
    "beijing",
    "nanjing",
    "chongqing",
    "spring",
    "king",
    "thing",
    "wing",
    "ring",
    "sterling",
    "viking",
    "kunming",
    "shandong",
];

/// "Taking note with grave concern of": `of` belongs after `note …`;
/// "Noting with concern of" is not drafting style.
fn of_belongs(before: &[&str]) -> bool {
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    let Some(prev) = before.last().map(|w| clean(w)) else {
        return false;
    };
    BEFORE_OF.contains(&prev.as_str())
        && (prev != "concern" || before.iter().any(|w| clean(w) == "note"))
}

/// The phrase at the start of `text`, or "" if there is none.
pub fn leading_phrase(text: &str) -> String {
    if let Some(marked) = marked_phrase(text) {
        return marked;
    }
    let words: Vec<&str> = text.split_whitespace().take(10).collect();
    let n = phrase_len(&words);
    if n == 0 {
        return String::new();
    }
    let phrase = words[..n].join(" ");
    phrase.trim_end_matches([',', ':', ';']).to_string()
}

/// True if `text` opens with something that reads like a clause phrase.
pub fn starts_with_phrase(text: &str) -> bool {
    if marked_phrase(text).is_some() {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    phrase_len(&words) > 0
}

fn marked_phrase(text: &str) -> Option<String> {
    for mark in ["**", "__", "*", "_"] {
        if let Some(rest) = text.strip_prefix(mark) {
            let end = rest.find(mark)?;
            let inner = rest[..end].trim();
            if !inner.is_empty() && inner.split_whitespace().count() <= 8 && !inner.contains(mark) {
                return Some(inner.to_string());
            }
            return None;
        }
    }
    None
}

fn phrase_len(words: &[&str]) -> usize {
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    let Some(first) = words.first() else { return 0 };
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return 0;
    }
    let mut i = 0;
    while i < words.len() && i < 2 && ADVERBS.contains(&clean(words[i]).as_str()) {
        // "Noting"/"Welcoming" are verbs themselves when nothing follows.
        if matches!(clean(words[i]).as_str(), "noting" | "welcoming") {
            break;
        }
        if clean(words[i]) == "once" && words.get(i + 1).map(|w| clean(w)) != Some("again".into()) {
            break;
        }
        i += 1;
    }
    let Some(verb) = words.get(i) else { return 0 };
    let v = clean(verb);
    // A word that ends a phrase by itself ("Recalling,") still counts.
    let is_verb = !NOT_PHRASES.contains(&v.as_str())
        && v.len() > 3
        && (WORDS.contains(&v.as_str())
            || v.ends_with("ing")
            || (v.ends_with('s')
                && !v.ends_with("ss")
                && !v.ends_with("us")
                && is_plain_word(verb))
            || (v.ends_with("ed")
                && (i > 0
                    || words.get(i + 1).is_some_and(|w| {
                        matches!(
                            clean(w).as_str(),
                            "by" | "that" | "of" | "with" | "at" | "about"
                        )
                    }))))
        && !verb.contains('-');
    if !is_verb || verb.chars().any(|c| c.is_ascii_digit()) {
        return 0;
    }
    // A capitalised noun after the first word ("Member States") means the
    // opening word was not a verb but the start of a name.
    let mut n = i + 1;
    if verb.ends_with([',', ';', ':']) {
        return n;
    }
    // "Having considered", "Having reviewed": the participle belongs.
    if v == "having"
        && words.get(n).is_some_and(|w| {
            clean(w).ends_with("ed") || clean(w).ends_with("en") || clean(w) == "heard"
        })
    {
        n += 1;
    }
    if (v == "calls" || v == "calling")
        && let Some(w) = words.get(n)
        && matches!(clean(w).as_str(), "upon" | "on" | "for")
    {
        n += 1;
    }
    'tails: for _ in 0..3 {
        for tail in TAILS {
            if tail.len() + n <= words.len()
                && tail.iter().zip(&words[n..]).all(|(t, w)| clean(w) == *t)
                && (tail[0] != "of" || of_belongs(&words[..n]))
            {
                n += tail.len();
                if words[n - 1].ends_with([',', ';', ':']) {
                    break 'tails;
                }
                continue 'tails;
            }
        }
        break;
    }
    n
}

/// A verb like "Decides" or "Welcomes", not "States" in "States Parties";
/// the check is only that the word is a plain word in sentence case.
fn is_plain_word(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 3
        && letters[1..].iter().all(|c| c.is_lowercase())
        && !matches!(
            word.to_lowercase()
                .trim_matches(|c: char| !c.is_alphabetic()),
            "states"
                | "nations"
                | "affairs"
                | "rights"
                | "forces"
                | "is"
                | "this"
                | "has"
                | "was"
                | "as"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases() {
        assert_eq!(leading_phrase("*Encourages* Member States"), "Encourages");
        assert_eq!(
            leading_phrase("*Further recommends* an expansion"),
            "Further recommends"
        );
        assert_eq!(
            leading_phrase("Recalling its previous resolutions"),
            "Recalling"
        );
        assert_eq!(
            leading_phrase("Reaffirming also the sovereignty"),
            "Reaffirming also"
        );
        assert_eq!(
            leading_phrase("Taking note with grave concern of the report"),
            "Taking note with grave concern of"
        );
        assert_eq!(leading_phrase("Calls upon MONUC to pay"), "Calls upon");
        assert_eq!(
            leading_phrase("Fully aware of the increased"),
            "Fully aware of"
        );
        assert_eq!(
            leading_phrase("Bearing in mind that"),
            "Bearing in mind that"
        );
        assert_eq!(leading_phrase("Welcomes the decision"), "Welcomes");
        assert_eq!(leading_phrase("In regard to DDR under"), "");
        assert_eq!(leading_phrase("Member States enacting"), "");
        assert_eq!(leading_phrase("Beijing Declaration"), "");
    }
}
