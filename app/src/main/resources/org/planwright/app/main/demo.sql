-- Welcome to Planwright. Put the cursor in a statement, then press
--   Ctrl+Enter        run it                 Ctrl+Shift+Enter  run the whole script
--   Ctrl+E            show its plan          Ctrl+Shift+E      EXPLAIN ANALYZE (rolled back)

-- The biggest tables of this database
SELECT c.relname AS table_name,
       c.reltuples::bigint AS estimated_rows,
       pg_size_pretty(pg_total_relation_size(c.oid)) AS total_size
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY pg_total_relation_size(c.oid) DESC
LIMIT 20;

-- A join with an aggregate: try Ctrl+Shift+E here
SELECT n.nspname AS schema_name, count(*) AS tables, sum(c.reltuples)::bigint AS rows
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
GROUP BY n.nspname
ORDER BY rows DESC;
