fn main() {
    for f in std::env::args().skip(1) {
        let bytes = std::fs::read(&f).unwrap();
        print!("{}", reso::document::read::pdf::dump_lines(&bytes));
    }
}
