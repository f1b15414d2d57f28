use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut all = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        let d = reso::document::decode::decode(&bytes).unwrap();
        let td = t.elapsed();
        let doc = reso::document::parse::parse(&d.text, "x");
        let t2 = t.elapsed();
        let dec = t.elapsed().as_secs_f64() * 1e3 - t2.as_secs_f64() * 1e3 + 0.0;
        drop(doc);
        let t3 = t.elapsed();
        all.push((t3.as_secs_f64() * 1e3, t2.as_secs_f64() * 1e3));
        let _ = dec;
        if all.len() < 4 {
            eprintln!("decode {:?} parse {:?} drop {:?}", td, t2 - td, t3 - t2);
        }
    }
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("total median {:.0} ms (min {:.0}); parse-only median {:.0}", all[7].0, all[0].0, all[7].1);
}
