#!/usr/bin/env bash
# Whole-command benchmark of `vnplan compare` on a scaled family set (one
# province, 10 districts, 150 communes, written by make_compare_bench.py):
# wall time from paths and from a dataset, and the findings against the
# set's own gold (precision and recall). Usage: scripts/bench_compare.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
cargo build --release --quiet
bin=target/release/vnplan
rm -rf "$out/set" "$out/plans.sqlite"
python3 scripts/make_compare_bench.py "$out/set"
now() { date +%s.%N; }
t0=$(now); "$bin" compare -q "$out/set" -o "$out/from_paths.json"; t1=$(now)
"$bin" index -q "$out/set" --db "$out/plans.sqlite"
t2=$(now); "$bin" compare -q --db "$out/plans.sqlite" -o "$out/from_db.json"; t3=$(now)
"$bin" compare -q --db "$out/plans.sqlite" -o "$out/report.html"
python3 - "$out" "$t0" "$t1" "$t2" "$t3" <<'PY'
import json, sys
out, t0, t1, t2, t3 = sys.argv[1], *map(float, sys.argv[2:])
c = json.load(open(f"{out}/from_paths.json"))
d = json.load(open(f"{out}/from_db.json"))
g = json.load(open(f"{out}/set/gold.json"))
rel = lambda p: p.split("/set/", 1)[-1]
gold = {(f["kind"], f["child"]) for f in g["findings"]}
got = {(f["kind"], rel(f["child"])) for f in c["findings"]}
ok = len(gold & got)
print(f"documents {c['summary']['documents']}, families {c['summary']['families']}, findings {len(c['findings'])}")
print(f"compare from paths (extraction included): {t1 - t0:.2f} s; from the dataset: {t3 - t2:.2f} s")
print(f"precision {ok}/{len(got)}, recall {ok}/{len(gold)}; same findings from the dataset: {c['findings'] == d['findings']}")
print(f"report: {out}/report.html")
PY
