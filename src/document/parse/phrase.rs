//! The leading phrase of a clause: `Recalling`, `Further recommends`,
//! `Taking note with grave concern of`. Marked phrases (`*Encourages*`) are
//! taken as marked; otherwise a small grammar of UN drafting style decides.

use compact_str::CompactString;

/// Adverbs that open a phrase ("Further recommends", "Deeply concerned").
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "further"
            | "also"
            | "strongly"
            | "deeply"
            | "fully"
            | "firmly"
            | "again"
            | "once"
            | "warmly"
            | "gravely"
            | "seriously"
            | "profoundly"
            | "solemnly"
            | "emphatically"
            | "earnestly"
            | "sincerely"
            | "urgently"
            | "highly"
            | "keenly"
            // "Hereby resolves" (S/RES/4 (1946)).
            | "hereby"
            | "noting"
            | "welcoming"
    )
}

/// Phrase words that are not participles or third-person verbs.
fn is_phrase_word(w: &str) -> bool {
    matches!(
        w,
        "aware"
            | "mindful"
            | "cognizant"
            | "conscious"
            | "desirous"
            | "convinced"
            | "concerned"
            | "alarmed"
            | "determined"
            | "guided"
            | "encouraged"
            | "resolved"
            | "disturbed"
            | "appalled"
            | "distressed"
            | "gratified"
            | "pleased"
            | "grateful"
            | "committed"
            | "having"
            | "bearing"
            | "keeping"
            | "taking"
            | "recognizing"
            | "noting"
            | "acting"
    )
}

/// What kind of clause a paragraph's opening words make, read by meaning
/// where no number says it: a participle or adjective ("Recalling",
/// "Having considered", "Deeply concerned") opens a preambular paragraph,
/// a verb in the third person ("Decides", "Calls upon", "Also requests")
/// an operative one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    Preambular,
    Operative,
}

/// Operative verbs of UN and Model UN drafting. Any other plain word in
/// `-s` is read as one too; these are listed so that the short and the
/// irregular ones are certain.
const OPERATIVE_VERBS: &[&str] = &[
    "accepts",
    "adopts",
    "affirms",
    "appeals",
    "appoints",
    "approves",
    "authorizes",
    "calls",
    "commends",
    "condemns",
    "confirms",
    "considers",
    "decides",
    "declares",
    "demands",
    "deplores",
    "designates",
    "determines",
    "directs",
    "emphasizes",
    "encourages",
    "endorses",
    "expresses",
    "invites",
    "notes",
    "proclaims",
    "reaffirms",
    "recalls",
    "recognizes",
    "recommends",
    "regrets",
    "reiterates",
    "reminds",
    "requests",
    "resolves",
    "stresses",
    "supports",
    "takes",
    "trusts",
    "underlines",
    "urges",
    "welcomes",
];

/// Preambular openings that are not participles in `-ing`.
const PREAMBULAR_WORDS: &[&str] = &[
    "alarmed",
    "aware",
    "cognizant",
    "concerned",
    "conscious",
    "convinced",
    "desirous",
    "determined",
    "disturbed",
    "distressed",
    "encouraged",
    "fully",
    "gratified",
    "guided",
    "mindful",
    "pleased",
    "grateful",
    "appalled",
    "committed",
    "having",
    "resolved",
    "believing",
    "seized",
    "disappointed",
    "dismayed",
    "outraged",
    "shocked",
    "saddened",
    "troubled",
    "horrified",
    "appreciative",
    "confident",
    "anxious",
    "reassured",
    "satisfied",
    "heartened",
    "persuaded",
    "recognizant",
];

/// Words after which a number is a reference or a count, never a
/// footnote marker or the next paragraph's number: "paragraph 8",
/// "resolution 1325", "article 51", "in 2 cases", "of 3", "and 4"
/// (`notes` and `inline` ask; compared without case, without a final dot).
pub fn takes_number(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    matches!(
        w.as_str(),
        "paragraph"
            | "paragraphs"
            | "para"
            | "paras"
            | "subparagraph"
            | "resolution"
            | "resolutions"
            | "decision"
            | "decisions"
            | "article"
            | "articles"
            | "art"
            | "rule"
            | "rules"
            | "regulation"
            | "chapter"
            | "chapters"
            | "section"
            | "sections"
            | "part"
            | "annex"
            | "annexes"
            | "appendix"
            | "principle"
            | "principles"
            | "goal"
            | "goals"
            | "target"
            | "targets"
            | "item"
            | "items"
            | "no"
            | "nos"
            | "number"
            | "page"
            | "pages"
            | "vol"
            | "volume"
            | "protocol"
            | "phase"
            | "level"
            | "tier"
            | "step"
            | "stage"
            | "option"
            | "table"
            | "figure"
            | "box"
            | "and"
            | "or"
            | "to"
            | "of"
            | "in"
            | "on"
            | "by"
            | "with"
            | "for"
            | "from"
            | "at"
            | "than"
            | "over"
            | "under"
            | "about"
            | "the"
            | "a"
            | "all"
            | "some"
            | "least"
            | "only"
            | "nearly"
            | "around"
            | "approximately"
            | "within"
            | "every"
            | "first"
            | "last"
            | "past"
            | "next"
            | "those"
            | "these"
            | "its"
            | "their"
    )
}

/// The kind of clause `text` opens, if its first words say.
pub fn opening(text: &str) -> Option<Opening> {
    opening_in(text, true)
}

/// Does `text` open with an operative verb of the list ("Adopts", "Also
/// requests", "Notes with appreciation")? Where a paragraph's place alone
/// would make it preambular or a continuation, only these verbs are sure
/// enough to say otherwise: any word in `-s` ("States Members …") is not.
pub fn opens_with_listed_verb(text: &str) -> bool {
    opening_in(text, false) == Some(Opening::Operative)
}

/// "To this end, the Security Council appoints …": an operative
/// paragraph of the 1940s, with the Council as its subject after a short
/// lead-in, and a listed verb.
pub fn council_acts(text: &str) -> bool {
    let Some(at) = text.find("the Security Council ") else { return false };
    let lead = &text[..at];
    let rest = &text[at + "the Security Council ".len()..];
    let verb = rest.split_whitespace().next().unwrap_or("").trim_end_matches([',', ';']);
    lead.split_whitespace().count() <= 4
        && (lead.is_empty() || lead.trim_end().ends_with(','))
        && OPERATIVE_VERBS.contains(&verb.to_ascii_lowercase().as_str())
}

/// Does `text` open as a clause rather than a heading's title? A listed
/// operative verb or a preambular word does ("Encourages …", "Recalling
/// …"); a noun in `-s` ("Commitments", "Means of implementation") does
/// not, though `starts_with_phrase` takes it for a verb.
pub fn opens_clause(text: &str) -> bool {
    match opening_in(text, false) {
        Some(_) => true,
        None => marked_phrase(text).is_some(),
    }
}

fn opening_in(text: &str, any_plain_verb: bool) -> Option<Opening> {
    let mut store = [""; PHRASE_WORDS];
    let words = leading_words(text, &mut store, 3);
    // A word standing alone ("Refugees") is a heading, not a clause.
    if words.len() == 1 && !words[0].ends_with([',', ';', ':']) {
        return None;
    }
    if !words.first()?.starts_with(|c: char| c.is_uppercase() || c == '*' || c == '_') {
        return None;
    }
    with_lower_words(words, |lw| {
        let mut i = 0;
        while i < 2 && lw.get(i).is_some_and(|w| is_adverb(w) && !matches!(*w, "noting" | "welcoming")) {
            i += 1;
        }
        let v = *lw.get(i)?;
        if PREAMBULAR_WORDS.contains(&v) || (v.len() > 4 && v.ends_with("ing") && !is_not_phrase(v)) {
            return Some(Opening::Preambular);
        }
        // "Deeply regretted"-style participles after an adverb.
        if i > 0 && v.ends_with("ed") {
            return Some(Opening::Preambular);
        }
        let word = words.get(i).copied().unwrap_or("");
        let plain_verb = any_plain_verb
            && v.len() > 3
            && v.ends_with('s')
            && !v.ends_with("ss")
            && !v.ends_with("us")
            && is_plain_word(word);
        if OPERATIVE_VERBS.contains(&v) || plain_verb {
            return Some(Opening::Operative);
        }
        None
    })
}

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

/// The first words of `TAILS`: most phrases have no tail, and this one
/// check settles that (a test keeps it in step with `TAILS`).
fn opens_tail(w: &str) -> bool {
    matches!(w, "in" | "forward" | "by" | "into" | "note" | "with" | "also" | "further" | "that" | "of")
}

/// Words after which `of` belongs to the phrase ("Aware of", "Approving
/// of", "Taking note of"); after others ("Recalling of") it does not.
fn of_may_follow(w: &str) -> bool {
    matches!(
        w,
        "aware"
            | "approving"
            | "note"
            | "cognizant"
            | "conscious"
            | "mindful"
            | "convinced"
            | "concerned"
            | "concern"
            | "appreciative"
            | "supportive"
            | "informed"
            | "reminded"
            | "respectful"
            | "regret"
    )
}

/// Words that, when they open a paragraph, are not a phrase even though they
/// end like one (place names and nouns).
fn is_not_phrase(w: &str) -> bool {
    matches!(
        w,
        "beijing"
            | "nanjing"
            | "chongqing"
            | "spring"
            | "king"
            | "thing"
            | "wing"
            | "ring"
            | "sterling"
            | "viking"
            | "kunming"
            | "shandong"
    )
}

/// "Taking note with grave concern of": `of` belongs after `note …`;
/// "Noting with concern of" is not drafting style.
fn of_belongs(before: &[&str]) -> bool {
    let Some(prev) = before.last() else {
        return false;
    };
    of_may_follow(prev) && (*prev != "concern" || before.contains(&"note"))
}

/// The phrase at the start of `text`, or "" if there is none.
pub fn leading_phrase(text: &str) -> CompactString {
    if let Some(marked) = marked_phrase(text) {
        return CompactString::from(marked);
    }
    let mut store = [""; PHRASE_WORDS];
    let (words, n) = phrase_words(text, &mut store);
    if n == 0 {
        return CompactString::default();
    }
    // The phrase as printed: from the first word to the end of the n-th.
    let start = words[0].as_ptr() as usize - text.as_ptr() as usize;
    let last = words[n - 1];
    let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
    let phrase = &text[start..end];
    let phrase = phrase.trim_end_matches([',', ':', ';']);
    if phrase.contains(char::is_whitespace) && phrase.split_whitespace().count() != phrase.split(' ').count() {
        return CompactString::from(phrase.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    CompactString::from(phrase)
}

/// True if `text` opens with something that reads like a clause phrase.
pub fn starts_with_phrase(text: &str) -> bool {
    if marked_phrase(text).is_some() {
        return true;
    }
    let mut store = [""; PHRASE_WORDS];
    phrase_words(text, &mut store).1 > 0
}

fn marked_phrase(text: &str) -> Option<&str> {
    // A phrase is short: only the head of a long paragraph is looked at.
    let head = &text[..floor_char_boundary(text, 120)];
    for mark in ["**", "__", "*", "_"] {
        if let Some(rest) = head.strip_prefix(mark) {
            let end = rest.find(mark)?;
            let inner = rest[..end].trim();
            if !inner.is_empty() && inner.split_whitespace().count() <= 8 && !inner.contains(mark) {
                return Some(inner);
            }
            return None;
        }
    }
    None
}

/// The largest char boundary at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first words of `text` (at most `limit`), without allocating.
fn leading_words<'s, 't>(text: &'t str, store: &'s mut [&'t str; PHRASE_WORDS], limit: usize) -> &'s [&'t str] {
    let mut n = 0;
    // Splitting ASCII text needs no character decoding.
    let head = &text.as_bytes()[..text.len().min(160)];
    let words: &mut dyn Iterator<Item = &'t str> =
        if head.is_ascii() { &mut text.split_ascii_whitespace() } else { &mut text.split_whitespace() };
    for w in words.take(limit.min(PHRASE_WORDS)) {
        store[n] = w;
        n += 1;
    }
    &store[..n]
}

/// The longest phrase drafting style uses ("Taking note with grave concern
/// of") has six words; a few more leave room for adverbs.
const PHRASE_WORDS: usize = 8;

/// Most phrases are decided by their first few words.
const FEW_WORDS: usize = 4;

/// The first words of `text` and how many of them make its phrase (0: none).
/// The first few words are split and lower-cased first; the rest only if
/// the grammar asks for them.
fn phrase_words<'s, 't>(text: &'t str, store: &'s mut [&'t str; PHRASE_WORDS]) -> (&'s [&'t str], usize) {
    let few = leading_words(text, store, FEW_WORDS).len();
    let first_upper = store[0].chars().next().is_some_and(char::is_uppercase);
    if few == 0 || !first_upper {
        return (&store[..few], 0);
    }
    let asked_beyond = std::cell::Cell::new(false);
    let n = with_lower_words(&store[..few], |lw| phrase_len_with(&store[..few], lw, few == FEW_WORDS, &asked_beyond));
    if !asked_beyond.get() {
        return (&store[..few], n);
    }
    let all = leading_words(text, store, PHRASE_WORDS);
    let n = with_lower_words(all, |lw| phrase_len_with(all, lw, false, &std::cell::Cell::new(false)));
    (all, n)
}

/// Calls `f` with `words` lower-cased and stripped of punctuation. ASCII
/// words (nearly all) are lower-cased in a buffer on the stack.
fn with_lower_words<R>(words: &[&str], f: impl FnOnce(&[&str]) -> R) -> R {
    let mut lw = [""; PHRASE_WORDS];
    let mut stack = [0u8; 160];
    if let Some(n) = lower_ascii(words, &mut stack, &mut lw) {
        return f(&lw[..n]);
    }
    let mut buf = String::with_capacity(160);
    let mut bounds = [(0usize, 0usize); PHRASE_WORDS];
    for (k, w) in words.iter().take(PHRASE_WORDS).enumerate() {
        let start = buf.len();
        for c in w.trim_matches(|c: char| !c.is_alphabetic()).chars() {
            buf.extend(c.to_lowercase());
        }
        bounds[k] = (start, buf.len());
    }
    let mut lw = [""; PHRASE_WORDS];
    let n = words.len().min(PHRASE_WORDS);
    for (slot, &(a, b)) in lw.iter_mut().zip(&bounds).take(n) {
        *slot = &buf[a..b];
    }
    f(&lw[..n])
}

/// ASCII words lower-cased into `buf`, without their leading and trailing
/// non-letters; None if a word is not ASCII or `buf` is too small.
fn lower_ascii<'b>(words: &[&str], buf: &'b mut [u8; 160], out: &mut [&'b str; PHRASE_WORDS]) -> Option<usize> {
    let mut bounds = [(0usize, 0usize); PHRASE_WORDS];
    let mut len = 0;
    let n = words.len().min(PHRASE_WORDS);
    for (k, w) in words.iter().take(n).enumerate() {
        let b = w.as_bytes();
        if !b.is_ascii() {
            return None;
        }
        let first = b.iter().position(u8::is_ascii_alphabetic).unwrap_or(b.len());
        let last = b.iter().rposition(u8::is_ascii_alphabetic).map_or(first, |i| i + 1);
        let letters = &b[first..last.max(first)];
        let slot = buf.get_mut(len..len + letters.len())?;
        for (d, s) in slot.iter_mut().zip(letters) {
            *d = s.to_ascii_lowercase();
        }
        bounds[k] = (len, len + letters.len());
        len += letters.len();
    }
    let text = std::str::from_utf8(&buf[..len]).ok()?;
    for (slot, &(a, b)) in out.iter_mut().zip(&bounds).take(n) {
        *slot = &text[a..b];
    }
    Some(n)
}

/// The phrase grammar over lower-cased words `lw` (one for each of
/// `words`). `more`: `words` are only the first few of the text; the grammar
/// then sets `asked_beyond` when it would need a word it lacks.
fn phrase_len_with(words: &[&str], lw: &[&str], more: bool, asked_beyond: &std::cell::Cell<bool>) -> usize {
    let at = |k: usize| -> Option<&str> {
        match lw.get(k) {
            Some(w) => Some(*w),
            None => {
                if more {
                    asked_beyond.set(true);
                }
                None
            }
        }
    };
    let mut i = 0;
    while i < words.len() && i < 2 && at(i).is_some_and(is_adverb) {
        let w = at(i).unwrap_or("");
        // "Noting"/"Welcoming" are verbs themselves when nothing follows.
        if matches!(w, "noting" | "welcoming") {
            break;
        }
        if w == "once" && at(i + 1) != Some("again") {
            break;
        }
        i += 1;
    }
    let Some(verb) = words.get(i) else { return 0 };
    let v = at(i).unwrap_or("");
    // A word that ends a phrase by itself ("Recalling,") still counts.
    let is_verb = !is_not_phrase(v)
        && v.len() > 3
        && (is_phrase_word(v)
            || v.ends_with("ing")
            || (v.ends_with('s') && !v.ends_with("ss") && !v.ends_with("us") && is_plain_word(verb))
            || (v.ends_with("ed")
                && (i > 0 || at(i + 1).is_some_and(|w| matches!(w, "by" | "that" | "of" | "with" | "at" | "about")))))
        && !verb.contains('-');
    if !is_verb || verb.chars().any(|c| c.is_ascii_digit()) {
        return 0;
    }
    let mut n = i + 1;
    if verb.ends_with([',', ';', ':']) {
        return n;
    }
    // "Having considered", "Having reviewed": the participle belongs.
    if v == "having" && at(n).is_some_and(|w| w.ends_with("ed") || w.ends_with("en") || w == "heard") {
        n += 1;
    }
    if (v == "calls" || v == "calling") && at(n).is_some_and(|w| matches!(w, "upon" | "on" | "for")) {
        n += 1;
    }
    'tails: for _ in 0..3 {
        // Most phrases have no tail: check the next word opens one first.
        if !at(n).is_some_and(opens_tail) {
            break;
        }
        for tail in TAILS {
            if tail.len() + n > words.len() {
                // Whether it matches depends on words not split yet.
                if more {
                    asked_beyond.set(true);
                }
                continue;
            }
            if tail.iter().enumerate().all(|(j, t)| at(n + j) == Some(*t))
                && (tail[0] != "of" || of_belongs(&lw[..n.min(lw.len())]))
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
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let _ = letters.next();
    let mut count = 1;
    for c in letters {
        if !c.is_lowercase() {
            return false;
        }
        count += 1;
    }
    let bare = word.trim_matches(|c: char| !c.is_alphabetic());
    count > 3
        && !["states", "nations", "affairs", "rights", "forces", "resolutions", "is", "this", "has", "was", "as"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(bare))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_tail_knows_every_tail() {
        for tail in TAILS {
            assert!(opens_tail(tail[0]), "{tail:?}");
        }
        for w in ["in", "forward", "by", "into", "note", "with", "also", "further", "that", "of"] {
            assert!(TAILS.iter().any(|t| t[0] == w), "{w}");
        }
        assert!(!opens_tail("upon"));
    }

    #[test]
    fn long_phrases_need_more_than_the_first_few_words() {
        assert_eq!(leading_phrase("Noting with deep appreciation the work"), "Noting with deep appreciation");
        assert_eq!(
            leading_phrase("Further taking note with grave concern of it"),
            "Further taking note with grave concern of"
        );
        assert_eq!(leading_phrase("Recognizing"), "Recognizing");
        assert_eq!(leading_phrase("Deeply Évian"), "");
    }

    #[test]
    fn openings_by_meaning() {
        use Opening::*;
        for (text, want) in [
            ("Requests the Secretary-General to report", Some(Operative)),
            ("Decides to remain seized of the matter", Some(Operative)),
            ("Calls upon all States", Some(Operative)),
            ("Also decides to include", Some(Operative)),
            ("*Urges* all countries", Some(Operative)),
            ("Recalling its resolution 75/90", Some(Preambular)),
            ("Having considered the report", Some(Preambular)),
            ("Deeply concerned about the situation", Some(Preambular)),
            ("Aware of the importance", Some(Preambular)),
            ("Noting with appreciation", Some(Preambular)),
            ("Further recalling", Some(Preambular)),
            ("Disappointed at the continued absence of progress", Some(Preambular)),
            ("Deeply dismayed by the attacks", Some(Preambular)),
            ("States Parties shall", None),
            ("the policies and practices", None),
            ("Human rights, governance and the rule of law", None),
            ("Beijing Declaration", None),
            ("Refugees", None),
        ] {
            assert_eq!(opening(text), want, "{text}");
        }
        for v in OPERATIVE_VERBS {
            assert!(v.ends_with('s'), "{v}");
        }
    }

    #[test]
    fn phrases() {
        assert_eq!(leading_phrase("*Encourages* Member States"), "Encourages");
        assert_eq!(leading_phrase("*Further recommends* an expansion"), "Further recommends");
        assert_eq!(leading_phrase("Recalling its previous resolutions"), "Recalling");
        assert_eq!(leading_phrase("Reaffirming also the sovereignty"), "Reaffirming also");
        assert_eq!(leading_phrase("Taking note with grave concern of the report"), "Taking note with grave concern of");
        assert_eq!(leading_phrase("Calls upon MONUC to pay"), "Calls upon");
        assert_eq!(leading_phrase("Fully aware of the increased"), "Fully aware of");
        assert_eq!(leading_phrase("Bearing in mind that"), "Bearing in mind that");
        assert_eq!(leading_phrase("Welcomes the decision"), "Welcomes");
        assert_eq!(leading_phrase("In regard to DDR under"), "");
        assert_eq!(leading_phrase("Member States enacting"), "");
        assert_eq!(leading_phrase("Beijing Declaration"), "");
    }
}
