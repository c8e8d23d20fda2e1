#!/usr/bin/env bash
# config-apply-demo.sh — Planwright's advice applied and measured from the CLI on a throw-away Debian PostgreSQL 15
# cluster (issue 11, "Done means"): TPC-H SF 0.2 with pg_tpch's indexes and pgbench scale 10; each workload runs once
# under the defaults, then `planwright config apply --from-advice --measure pgbench --yes` applies the live
# recommendations (restart-only ones are prepared, not applied), measures a baseline and an after window with the
# workload's own pgbench script, and keeps or reverts them. Prints each run's JSON verdict; the cluster is deleted.
set -euo pipefail
ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
PGBIN=/usr/lib/postgresql/15/bin
CORPUS=${CORPUS:-/work/shared/corpus}
WORK=${WORK:-/tmp/pw-config-apply-demo}
SECONDS_PER_WINDOW=${SECONDS_PER_WINDOW:-60}
PORT=$((20000 + RANDOM % 20000))
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PLANWRIGHT_HOME=$WORK/home
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
rm -rf "$WORK"; mkdir -p "$WORK/home"; [ "$(id -u)" = 0 ] && chown postgres "$WORK"
as_pg "$PGBIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nshared_preload_libraries = 'pg_stat_statements'\nfsync = off\n" \
  "$PORT" "$WORK" >>"$WORK/data/postgresql.conf"
as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/server.log" -w start >/dev/null
trap 'as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -w -m fast stop >/dev/null; rm -rf "$WORK/data"' EXIT
psql -X -q -d postgres -c "CREATE DATABASE tpch" -c "CREATE DATABASE bench"
psql -X -q -v ON_ERROR_STOP=1 -d tpch -f "$CORPUS/sql/tpch/schema/tpch-create.sql"
psql -X -q -v ON_ERROR_STOP=1 -v sf=0.2 -d tpch -f "$CORPUS/databases/tpch/tpch-fill-generate_series.sql" >/dev/null
for f in tpch-pkeys tpch-alter tpch-index; do psql -X -q -d tpch -f "$CORPUS/sql/tpch/schema/$f.sql" >/dev/null; done
psql -X -q -d tpch -c "VACUUM ANALYZE" -c "CREATE EXTENSION pg_stat_statements"
"$PGBIN/pgbench" -i -q -s 10 bench 2>/dev/null
psql -X -q -d bench -c "CREATE EXTENSION pg_stat_statements"
# the TPC-H workload as one pgbench transaction: the queries without DDL (q15 creates a view), one after another
for n in 1 3 4 5 6 7 8 9 10 11 12 13 14 16 17 18 19 20 21 22; do grep -v '^--' "$CORPUS/sql/tpch/queries/q$n.sql"; done \
  >"$WORK/tpch.sql"
psql -X -q -d tpch -f "$WORK/tpch.sql" >/dev/null   # once under the defaults: the advisor's evidence
"$PGBIN/pgbench" -n -c 8 -j 2 -T 30 bench >/dev/null 2>&1
hw=(--ram-gb 16 --cpus 2 --storage ssd --format json --yes --duration "${SECONDS_PER_WINDOW}s")
echo "== TPC-H"
"$ROOT/planwright" config apply --url "postgresql://postgres@127.0.0.1:$PORT/tpch" --from-advice --measure pgbench \
  --pgbench-script "$WORK/tpch.sql" --clients 1 "${hw[@]}" | jq '{live, restartOnly: [.restartOnly[].alterSystem], verdict: .verdict.text, kept}'
echo "== pgbench"
"$ROOT/planwright" config apply --url "postgresql://postgres@127.0.0.1:$PORT/bench" --from-advice --measure pgbench \
  --clients 8 "${hw[@]}" | jq '{live, restartOnly: [.restartOnly[].alterSystem], verdict: .verdict.text, kept}'
