#!/usr/bin/env bash
# Runs only the advisor of TpchIndexBenchmark against an already loaded database: bench/advise-only.sh URL [-Dx=y...]
cd "$(dirname "$0")/.." && url=$1 && shift
./mvnw -B -q -o -pl modules/advice test -Dtest=TpchIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dplanwright.bench.tpch=true -Dplanwright.bench.url="$url" -Dplanwright.bench.adviceOnly=true "$@" 2>&1 \
  | grep -v '^\[\|^SLF4J\|^$'
