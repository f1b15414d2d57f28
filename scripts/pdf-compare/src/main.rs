//! Compare pdf-extract and pdf_oxide on a folder of PDFs: time and dump
//! positioned text (sorted by baseline then x) for a word-level comparison.
use std::time::Instant;

#[derive(Clone, Debug)]
struct Glyph { x: f64, y: f64, w: f64, size: f64, text: String, italic: bool }

struct Dev { pages: Vec<Vec<Glyph>> }
impl pdf_extract::OutputDev for Dev {
    fn begin_page(&mut self, _: u32, _: &pdf_extract::MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), pdf_extract::OutputError> { self.pages.push(Vec::new()); Ok(()) }
    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> { Ok(()) }
    fn output_character(&mut self, trm: &pdf_extract::Transform, width: f64, _s: f64, font_size: f64, ch: &str) -> Result<(), pdf_extract::OutputError> {
        let size = font_size * (trm.m21 * trm.m21 + trm.m22 * trm.m22).sqrt();
        let size = if size > 0.0 { size } else { font_size };
        if let Some(p) = self.pages.last_mut() { p.push(Glyph { x: trm.m31, y: trm.m32, w: width * size, size, text: ch.to_string(), italic: false }); }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> { Ok(()) }
    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> { Ok(()) }
    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> { Ok(()) }
}

fn lines(mut g: Vec<Glyph>) -> String {
    g.sort_by(|a, b| b.y.partial_cmp(&a.y).unwrap().then(a.x.partial_cmp(&b.x).unwrap()));
    let mut out = String::new();
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for x in g { match rows.last_mut() { Some(r) if (r[0].y - x.y).abs() < 2.0 => r.push(x), _ => rows.push(vec![x]) } }
    for mut r in rows {
        r.sort_by(|a, b| a.x.partial_cmp(&b.x).unwrap());
        let mut end = f64::NEG_INFINITY;
        for s in r { if s.x - end > s.size * 0.12 && end > f64::NEG_INFINITY { out.push(' '); } out.push_str(&s.text); end = s.x + s.w; }
        out.push('\n');
    }
    out
}

fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let outdir = std::env::args().nth(2).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "pdf")).collect();
    files.sort();
    for which in ["extract", "oxide"] {
        std::fs::create_dir_all(format!("{outdir}/{which}")).unwrap();
        let mut times = Vec::new();
        for f in &files {
            let bytes = std::fs::read(f).unwrap();
            let t = Instant::now();
            let pages: Vec<Vec<Glyph>> = if which == "extract" {
                let doc = pdf_extract::Document::load_mem(&bytes).unwrap();
                let mut dev = Dev { pages: vec![] };
                pdf_extract::output_doc(&doc, &mut dev).unwrap();
                dev.pages
            } else {
                let doc = pdf_oxide::PdfDocument::from_bytes(bytes.clone()).unwrap();
                (0..doc.page_count().unwrap()).map(|i| doc.extract_spans(i).unwrap().into_iter().map(|s| Glyph { x: s.bbox.x as f64, y: s.bbox.y as f64, w: s.bbox.width as f64, size: s.font_size as f64, text: s.text, italic: s.is_italic }).collect()).collect()
            };
            let text: String = pages.into_iter().map(lines).collect::<Vec<_>>().join("\x0c\n");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            std::fs::write(format!("{outdir}/{which}/{}.txt", f.file_stem().unwrap().to_string_lossy()), text).unwrap();
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!("{which}: median {:.1} ms, max {:.1} ms, total {:.0} ms", times[times.len() / 2], times[times.len() - 1], times.iter().sum::<f64>());
    }
}
