#!/usr/bin/env bash
# Planwright's plan reader beside PEV2's plan service, back to back on the same plan files (bench/pev2/README.md).
#
#   bench/pev2/side-by-side.sh [PEV2_DIR]        # PEV2_DIR: scratch folder with node_modules/pev2, default /tmp/pev2
#
# 1. `planwright bench --no-corpus --save-synthetic DIR` measures the synthetic plans (Append over 1,200, 10,000
#    and 100,000 Seq Scans, joins of 1,608 and 100,000 nodes; 10 warm-up + 10 timed runs each) and writes them out;
# 2. plan-service-bench.mjs reads the same files with PEV2 under Node (10 warm-up + 10 timed runs each);
# 3. a table: wall-clock medians and process CPU means of both, Jackson's readTree of the same text (same JVM
#    run), and PEV2 / Planwright. Environment: ITERATIONS (default 10), NODE (default node), SHAPES (file names), MAX_NODES
#    (bench --max-nodes, for a quick try), WARM_UP_MS (both sides also warm up for at least that many ms; default 0).
set -euo pipefail
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PEV2_DIR="${1:-/tmp/pev2}"
ITERATIONS="${ITERATIONS:-10}"
WARM_UP_MS="${WARM_UP_MS:-0}"
NODE="${NODE:-node}"
SHAPES="${SHAPES:-synthetic-append-over-1200-seq-scans.json synthetic-1608-node-join-plan.json synthetic-append-over-10000-seq-scans.json synthetic-append-over-100000-seq-scans.json}"
OUT="$(mktemp -d /tmp/planwright-pev2.XXXXXX)"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs; files in $OUT"
"$ROOT/planwright" bench --no-corpus --iterations "$ITERATIONS" --min-warm-up-ms "$WARM_UP_MS" ${MAX_NODES:+--max-nodes "$MAX_NODES"} --save-synthetic "$OUT" > "$OUT/planwright.txt"
echo "load average between: $(cut -d' ' -f1-3 /proc/loadavg)"
files=()
for f in $SHAPES; do files+=("$OUT/$f"); done
"$NODE" --max-old-space-size=4096 "$ROOT/bench/pev2/plan-service-bench.mjs" --pev2 "$PEV2_DIR" \
    --iterations "$ITERATIONS" --min-warm-up-ms "$WARM_UP_MS" "${files[@]}" > "$OUT/pev2.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
head -1 "$OUT/planwright.txt"
head -1 "$OUT/pev2.txt"
echo
# planwright.txt: a block per input ("synthetic Append over 1,200 Seq Scans: 1,201 nodes, ..." then indented lines);
# pev2.txt: "FILE: N nodes, median X ms, p90 Y ms, process CPU mean Z ms"
awk '
  function slug(s) { s = tolower(s); gsub(/,/, "", s); gsub(/[^a-z0-9]+/, "-", s); sub(/^-/, "", s); sub(/-$/, "", s); return s ".json" }
  FNR == NR {
    if ($0 ~ /^[^ ].*: [0-9,]+ nodes, /) { name = substr($0, 1, index($0, ": ") - 1); key = slug(name); names[key] = name }
    else if ($0 ~ /^  parse \+ compute \+ insights: median/) { ours[key] = $7 }
    else if ($0 ~ /^  process CPU time, means:/) { oursCpu[key] = $10; jacksonCpu[key] = $14 }
    else if ($0 ~ /^  baseline Jackson readTree:  median/) { jackson[key] = $5 }
    next
  }
  /^[^ ]+\.json: / {
    key = substr($1, 1, length($1) - 1)
    if (!(key in ours)) next
    n++
    printf "| %s | %s | %s | %s | %.1fx | %s | %s | %s | %.1fx | %.1fx |\n", names[key], ours[key], jackson[key], $5,
        $5 / ours[key], oursCpu[key], jacksonCpu[key], $13, $13 / oursCpu[key], ours[key] / jackson[key]
  }
  BEGIN {
    print "| plan | Planwright ms | Jackson readTree ms | PEV2 ms | PEV2 / Planwright | Planwright CPU ms | Jackson CPU ms | PEV2 CPU ms | PEV2 / Planwright (CPU) | Planwright / Jackson |"
    print "|---|---|---|---|---|---|---|---|---|---|"
  }
' "$OUT/planwright.txt" "$OUT/pev2.txt"
echo
echo "wall-clock medians and process CPU means of $ITERATIONS timed runs after $ITERATIONS warm-up runs (and at least $WARM_UP_MS ms); Planwright: parse + compute + insights"
