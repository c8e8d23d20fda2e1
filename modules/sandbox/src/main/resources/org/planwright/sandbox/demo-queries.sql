-- Planwright demo queries for the demo dataset (database "demo"). Each query starts with header lines:
--   -- @query <id>        a stable identifier
--   -- @title <text>      one line for a list
--   -- @shows <text>      what the plan shows and what fixes it (may repeat; lines are joined)
--   -- @setting <name>=<value>   a session setting to apply before EXPLAIN (optional, may repeat)
-- followed by one SQL statement ending with a semicolon.

-- @query orders-of-one-customer
-- @title Orders of one customer (unindexed foreign key)
-- @shows Seq Scan on orders with a Filter that removes almost every row: orders.customer_id has no index.
-- @shows CREATE INDEX ON orders (customer_id) turns it into a Bitmap or Index Scan.
SELECT order_id, ordered_at, status, total_amount
FROM orders
WHERE customer_id = 42
ORDER BY ordered_at DESC;

-- @query sales-of-one-product
-- @title Sales of one product (slow join on a missing index)
-- @shows The product is found by its unique SKU index, but all order_items are read (Seq Scan) to find its
-- @shows lines: order_items.product_id has no index.
SELECT p.name, sum(oi.quantity) AS units, sum(oi.quantity * oi.unit_price) AS revenue
FROM products p
JOIN order_items oi ON oi.product_id = p.product_id
WHERE p.sku = 'SKU-0000017'
GROUP BY p.name;

-- @query berlin-customers
-- @title Customers in Berlin, Germany (row misestimate from correlated columns)
-- @shows The planner multiplies the selectivities of country = 'DE' and city = 'Berlin' as if independent and
-- @shows underestimates the rows several times over; the join above it is planned for too few rows.
-- @shows CREATE STATISTICS ON country, city FROM customers; ANALYZE customers; fixes the estimate.
SELECT c.customer_id, c.full_name, count(o.order_id) AS orders
FROM customers c
JOIN orders o ON o.customer_id = c.customer_id
WHERE c.country = 'DE' AND c.city = 'Berlin'
GROUP BY c.customer_id, c.full_name;

-- @query biggest-order-per-customer
-- @title Biggest order of each customer (sort spills to disk)
-- @setting work_mem=64kB
-- @shows With work_mem at 64 kB the Sort of all orders does not fit in memory: "Sort Method: external merge
-- @shows Disk: ..." and temp buffers read and written. More work_mem makes it an in-memory quicksort.
SELECT DISTINCT ON (customer_id) customer_id, order_id, total_amount
FROM orders
ORDER BY customer_id, total_amount DESC;

-- @query events-of-one-day
-- @title Events of one day (no index on the timestamp)
-- @shows Seq Scan on events with a Filter on occurred_at that keeps well under 1 % of the rows: events has no
-- @shows index on occurred_at. A B-tree (or a BRIN index, the table being filled in time order) fixes it.
SELECT event_type, count(*) AS events
FROM events
WHERE occurred_at >= timestamptz '2025-10-30 00:00:00+00'
  AND occurred_at <  timestamptz '2025-10-31 00:00:00+00'
GROUP BY event_type
ORDER BY events DESC;

-- @query fraud-reviews
-- @title Orders waiting for a fraud review (rare status value)
-- @shows One order in a thousand has status 'fraud_review'; the estimate is good (most-common-values list),
-- @shows yet the whole table is scanned. A partial index ON orders (order_id) WHERE status = 'fraud_review' fits.
SELECT order_id, customer_id, ordered_at, total_amount
FROM orders
WHERE status = 'fraud_review';

-- @query payments-of-todays-orders
-- @title Payments of today's orders (missing index on the join key)
-- @shows Today's orders come cheaply from the ordered_at index, but payments is read in full (Seq Scan) and
-- @shows hashed to join them: payments.order_id has no index.
SELECT o.order_id, o.total_amount, p.method, p.status, p.amount
FROM orders o
JOIN payments p ON p.order_id = o.order_id
WHERE o.ordered_at >= timestamptz '2025-10-31 00:00:00+00';

-- @query enterprise-order-counts
-- @title Order counts of the enterprise accounts (SubPlan repeated per row)
-- @shows A correlated subquery becomes a SubPlan that scans orders once per enterprise customer (loops = 5):
-- @shows its exclusive time is the loops times one full scan. A join with GROUP BY, or the missing index, fixes it.
SELECT c.customer_id, c.full_name,
       (SELECT count(*) FROM orders o WHERE o.customer_id = c.customer_id) AS orders
FROM customers c
WHERE c.segment = 'enterprise';
