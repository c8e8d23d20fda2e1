#!/bin/sh
# Renders two plans of ../formats through real psql output styles: each plan's lines are selected as rows of
# a "QUERY PLAN" column (text plan) or as one multi-line value (JSON plan), exactly as psql prints EXPLAIN.
# usage: PSQL="psql -h HOST -p PORT -U postgres -d postgres" ./make-fixtures.sh
set -e
: "${PSQL:?set PSQL to a psql command line}"
TEXT=../formats/pagila-cte-subplan.txt
JSON=../formats/pagila-plain-index.json
text_query() { printf 'select l as "QUERY PLAN" from unnest(string_to_array($plan$%s$plan$, E'"'"'\\n'"'"')) with ordinality u(l, n) order by n' "$(cat "$TEXT")"; }
json_query() { printf 'select $plan$%s$plan$ as "QUERY PLAN"' "$(cat "$JSON")"; }
render() { # name, psql \pset commands
  { echo "$2"; text_query; echo ";"; } | $PSQL -X -q > "text-$1.txt"
  { echo "$2"; json_query; echo ";"; } | $PSQL -X -q > "json-$1.txt"
}
render aligned-border0 '\pset border 0'
render aligned-border1 '\pset border 1'
render aligned-border2 '\pset border 2'
render unicode-border1 '\pset linestyle unicode
\pset border 1'
render unicode-border2 '\pset linestyle unicode
\pset border 2'
render unicode-double '\pset linestyle unicode
\pset unicode_border_linestyle double
\pset unicode_header_linestyle double
\pset border 2'
render unaligned '\pset format unaligned'
render unaligned-tuples-only '\pset format unaligned
\pset tuples_only on'
render wrapped-80 '\pset format wrapped
\pset columns 80'
render wrapped-60-border2 '\pset format wrapped
\pset columns 60
\pset border 2'
render old-ascii '\pset linestyle old-ascii'
render csv '\pset format csv'
render expanded '\x on'
render unicode-wrapped-70 '\pset format wrapped
\pset columns 70
\pset linestyle unicode
\pset border 2'
