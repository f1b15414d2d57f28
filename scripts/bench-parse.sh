#!/usr/bin/env bash
# Parse throughput and peak memory on a generated ~50 MB corpus, beside
# `wc -l` on the same file as a reference for reading speed.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench-data
cargo build --release --example gen_corpus --example parse_file
target/release/examples/gen_corpus 50 > bench-data/corpus.txt
ls -l bench-data/corpus.txt
echo "== wc -l"
/usr/bin/time -f "%e s, peak %M KB" wc -l bench-data/corpus.txt
echo "== reso parse (3 runs)"
for _ in 1 2 3; do
    /usr/bin/time -f "%e s, peak %M KB" target/release/examples/parse_file bench-data/corpus.txt
done
echo "== divan benchmark"
cargo bench --bench parse
