#!/usr/bin/env bash
# The issue's "Done means" measurement through the CLI: `planwright advise --trial` (default advice, no budget) on
# the 22 TPC-H query files against an already loaded database (bench/tpch-pg15.sh: SF 0.2, primary keys only,
# HypoPG), N times, each report kept as bench-out/trial-N.md, with a summary line per run.
# Usage: bench/tpch-advise-trial.sh URL [N]
set -euo pipefail
cd "$(dirname "$0")/.."
url=$1; n=${2:-2}; out=${BENCH_OUT:-/tmp/pw-advice-bench-out}; mkdir -p "$out"
for i in $(seq "${FIRST:-1}" $((${FIRST:-1} + n - 1))); do
  ./planwright advise --url "$url" -U postgres --statement-timeout 30s --trial --allow-locking-builds \
    --format markdown /work/shared/corpus/sql/tpch/queries > "$out/trial-$i.md" 2> "$out/trial-$i.err"
  f="$out/trial-$i.md"
  echo "run $i: advice $(grep -o 'EXPLAINs, [0-9.]* s' "$f" | cut -d' ' -f2) s;" \
    "$(grep '^Measured' "$f" | sed 's/ (sum of best times)//; s/; built.*//')"
  grep -E '^\| q(17|20)\.sql' "$f" | awk -F'|' '{print "   " $2 "before" $5 "after" $6}'
  grep -E '^\| [0-9]+ \| index' "$f" | awk -F'|' '{print "   " $4 "| est " $5 "| size " $6 "| measured " substr($8, 1, 60)}'
done
