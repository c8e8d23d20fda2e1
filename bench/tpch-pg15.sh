#!/usr/bin/env bash
# Starts a throw-away Debian PostgreSQL 15 cluster (HypoPG, pg_qualstats) and loads TPC-H from the corpus filler
# with primary keys only, as DebianPostgres15.tpchPrimaryKeysOnly does. Usage: bench/tpch-pg15.sh DIR PORT [SF]
# Prints the JDBC URL. Stop it with: su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D DIR/data stop"
set -euo pipefail
dir=$1; port=$2; sf=${3:-0.2}
bin=/usr/lib/postgresql/15/bin
corpus=$(cd "$(dirname "$0")/../.." && pwd)/shared/corpus
[ -d "$corpus" ] || corpus=/work/shared/corpus
mkdir -p "$dir"; chown postgres "$dir"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
as_pg "$bin/initdb -D $dir/data -U postgres -A trust -E UTF8 --locale=C --no-sync" >/dev/null
cat >> "$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
shared_preload_libraries = 'pg_qualstats'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
as_pg "$bin/pg_ctl -D $dir/data -l $dir/server.log -w -t 60 start" >/dev/null
psql() { /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$port" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "CREATE DATABASE tpch"
psql -d tpch -f "$corpus/sql/tpch/schema/tpch-create.sql" >/dev/null
psql -d tpch -v sf="$sf" -f "$corpus/databases/tpch/tpch-fill-generate_series.sql" >/dev/null
psql -d tpch -f "$corpus/sql/tpch/schema/tpch-pkeys.sql" >/dev/null
# the filler commits asynchronously: flush the WAL first, or VACUUM leaves pages without their all-visible bit
# (docs/learning.md, session 6) and index-only scans are costed as heap visits
psql -d tpch -c "CHECKPOINT" -c "VACUUM ANALYZE" -c "CREATE EXTENSION hypopg" -c "CREATE EXTENSION pg_qualstats"
echo "jdbc:postgresql://127.0.0.1:$port/tpch"
