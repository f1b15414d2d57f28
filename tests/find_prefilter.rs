//! `reso find`'s prefilter (src/find/prefilter.rs) against the matcher it
//! stands in front of: on every clause of the sample, the text fixtures
//! and real UN resolutions (Akoma Ntoso and Word), for query words taken
//! from those texts and bent the ways a delegate types them (a typo of
//! each kind, a prefix, an acronym's scattered letters), it must never rule
//! out a clause the matcher finds — and, where it applies (a text that
//! folds to ASCII, a query word that cannot match the id), rule out every
//! clause the matcher does not find.

mod common;

use std::collections::BTreeSet;

use reso::document::{Clause, Document, load_bytes};
use reso::find::fold::{fold_keep_case, for_each_word, words};
use reso::find::matcher::{Compiled, Memo, Subject, id_may_match};
use reso::find::prefilter::{Prefilter, Scratch};

fn documents() -> Vec<Document> {
    let mut docs = vec![reso::document::sample()];
    for name in
        ["S_RES_1445_2002.txt", "S_RES_1454_2002.txt", "S_RES_0898_1994.txt", "ga_official.txt", "a_res_80_6.txt"]
    {
        docs.push(common::fixture(name));
    }
    let real = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    for kind in ["akn", "docx"] {
        let mut files: Vec<_> = std::fs::read_dir(real.join(kind))
            .expect("real fixtures")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        // Every eighth file: enough prose, a bounded test time.
        for path in files.iter().step_by(8) {
            let bytes = std::fs::read(path).expect("readable");
            docs.push(load_bytes(&bytes, &path.display().to_string()).expect("reads"));
        }
    }
    docs
}

/// A small deterministic generator (no crate needed for this).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Query words: fixed ones, then words of the texts, each as it is, cut
/// to a prefix, and with one typo of each kind (a second one for long
/// words), and acronyms with letters left out.
fn queries(docs: &[Document]) -> Vec<String> {
    let mut out: Vec<String> = [
        "interpol",
        "INTERPOL",
        "intrpl",
        "hotline",
        "data",
        "trafficing",
        "traffick",
        "program's",
        "iraq's",
        "liberation",
        "un",
        "states",
        "the",
        "1800",
        "unodc",
        "resolutoin",
        "ix",
        "sg",
        "s5g",
        "interpols",
        "intrepol",
        "d'ivoire",
        "ivoire",
        "sharing",
        "data's",
        "quoted",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut vocab = BTreeSet::new();
    let mut codes = BTreeSet::new();
    for c in docs.iter().flat_map(|d| d.all_clauses()) {
        vocab.extend(words(&c.text));
        for raw in c.text.split(|ch: char| !ch.is_alphanumeric()) {
            if raw.len() >= 3 && raw.chars().all(|ch| ch.is_ascii_uppercase()) {
                codes.insert(raw.to_ascii_lowercase());
            }
        }
    }
    let vocab: Vec<String> = vocab.into_iter().filter(|w| w.is_ascii()).collect();
    let codes: Vec<String> = codes.into_iter().collect();
    let mut rng = Lcg(14);
    let letters = b"abcdefghijklmnopqrstuvwxyz";
    for _ in 0..16 {
        let w = vocab[rng.below(vocab.len())].clone();
        let b = w.as_bytes().to_vec();
        out.push(w.clone());
        if b.len() >= 4 {
            out.push(String::from_utf8_lossy(&b[..b.len() - 2]).into_owned());
        }
        let edited = |b: &[u8], rng: &mut Lcg| -> Vec<u8> {
            let mut e = b.to_vec();
            let at = rng.below(e.len());
            match rng.below(4) {
                0 if e.len() > 1 => {
                    e.remove(at);
                }
                1 => e[at] = letters[rng.below(26)],
                2 => e.insert(at, letters[rng.below(26)]),
                _ if at + 1 < e.len() => e.swap(at, at + 1),
                _ => e.push(letters[rng.below(26)]),
            }
            e
        };
        for _ in 0..4 {
            let one = edited(&b, &mut rng);
            if b.len() >= 9 {
                out.push(String::from_utf8_lossy(&edited(&one, &mut rng)).into_owned());
            }
            out.push(String::from_utf8_lossy(&one).into_owned());
        }
    }
    for _ in 0..12 {
        if codes.is_empty() {
            break;
        }
        let code = codes[rng.below(codes.len())].as_bytes().to_vec();
        // Its first letter kept, others left out at random.
        let mut scattered = vec![code[0]];
        scattered.extend(code[1..].iter().filter(|_| rng.below(3) > 0));
        out.push(String::from_utf8_lossy(&scattered).into_owned());
        out.push(String::from_utf8_lossy(&code).to_uppercase());
    }
    // A few two-word queries: every word must match.
    for _ in 0..10 {
        out.push(format!("{} {}", vocab[rng.below(vocab.len())], vocab[rng.below(vocab.len())]));
    }
    out.retain(|q| !q.trim().is_empty());
    out
}

#[test]
fn the_prefilter_rules_out_exactly_the_clauses_that_cannot_match() {
    let docs = documents();
    // Shapes the texts may lack: codes after an apostrophe or with a
    // digit, joined and doubled apostrophes, backquotes, accents.
    let odd: Vec<Clause> = [
        "the I’X code and INTERPOL’s role",
        "the S5G group",
        "l’INTERPOL and d'Ivoire",
        "data''sharing, data`s and `quoted`",
        "Libération de la co-operation",
        "INTERPOLS in the INTERP OL",
        "X'INTERPOL",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| Clause { id: format!("ODD/{i}:op.1").into(), text: (*t).into(), ..Clause::default() })
    .collect();
    let clauses: Vec<&Clause> = docs.iter().flat_map(|d| d.all_clauses()).chain(&odd).collect();
    assert!(clauses.len() > 800, "enough clauses: {}", clauses.len());
    let queries = queries(&docs);
    assert!(queries.len() > 120, "enough queries: {}", queries.len());
    // Each clause's words, read once, as ids into one vocabulary: a clause
    // matches a plain-word query when every query word matches one of its
    // words (checked against the scorer itself on every eighth clause).
    let mut vocab: Vec<(String, bool)> = Vec::new();
    let mut ids: std::collections::HashMap<(String, bool), usize> = Default::default();
    let clause_words: Vec<Vec<usize>> = clauses
        .iter()
        .map(|c| {
            let mut out = Vec::new();
            let mut buf = String::new();
            for_each_word(&c.text, &mut buf, |w, at| {
                let key = (w.to_string(), at.code);
                let id = *ids.entry(key.clone()).or_insert_with(|| {
                    vocab.push(key);
                    vocab.len() - 1
                });
                out.push(id);
            });
            out
        })
        .collect();
    let ascii: Vec<bool> = clauses.iter().map(|c| c.text.chars().all(|ch| fold_keep_case(ch).is_ascii())).collect();
    let (mut matched, mut ruled_out) = (0usize, 0usize);
    for query in &queries {
        let q = Compiled::new(query);
        let pre = Prefilter::new(&q);
        // Exact where it applies: every word of the query could only match
        // text words (not the clause id).
        let exact_query = q.words.iter().all(|(_, w)| !id_may_match(w) && w.iter().all(char::is_ascii));
        let masks: Vec<u64> = vocab.iter().map(|(w, code)| q.word_mask(w, *code)).collect();
        let mut memo = Memo::default();
        let mut scratch = Scratch::default();
        for (i, (c, words)) in clauses.iter().zip(&clause_words).enumerate() {
            let text: &str = &c.text;
            let may = pre.may_match(&q, text, &mut memo, &mut scratch);
            let mut does = (0..q.words.len()).all(|k| words.iter().any(|&id| masks[id] >> (4 * k) & 0xF != 0));
            if i % 8 == 0 {
                let s = Subject { text, id: &c.id, tags: &[], note: "" };
                let scored = q.score(s, &mut |w, code| memo.mask(&q, w, code)).is_some();
                assert!(scored == does || !exact_query, "{query:?} on {}: the scorer disagrees", c.id);
                does = scored;
            }
            assert!(may || !does, "{query:?}: ruled out {} which matches: {text:?}", c.id);
            if exact_query && ascii[i] {
                assert_eq!(may, does, "{query:?}: let through {} which does not match: {text:?}", c.id);
            }
            matched += usize::from(does);
            ruled_out += usize::from(!may);
        }
    }
    // The set exercises both sides.
    eprintln!("{} clauses, {} queries: {matched} matched, {ruled_out} ruled out", clauses.len(), queries.len());
    assert!(matched > 1000 && ruled_out > 50_000, "{matched} matched, {ruled_out} ruled out");
}
