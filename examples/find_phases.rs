//! Where `reso find`'s time goes on one file: reading, decoding and parsing,
//! then each query's scan (`find_phases FILE QUERY…`). A profiling aid
//! beside `scripts/bench-find.sh`, which times the whole command.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: find_phases FILE QUERY…");
        std::process::exit(2);
    };
    let start = Instant::now();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("find_phases: {path}: {e}");
            std::process::exit(1);
        }
    };
    let read = start.elapsed();
    let docs = match reso::document::load_owned(bytes, &path) {
        Ok(doc) => vec![doc],
        Err(e) => {
            eprintln!("find_phases: {e}");
            std::process::exit(1);
        }
    };
    let parsed = start.elapsed();
    println!("read {:.1} ms, decode+parse {:.1} ms", read.as_secs_f64() * 1e3, (parsed - read).as_secs_f64() * 1e3);
    const RUNS: usize = 15;
    for query in args {
        let mut times = Vec::new();
        let mut hits = 0;
        let cpu = cpu_ms();
        for _ in 0..RUNS {
            let t = Instant::now();
            hits = reso::find::search(&docs, &query, 20).len();
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let cpu = (cpu_ms() - cpu) / RUNS as f64;
        times.sort_by(f64::total_cmp);
        println!(
            "{query:<24} search median {:.1} ms (min {:.1}, max {:.1}), CPU {cpu:.1} ms a run, {hits} hits",
            times[RUNS / 2],
            times[0],
            times[RUNS - 1]
        );
    }
    std::mem::forget(docs);
}

/// CPU time of the whole process (every thread, the finished ones too),
/// from /proc (clock ticks of 10 ms: average over many runs).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime: fields 14 and 15 of the line, 12 and 13 after `)`.
    (ticks(11) + ticks(12)) * 10.0
}
