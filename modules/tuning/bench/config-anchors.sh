#!/usr/bin/env bash
# config-anchors.sh — issue 11's anchors in ONE run: defaults vs PGTune's profile vs Planwright's workload-aware
# advice, on TPC-H (corpus filler, pg_tpch's indexes) and pgbench, on a throw-away Debian PostgreSQL 15 cluster.
#
#   modules/tuning/bench/config-anchors.sh            # defaults below; results in $OUT (default /tmp/pw-config-anchors/out)
#   SF=0.2 SCALE=10 ROUNDS=3 SECONDS_PER_RUN=30 modules/tuning/bench/config-anchors.sh
#
# The machine is shared, so configurations are interleaved in rounds (A B C A B C ...), each with a server
# restart before its TPC-H pass and again before its pgbench runs (the PGTune and Planwright settings differ per
# workload: PGTune dw for TPC-H, oltp for pgbench; Planwright's advice is read after that workload ran under the
# defaults). Per round and configuration: the 22 queries once after the restart as a warm-up (not counted), then
# once measured (psql \timing, client side); pgbench read-write and read-only (-S). summary.md gives per
# configuration the median over the rounds and the spread (min..max), the TPC-H geomean of the per-query medians
# against the defaults, the same ratios paired within each round (median and range over the rounds), and says which
# differences are within noise (config-anchors-summary.py; rerun it alone on a results.csv).
# EXPLAIN (ANALYZE, BUFFERS, SETTINGS) of q1 and q18 under each configuration goes to $OUT/explain/.
# PASSES=N measures the 22 queries N times per round and keeps each query's median (default 1); PGBENCH=0 leaves
# pgbench out (TPC-H only).
#
# Needs: Debian's postgresql-15 (+ contrib for pg_stat_statements), jq, python3, the CLI built
# (./mvnw -pl modules/cli -am install -DskipTests). Runs the server as user postgres when started as root.
# The cluster is deleted at the end (KEEP=1 keeps it). Never touches Debian's "main" cluster.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
CORPUS=${CORPUS:-$ROOT/../../shared/corpus}
[ -d "$CORPUS/sql/tpch" ] || CORPUS=/work/shared/corpus
WORK=${WORK:-/tmp/pw-config-anchors}
OUT=${OUT:-$WORK/out}
SF=${SF:-0.2}
SCALE=${SCALE:-10}
ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-30}
CLIENTS=${CLIENTS:-8}
RAM_GB=${RAM_GB:-16}
CPUS=${CPUS:-2}
STORAGE=${STORAGE:-ssd}
PORT=${PORT:-$((20000 + RANDOM % 20000))}
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGOPTIONS="-c statement_timeout=600s"

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }

rm -rf "$WORK"; mkdir -p "$WORK" "$OUT/explain" "$OUT/conf"
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
DATA=$WORK/data

# the CLI, copied so that a rebuild during the run cannot change it
jar="$(ls "$ROOT"/modules/cli/target/planwright-cli-*.jar | grep -v -e -sources -e -tests | head -1)"
mkdir -p "$WORK/cli"; cp "$jar" "$WORK/cli/"; cp -r "$ROOT/modules/cli/target/lib" "$WORK/cli/lib"
export PLANWRIGHT_CLI_CLASSPATH="$WORK/cli/$(basename "$jar"):$WORK/cli/lib/*"
pw() { "$ROOT/planwright" "$@"; }

log "cluster on port $PORT in $WORK (SF $SF, pgbench scale $SCALE, $ROUNDS rounds, $SECONDS_PER_RUN s per pgbench run)"
as_pg "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C >/dev/null
cat >>"$DATA/postgresql.conf" <<EOF
# config-anchors.sh: the same for every configuration
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
shared_preload_libraries = 'pg_stat_statements'
fsync = off
include_if_exists = 'bench.conf'
EOF
as_pg touch "$DATA/bench.conf"
as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -t 120 start >/dev/null

use_conf() { # $1 = conf file ('' = defaults): copy it in and restart
  if [ -n "$1" ]; then cp "$1" "$DATA/bench.conf"; else : >"$DATA/bench.conf"; fi
  [ "$(id -u)" = 0 ] && chown postgres "$DATA/bench.conf"
  as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -t 300 -m fast restart >/dev/null
}

log "loading TPC-H SF $SF (corpus filler) with pg_tpch's keys and indexes"
psql -X -q -d postgres -c "CREATE DATABASE tpch" -c "CREATE DATABASE bench"
psql -X -q -v ON_ERROR_STOP=1 -d tpch -f "$CORPUS/sql/tpch/schema/tpch-create.sql"
psql -X -q -v ON_ERROR_STOP=1 -v sf="$SF" -d tpch -f "$CORPUS/databases/tpch/tpch-fill-generate_series.sql" >/dev/null
for f in tpch-pkeys tpch-alter tpch-index; do
  psql -X -q -v ON_ERROR_STOP=1 -d tpch -f "$CORPUS/sql/tpch/schema/$f.sql" >/dev/null
done
psql -X -q -d tpch -c "VACUUM ANALYZE" -c "CREATE EXTENSION pg_stat_statements"
log "pgbench -i -s $SCALE"
"$PGBIN/pgbench" -i -q -s "$SCALE" bench 2>>"$OUT/run.log"
psql -X -q -d bench -c "CREATE EXTENSION pg_stat_statements"

tpch_pass() { # $1 = config, $2 = round ('' = warm-up, not recorded); PASSES timed passes, each query's median kept
  local passes=1; [ -n "$2" ] && passes=${PASSES:-1}
  declare -A times=()
  for p in $(seq 1 "$passes"); do
    for n in $(seq 1 22); do
      times[$n]+="$(psql -X -q -d tpch -c '\timing on' -f "$CORPUS/sql/tpch/queries/q$n.sql" 2>&1 \
           | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk '{s += $1} END {printf "%.1f", s}') "
    done
  done
  if [ -n "$2" ]; then
    for n in $(seq 1 22); do
      echo "$2,$1,tpch,q$n,ms,$(tr ' ' '\n' <<<"${times[$n]}" | grep . | sort -g \
        | awk '{v[NR] = $1} END {printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')" \
        >>"$OUT/results.csv"
    done
  fi
  return 0
}
pgbench_runs() { # $1 = config, $2 = round
  for mode in rw ro; do
    local flag=""; [ $mode = ro ] && flag="-S"
    local o
    o=$("$PGBIN/pgbench" -n $flag -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" bench 2>&1)
    echo "$2,$1,pgbench-$mode,tps,tps,$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$o")" >>"$OUT/results.csv"
    echo "$2,$1,pgbench-$mode,latency,ms,$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$o")" >>"$OUT/results.csv"
  done
}

log "PGTune's profiles ($RAM_GB GB, $CPUS CPUs, $STORAGE): dw for TPC-H, oltp for pgbench"
hw=(--ram-gb "$RAM_GB" --cpus "$CPUS" --storage "$STORAGE")
pw config pgtune --db-version 15 --os linux --db-type dw "${hw[@]}" --format conf >"$OUT/conf/pgtune-tpch.conf" 2>/dev/null
pw config pgtune --db-version 15 --os linux --db-type oltp "${hw[@]}" --format conf >"$OUT/conf/pgtune-pgbench.conf" 2>/dev/null

log "Planwright's advice: each workload once under the defaults, then config advise"
reset_stats() { psql -X -q -d "$1" -c "SELECT pg_stat_reset(), pg_stat_statements_reset(), pg_stat_reset_shared('bgwriter')" >/dev/null; }
advise() { # $1 = database, $2 = name, $3... = --trial statements (optional)
  local db=$1 name=$2; shift 2
  local trial=(); [ $# -gt 0 ] && trial=(--trial "$@")
  pw config advise --url "postgresql://postgres@127.0.0.1:$PORT/$db" "${hw[@]}" "${trial[@]}" --format json \
    >"$OUT/conf/advice-$name.json" 2>"$OUT/conf/advice-$name.log"
  jq -r '.recommendations[] | "\(.parameter) = '"'"'\(.recommended)'"'"'"' "$OUT/conf/advice-$name.json" >"$OUT/conf/planwright-$name.conf"
  jq -r '.recommendations[] | "\(.parameter): \(.current) -> \(.recommended)\n  why: \(.reason)\n  evidence: \(.evidence | join("\n  evidence: "))"' \
    "$OUT/conf/advice-$name.json" >"$OUT/conf/advice-$name.txt"
  jq -r '.notProposed[] | "not proposed: \(.parameter) (\(.current) -> \(if .pgtune == "" then "tried; PGTune leaves it" else "PGTune " + .pgtune end)): \(.why)"' \
    "$OUT/conf/advice-$name.json" >>"$OUT/conf/advice-$name.txt"
}
# TRIAL=0 leaves out the settings trial (config advise --trial on the 22 queries)
tpch_trial=(); [ "${TRIAL:-1}" != 0 ] && tpch_trial=("$CORPUS/sql/tpch/queries")
use_conf ""; tpch_pass defaults ""; reset_stats tpch; tpch_pass defaults ""; advise tpch tpch "${tpch_trial[@]}"
[ -n "${ADVISE_ONLY:-}" ] && { log "ADVISE_ONLY: stopping after the advice (cluster kept in $WORK)"; cat "$OUT/conf/advice-tpch.txt"; exit 0; }
if [ "${PGBENCH:-1}" != 0 ]; then
  use_conf ""; reset_stats bench; "$PGBIN/pgbench" -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" bench >/dev/null 2>&1
  advise bench pgbench
fi
for f in "$OUT"/conf/*.conf; do log "$(basename "$f"): $(grep -v '^#' "$f" | grep . | tr '\n' ';' )"; done

echo "round,config,workload,item,unit,value" >"$OUT/results.csv"
conf_of() { # $1 = config, $2 = tpch|pgbench
  case $1 in defaults) echo "" ;; pgtune) echo "$OUT/conf/pgtune-$2.conf" ;; planwright) echo "$OUT/conf/planwright-$2.conf" ;; esac
}
for r in $(seq 1 "$ROUNDS"); do
  for c in defaults pgtune planwright; do
    log "round $r: $c, TPC-H"
    use_conf "$(conf_of $c tpch)"
    tpch_pass "$c" ""
    tpch_pass "$c" "$r"
    if [ "$r" = 1 ]; then
      for q in 1 18; do
        (echo "EXPLAIN (ANALYZE, BUFFERS, SETTINGS)"; grep -v '^--' "$CORPUS/sql/tpch/queries/q$q.sql") \
          | psql -X -q -d tpch >"$OUT/explain/$c-q$q.txt" 2>&1
      done
    fi
    [ "${PGBENCH:-1}" = 0 ] && continue
    log "round $r: $c, pgbench"
    use_conf "$(conf_of $c pgbench)"
    pgbench_runs "$c" "$r"
  done
done

python3 "$(dirname "${BASH_SOURCE[0]}")/config-anchors-summary.py" "$OUT/results.csv" >"$OUT/summary.md"
log "done: $OUT/summary.md"
cat "$OUT/summary.md"
if [ -z "${KEEP:-}" ]; then as_pg "$PGBIN/pg_ctl" -D "$DATA" -w -m fast stop >/dev/null; rm -rf "$DATA"; fi
