#!/usr/bin/env bash
# `reso find` (parsing included) beside `fzf --filter` (Debian's fzf) on the
# same clauses of a generated ~50 MB corpus. fzf gets a file holding just
# the clause texts, so it does no parsing at all.
# Needs: apt-get install -y fzf hyperfine python3
# ROUNDS=N repeats the whole query set N times (default 3): on a shared
# machine the load changes from minute to minute, so each query is timed
# in every round, reso and fzf in the same hyperfine run, and the summary
# gives each one's median over all runs and its range.
set -euo pipefail
cd "$(dirname "$0")/.."
T="${CARGO_TARGET_DIR:-target}"
ROUNDS="${ROUNDS:-3}"
mkdir -p bench-data/runs
cargo build --release --example gen_corpus --example clause_texts
cargo build --release
"$T"/release/examples/gen_corpus 50 > bench-data/corpus.txt
"$T"/release/examples/clause_texts bench-data/corpus.txt > bench-data/clauses.txt
wc -l -c bench-data/clauses.txt
QUERIES=(hotline "data sharing" INTERPOL trafficing "INTERPOL border" "'trafficking victims" "^Encourag"
    "data sharing !privacy" "1/3 op 4 a ii")
rm -f bench-data/runs/*.json
for ((round = 1; round <= ROUNDS; round++)); do
    for k in "${!QUERIES[@]}"; do
        q="${QUERIES[$k]}"
        echo "== round $round, query: $q"
        hyperfine --warmup 1 --runs 5 --style basic -i --export-json "bench-data/runs/$round-$k.json" \
            "$T/release/reso find \"$q\" bench-data/corpus.txt --limit 20 > /dev/null" \
            "fzf --filter \"$q\" < bench-data/clauses.txt > /dev/null"
    done
done
# Every run of every round: the median and the range, per query.
python3 - "${QUERIES[@]}" <<'PY'
import glob, json, statistics, sys
queries = sys.argv[1:]
print(f"{'query':<24} {'reso find: median (range)':>28} {'fzf --filter: median (range)':>30}")
for k, q in enumerate(queries):
    times = [[], []]
    for path in glob.glob(f"bench-data/runs/*-{k}.json"):
        for i, r in enumerate(json.load(open(path))["results"]):
            times[i] += r["times"]
    cells = [f"{statistics.median(t):.2f} s ({min(t):.2f}–{max(t):.2f})" for t in times]
    print(f"{q:<24} {cells[0]:>28} {cells[1]:>30}")
PY
