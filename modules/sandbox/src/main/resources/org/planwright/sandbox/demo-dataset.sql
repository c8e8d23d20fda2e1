-- Planwright demo dataset: a small web shop with its operations data, generated inside PostgreSQL.
-- Steps start with "-- @step <weight> <message>"; ${name} placeholders are whole numbers computed from the
-- scale factor by DemoDataset (customers, products, orders, events, huge_share_permille). Every step runs in
-- auto-commit mode on one session; the marker table planwright_demo_complete is written by the last step only.
-- Missing indexes are deliberate (see the table comments): orders.customer_id, order_items.product_id,
-- payments.order_id, events.occurred_at and events.customer_id.

-- @step 1 Creating the shop schema
DROP TABLE IF EXISTS planwright_demo_complete, events, payments, order_items, orders, products, customers CASCADE;
DROP TABLE IF EXISTS pg_temp.demo_cities, pg_temp.demo_categories, pg_temp.demo_orders;
SELECT setseed(0.2025);
-- session settings for the generation only: room for hash aggregates, sorts and index builds
SET work_mem = '64MB';
SET maintenance_work_mem = '256MB';
CREATE TABLE customers (
    customer_id  integer NOT NULL,
    email        text    NOT NULL,
    full_name    text    NOT NULL,
    country      char(2) NOT NULL,
    city         text    NOT NULL,
    segment      text    NOT NULL,
    signup_date  date    NOT NULL,
    is_active    boolean NOT NULL
);
CREATE TABLE products (
    product_id       integer       NOT NULL,
    sku              text          NOT NULL,
    name             text          NOT NULL,
    category         text          NOT NULL,
    subcategory      text          NOT NULL,
    price            numeric(10,2) NOT NULL,
    weight_grams     integer       NOT NULL,
    is_discontinued  boolean       NOT NULL
);
CREATE TABLE orders (
    order_id          bigint        NOT NULL,
    customer_id       integer       NOT NULL,
    ordered_at        timestamptz   NOT NULL,
    status            text          NOT NULL,
    channel           text          NOT NULL,
    shipping_country  char(2)       NOT NULL,
    item_count        integer       NOT NULL,
    total_amount      numeric(12,2) NOT NULL
);
CREATE TABLE order_items (
    order_id    bigint        NOT NULL,
    line_no     smallint      NOT NULL,
    product_id  integer       NOT NULL,
    quantity    integer       NOT NULL,
    unit_price  numeric(10,2) NOT NULL,
    discount    numeric(4,2)  NOT NULL
);
CREATE TABLE payments (
    payment_id  bigint        NOT NULL,
    order_id    bigint        NOT NULL,
    method      text          NOT NULL,
    status      text          NOT NULL,
    amount      numeric(12,2) NOT NULL,
    paid_at     timestamptz   NOT NULL
);
CREATE TABLE events (
    event_id     bigint      NOT NULL,
    occurred_at  timestamptz NOT NULL,
    customer_id  integer,
    session_id   bigint      NOT NULL,
    event_type   text        NOT NULL,
    page         text        NOT NULL,
    duration_ms  integer     NOT NULL
);
-- cities with their country (the correlated pair behind the row-misestimate demo query); weight = popularity rank
CREATE TEMP TABLE demo_cities (idx int PRIMARY KEY, country char(2), city text);
INSERT INTO demo_cities VALUES
 (1,'DE','Berlin'),(2,'GB','London'),(3,'FR','Paris'),(4,'DE','Hamburg'),(5,'DE','Munich'),(6,'US','New York'),
 (7,'ES','Madrid'),(8,'IT','Rome'),(9,'NL','Amsterdam'),(10,'FR','Lyon'),(11,'GB','Manchester'),
 (12,'DE','Cologne'),(13,'US','Chicago'),(14,'ES','Barcelona'),(15,'IT','Milan'),(16,'PL','Warsaw'),
 (17,'AT','Vienna'),(18,'CH','Zurich'),(19,'SE','Stockholm'),(20,'US','Austin'),(21,'DK','Copenhagen'),
 (22,'BE','Brussels'),(23,'PT','Lisbon'),(24,'IE','Dublin');
CREATE TEMP TABLE demo_categories (idx int PRIMARY KEY, category text, subcategories text[]);
INSERT INTO demo_categories VALUES
 (1,'books',ARRAY['fiction','non-fiction','comics','textbooks']),
 (2,'electronics',ARRAY['phones','laptops','audio','cables']),
 (3,'home',ARRAY['kitchen','bedding','decor','lighting']),
 (4,'fashion',ARRAY['shoes','shirts','jackets','accessories']),
 (5,'toys',ARRAY['puzzles','lego','dolls','outdoor']),
 (6,'sports',ARRAY['running','cycling','fitness','camping']),
 (7,'garden',ARRAY['tools','plants','furniture','irrigation']),
 (8,'beauty',ARRAY['skincare','makeup','fragrance','hair']),
 (9,'grocery',ARRAY['coffee','snacks','tea','spices']),
 (10,'office',ARRAY['paper','pens','chairs','printers']),
 (11,'pets',ARRAY['dog','cat','aquarium','bird']),
 (12,'automotive',ARRAY['tyres','oil','tools','electronics']);

-- @step 6 Generating customers (skewed cities, a few enterprise accounts)
INSERT INTO customers
SELECT g,
       'customer' || g || '@example.' || (ARRAY['com','net','org','de','fr'])[1 + g % 5],
       (ARRAY['Anna','Ben','Chloe','David','Emma','Felix','Grace','Hugo','Ines','Jonas','Karla','Leo','Mia',
              'Noah','Olivia','Paul'])[1 + (g * 7) % 16] || ' ' ||
       (ARRAY['Meyer','Smith','Martin','Rossi','Garcia','Jansen','Nowak','Dubois','Schmidt','Brown','Moreau',
              'Fischer','Silva','Novak','Weber','Lopez'])[1 + (g * 13) % 16],
       c.country, c.city,
       CASE WHEN g <= 5 THEN 'enterprise' WHEN s.r < 0.10 THEN 'business' ELSE 'consumer' END,
       date '2019-01-01' + ((g::float8 / ${customers}) * (date '2025-09-30' - date '2019-01-01'))::int
                         - (random() * 20)::int,
       random() > 0.02
FROM (SELECT g, random() AS r, 1 + floor(power(random(), 1.7) * 24)::int AS ci
      FROM generate_series(1, ${customers}) g) s
JOIN demo_cities c ON c.idx = s.ci;
ANALYZE customers;

-- @step 2 Generating products (popular categories, long price tail)
INSERT INTO products
SELECT g,
       'SKU-' || lpad(g::text, 7, '0'),
       initcap(cat.subcategories[1 + g % 4]) || ' ' ||
       (ARRAY['Classic','Pro','Mini','Max','Eco','Plus','Lite','Prime'])[1 + (g * 3) % 8] || ' ' || g,
       cat.category,
       cat.subcategories[1 + g % 4],
       round(exp(1.5 + random() * 4.5)::numeric, 2),
       50 + (random() * 5000)::int,
       random() < 0.03
FROM (SELECT g, 1 + floor(power(random(), 1.5) * 12)::int AS ci FROM generate_series(1, ${products}) g) s
JOIN demo_categories cat ON cat.idx = s.ci;
ALTER TABLE products ADD PRIMARY KEY (product_id);

-- @step 4 Drafting orders (Zipf-like customers, recent dates)
-- customer: a few huge accounts (ids 1..5) get ${huge_share_permille} per mille of all orders; the others
-- (ids 6..n) follow a power law, P(id - 5 <= k) = (k/(n-5))^(1/3): the top 1 % place about a fifth of the orders
CREATE TEMP TABLE demo_orders AS
SELECT g AS order_id,
       CASE WHEN r1 < ${huge_share_permille} / 1000.0 THEN 1 + floor(random() * 5)::int
            ELSE 6 + floor(power(random(), 3) * (${customers} - 5))::int END AS customer_id,
       timestamptz '2025-10-31 22:00:00+00' - power(random(), 2.5) * interval '1095 days'
           - random() * interval '22 hours' AS ordered_at,
       1 + floor(power(random(), 2) * 6)::int AS item_count,
       random() AS r2,
       random() AS r3
FROM (SELECT g, random() AS r1 FROM generate_series(1, ${orders}) g) s;
ANALYZE demo_orders;

-- @step 14 Generating order items (popular products)
INSERT INTO order_items
SELECT x.order_id, x.line_no, p.product_id,
       CASE WHEN x.rq < 0.85 THEN 1 ELSE 2 + floor(power(random(), 3) * 20)::int END,
       p.price,
       CASE WHEN x.rd < 0.9 THEN 0 ELSE round((random() * 0.3)::numeric, 2) END
FROM (SELECT o.order_id, l AS line_no, 1 + floor(power(random(), 4) * ${products})::int AS pick,
             random() AS rq, random() AS rd
      FROM demo_orders o CROSS JOIN LATERAL generate_series(1, o.item_count) l) x
JOIN products p ON p.product_id = x.pick;
ANALYZE order_items;

-- @step 8 Generating orders (status by age, rare fraud reviews)
INSERT INTO orders
SELECT o.order_id, o.customer_id, o.ordered_at,
       CASE WHEN o.r2 < 0.001 THEN 'fraud_review'
            WHEN o.r2 < 0.010 THEN 'returned'
            WHEN o.r2 < 0.040 THEN 'cancelled'
            WHEN o.ordered_at > timestamptz '2025-10-29 00:00:00+00' THEN 'pending'
            WHEN o.ordered_at > timestamptz '2025-10-24 00:00:00+00' THEN 'shipped'
            ELSE 'delivered' END,
       CASE WHEN o.r3 < 0.60 THEN 'web' WHEN o.r3 < 0.90 THEN 'app' WHEN o.r3 < 0.98 THEN 'phone'
            ELSE 'marketplace' END,
       CASE WHEN o.r3 < 0.93 THEN c.country ELSE (ARRAY['DE','FR','GB','US','NL'])[1 + (o.order_id % 5)::int] END,
       t.item_count, t.total
FROM demo_orders o
JOIN customers c USING (customer_id)
JOIN (SELECT order_id, count(*)::int AS item_count,
             round(sum(quantity * unit_price * (1 - discount)), 2) AS total
      FROM order_items GROUP BY order_id) t USING (order_id);

-- @step 6 Generating payments (split payments, failures, chargebacks)
INSERT INTO payments
SELECT row_number() OVER (ORDER BY o.order_id, part), o.order_id,
       CASE WHEN c.segment <> 'consumer' AND random() < 0.7 THEN 'invoice'
            ELSE (ARRAY['card','card','card','card','card','card','card','paypal','paypal','giftcard'])
                 [1 + floor(random() * 10)::int] END,
       CASE WHEN o.status = 'returned' THEN 'refunded'
            WHEN random() < 0.0005 THEN 'chargeback'
            WHEN random() < 0.02 THEN 'failed'
            ELSE 'captured' END,
       round(o.total_amount / parts, 2),
       o.ordered_at + random() * interval '30 minutes'
FROM orders o
JOIN customers c USING (customer_id)
CROSS JOIN LATERAL (SELECT CASE WHEN o.order_id % 20 = 0 THEN 2 ELSE 1 END AS parts) n
CROSS JOIN LATERAL generate_series(1, n.parts) part
WHERE o.status <> 'cancelled';

-- @step 14 Generating events (page views, searches, rare errors)
INSERT INTO events
SELECT g,
       timestamptz '2025-10-31 23:59:00+00' - power(random(), 3) * interval '400 days',
       CASE WHEN random() < 0.4 THEN NULL ELSE 1 + floor(power(random(), 3) * ${customers})::int END,
       g / 8 + (random() * 3)::int,
       CASE WHEN r < 0.85 THEN 'page_view' WHEN r < 0.92 THEN 'search' WHEN r < 0.97 THEN 'add_to_cart'
            WHEN r < 0.999 THEN 'checkout' ELSE 'error' END,
       (ARRAY['/','/search','/cart','/checkout','/account','/product','/product','/product','/category',
              '/category'])[1 + floor(power(random(), 1.3) * 10)::int],
       (50 + power(random(), 4) * 30000)::int
FROM (SELECT g, random() AS r FROM generate_series(1, ${events}) g) s;

-- @step 14 Adding primary keys
ALTER TABLE customers ADD PRIMARY KEY (customer_id);
ALTER TABLE orders ADD PRIMARY KEY (order_id);
ALTER TABLE order_items ADD PRIMARY KEY (order_id, line_no);
ALTER TABLE payments ADD PRIMARY KEY (payment_id);
ALTER TABLE events ADD PRIMARY KEY (event_id);

-- @step 8 Adding foreign keys and the few indexes a busy shop would have
CREATE UNIQUE INDEX customers_email_key ON customers (email);
CREATE UNIQUE INDEX products_sku_key ON products (sku);
CREATE INDEX orders_ordered_at_idx ON orders (ordered_at);
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers;
ALTER TABLE order_items ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders;
ALTER TABLE order_items ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES products;
ALTER TABLE payments ADD CONSTRAINT payments_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders;

-- @step 1 Describing the tables
COMMENT ON TABLE customers IS 'Planwright demo: shop customers. Cities are skewed (Berlin, London, Paris first) and city implies country: filtering on both misleads the planner. Customers 1..5 are huge enterprise accounts.';
COMMENT ON TABLE products IS 'Planwright demo: catalogue. A few products sell far more than the rest (Zipf-like).';
COMMENT ON TABLE orders IS 'Planwright demo: orders, clustered toward recent dates. Deliberately no index on customer_id (an unindexed foreign key). Rare statuses: fraud_review, returned.';
COMMENT ON TABLE order_items IS 'Planwright demo: order lines. Deliberately no index on product_id.';
COMMENT ON TABLE payments IS 'Planwright demo: payments, some split in two. Deliberately no index on order_id.';
COMMENT ON TABLE events IS 'Planwright demo: web events (page views, searches, rare errors). Deliberately no index on occurred_at or customer_id.';

-- @step 8 Analyzing
ANALYZE customers;
ANALYZE products;
ANALYZE orders;
ANALYZE order_items;
ANALYZE payments;
ANALYZE events;

-- @step 1 Marking the dataset complete
DROP TABLE IF EXISTS pg_temp.demo_cities, pg_temp.demo_categories, pg_temp.demo_orders;
CREATE TABLE planwright_demo_complete (
    dataset_version  integer     NOT NULL,
    scale_factor     float8      NOT NULL,
    generated_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE planwright_demo_complete IS 'Written last by Planwright''s demo dataset generator: the dataset is complete.';
INSERT INTO planwright_demo_complete (dataset_version, scale_factor) VALUES (${dataset_version}, ${scale_factor});
