#!/bin/sh
# Regenerates the fixtures of this folder from a running PostgreSQL with Pagila loaded
# (corpus databases/pagila/pagila-schema.sql + pagila-data.sql, then ANALYZE).
# usage: PSQL="psql -h HOST -p PORT -U postgres -d pagila" ./make-fixtures.sh
set -e
: "${PSQL:?set PSQL to a psql command line connected to the pagila database}"
SERIAL="set max_parallel_workers_per_gather=0; set jit=off"
PARALLEL="set max_parallel_workers_per_gather=2; set parallel_setup_cost=0; set parallel_tuple_cost=0; set min_parallel_table_scan_size=0; set jit=off"
SETUP="$SERIAL"
q() { # name, options, query
  for f in json xml yaml text; do
    $PSQL -X -q -A -t -c "$SETUP" -c "begin" -c "explain ($2, format $f) $3" -c "rollback" > "pagila-$1.$f"
    [ $f = text ] && mv "pagila-$1.text" "pagila-$1.txt"
  done
}
A="analyze, buffers, verbose, settings, wal, serialize, memory"
q group-sort "$A" "select c.first_name, count(*) from customer c join rental r on r.customer_id = c.customer_id where c.store_id = 1 group by 1 order by 2 desc limit 5"
q cte-subplan "$A" "with top as (select customer_id, sum(amount) s from payment group by 1 order by 2 desc limit 10) select c.last_name, t.s, (select count(*) from rental r where r.customer_id = c.customer_id) from top t join customer c using (customer_id)"
SETUP="$PARALLEL"
q parallel "$A" "select count(*), sum(amount) from payment where amount > 5"
SETUP="$SERIAL"
q incremental-sort "$A" "select * from rental order by rental_date, customer_id limit 50"
q update-trigger "$A" "update film set rental_rate = rental_rate + 0 where film_id < 20"
q plain-index "costs, verbose" "select * from film f join film_actor fa using (film_id) where f.title like 'A%' and fa.actor_id = 7"
