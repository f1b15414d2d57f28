//! What notes cost on a large document: opening them (identity and
//! anchoring, in memory) and one tag toggled (settle + write + re-anchor).
//! `notes_cost FILE` (a scratch notes file is made in a temporary folder).

use std::time::{Duration, Instant};

use reso::annotate::{Notes, Store, Target};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: notes_cost FILE");
        std::process::exit(2);
    };
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("notes_cost: cannot read {path}");
        std::process::exit(1);
    };
    let Ok(doc) = reso::document::load_owned(bytes, &path) else {
        eprintln!("notes_cost: cannot decode {path}");
        std::process::exit(1);
    };
    let docs = vec![doc];
    let ids: Vec<String> = docs[0].all_clauses().step_by(997).take(20).map(|c| c.id.to_string()).collect();
    let Ok(dir) = tempfile::tempdir() else { std::process::exit(1) };
    let notes_path = dir.path().join("notes.ron");
    let open = || Store::open(&notes_path).map(|s| Notes::open(s, &docs));
    // Some notes to find: 20 clauses tagged.
    let Ok(Ok(mut notes)) = open() else { std::process::exit(1) };
    for id in &ids {
        let _ = notes.set_tag(&docs, 0, &Target::Clause(id.clone()), "support", true);
    }
    let mut opens = Vec::new();
    let mut toggles = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let Ok(Ok(mut notes)) = open() else { std::process::exit(1) };
        opens.push(t.elapsed());
        let t = Instant::now();
        let _ = notes.toggle_tag(&docs, 0, &Target::Clause(ids[0].clone()), "amend");
        toggles.push(t.elapsed());
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    println!("open notes {:?}  toggle a tag {:?}  (medians of 7)", median(&mut opens), median(&mut toggles));
}
