//! The interactive finder with a million clauses: time from the last key
//! of a query to complete, ranked results (the word index answering on its
//! own thread). A plain harness (the measured span is inside one
//! iteration, after the query has been typed key by key).
//! Also the first `/` on the 50 MB corpus, and building the million-clause
//! index. Run: `cargo bench --bench find`.

use std::time::{Duration, Instant};

use reso::document::{corpus, load_owned, sample};
use reso::find::haystack;
use reso::tui::App;
use reso::tui::search::Engine;

const CLAUSES: usize = 1_000_000;
const RUNS: usize = 7;
/// The same queries as tests/find_queries.rs, and broad words.
const QUERIES: [&str; 14] = [
    "hotline",
    "data sharing",
    "INTERPOL",
    "trafficing",
    "traffick",
    "intrpl",
    "program's",
    "INTERPOL border",
    "'trafficking 'victims",
    "^Encourag",
    "1800-DELITO",
    "data sharing !privacy",
    "States",
    "the",
];
/// Time between keys while typing, as a fast typist.
const KEY_GAP: Duration = Duration::from_millis(80);

/// A million haystacks: the sample's clauses under new ids.
fn engine() -> Engine {
    let doc = sample();
    let base: Vec<String> = doc.all_clauses().map(haystack).collect();
    let items: Vec<(u32, String)> =
        (0..CLAUSES).map(|i| (i as u32, format!("{} GEN/{}", base[i % base.len()], i / base.len()))).collect();
    let start = Instant::now();
    let engine = Engine::from_items(items);
    let deadline = Instant::now() + Duration::from_secs(300);
    while !engine.ready() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    println!("index of {CLAUSES} clauses built in {:.2} s (background thread)", start.elapsed().as_secs_f64());
    engine
}

/// The first `/` in the reader on the 50 MB corpus: from the key to the
/// prompt, the engine started over every clause. Each run then waits, not
/// timed, until the engine has every item, so runs do not overlap.
fn finder_open() {
    let docs = vec![load_owned(corpus::generate(50_000_000).into_bytes(), "corpus.txt").expect("decodes")];
    let app = App::new(&docs, 45);
    let mut times = Vec::new();
    let mut clauses = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let engine = Engine::new(&app.nodes);
        times.push(start.elapsed());
        clauses = engine.total;
        while !engine.ready() {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    times.sort();
    println!(
        "finder opens over {clauses} clauses: median {:.1} ms, max {:.1} ms",
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[RUNS - 1].as_secs_f64() * 1e3
    );
}

fn main() {
    // `cargo test` runs benches with --bench only when asked; stay quiet otherwise.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    finder_open();
    let mut engine = engine();
    println!("{CLAUSES} clauses; typing with {} ms between keys", KEY_GAP.as_millis());
    println!("{:<24} {:>12} {:>12} {:>10}", "query", "median ms", "max ms", "matches");
    for query in QUERIES {
        let mut times = Vec::new();
        let mut matched = 0;
        for _ in 0..RUNS {
            engine.set_query("");
            while engine.tick() {
                std::thread::sleep(Duration::from_micros(200));
            }
            let mut typed = String::new();
            let keys = query.chars().count();
            for (k, c) in query.chars().enumerate() {
                typed.push(c);
                engine.set_query(&typed);
                if k + 1 == keys {
                    break; // timed from the last key on
                }
                let until = Instant::now() + KEY_GAP;
                while Instant::now() < until {
                    engine.tick();
                    std::thread::sleep(Duration::from_millis(1));
                }
            }
            let start = Instant::now();
            while engine.tick() {
                std::thread::sleep(Duration::from_micros(200));
            }
            times.push(start.elapsed());
            matched = engine.matched();
        }
        times.sort();
        println!(
            "{:<24} {:>12.1} {:>12.1} {:>10}",
            query,
            times[RUNS / 2].as_secs_f64() * 1e3,
            times[RUNS - 1].as_secs_f64() * 1e3,
            matched
        );
    }
}
