#!/usr/bin/env bash
# Full TpchIndexBenchmark (advice, then each query timed with and without the advised indexes) against an
# already loaded database (bench/tpch-pg15.sh): bench/tpch-bench.sh URL [-Dplanwright.bench.budgetMb=180 ...]
cd "$(dirname "$0")/.." && url=$1 && shift
./mvnw -B -q -o -pl modules/advice test -Dtest=TpchIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dplanwright.bench.tpch=true -Dplanwright.bench.url="$url" "$@" 2>&1 | grep -v '^\[\|^SLF4J\|^$\|Planning'
