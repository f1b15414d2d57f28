#!/usr/bin/env bash
# `reso find` (parsing included) beside `fzf --filter` (Debian's fzf) on the
# same clauses of a generated ~50 MB corpus. fzf gets a file holding just
# the clause texts, so it does no parsing at all.
# Needs: apt-get install -y fzf hyperfine
set -euo pipefail
cd "$(dirname "$0")/.."
T="${CARGO_TARGET_DIR:-target}"
mkdir -p bench-data
cargo build --release --example gen_corpus --example clause_texts
cargo build --release
"$T"/release/examples/gen_corpus 50 > bench-data/corpus.txt
"$T"/release/examples/clause_texts bench-data/corpus.txt > bench-data/clauses.txt
wc -l -c bench-data/clauses.txt
for q in hotline "data sharing" INTERPOL trafficing "INTERPOL border" "'trafficking victims" "^Encourag" \
    "data sharing !privacy" "1/3 op 4 a ii"; do
    echo "== query: $q"
    hyperfine --warmup 1 --runs 5 --style basic -i \
        "$T/release/reso find \"$q\" bench-data/corpus.txt --limit 20 > /dev/null" \
        "fzf --filter \"$q\" < bench-data/clauses.txt > /dev/null"
done
