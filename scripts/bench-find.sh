#!/usr/bin/env bash
# `reso find` (parsing included) beside `fzf --filter` (Debian's fzf) on the
# same clauses of a generated ~50 MB corpus. fzf gets a file holding just
# the clause texts, so it does no parsing at all.
# Needs: apt-get install -y fzf hyperfine
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench-data
cargo build --release --example gen_corpus --example clause_texts
cargo build --release
target/release/examples/gen_corpus 50 > bench-data/corpus.txt
target/release/examples/clause_texts bench-data/corpus.txt > bench-data/clauses.txt
wc -l -c bench-data/clauses.txt
for q in hotline "INTERPOL border" "'trafficking victims" "^Encourag" "data sharing !privacy"; do
    echo "== query: $q"
    hyperfine --warmup 1 --runs 5 --style basic -i \
        "target/release/reso find \"$q\" bench-data/corpus.txt --limit 20 > /dev/null" \
        "fzf --filter \"$q\" < bench-data/clauses.txt > /dev/null"
done
