package org.planwright.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo dataset at a small scale (0.05: 2,500 customers, 20,000 orders): sizes, skew, the deliberate missing
 * indexes, misestimates and spills that the demo queries show, and cancellation.
 */
class DemoDatasetTest {

    private static final double SCALE = 0.05;

    private static Sandbox sandbox;
    private static DemoDataset.Result result;
    private static final List<Double> FRACTIONS = new ArrayList<>();
    private static final List<String> MESSAGES = new ArrayList<>();

    @BeforeAll
    static void generate() throws SQLException {
        sandbox = Sandbox.start(Sandbox.Options.temporary());
        result = DemoDataset.generate(sandbox, SCALE, (f, m) -> {
            FRACTIONS.add(f);
            MESSAGES.add(m);
        }, () -> false);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void rowCountsFollowTheScaleFactor() throws SQLException {
        Map<String, Long> counts = result.rowCounts();
        assertThat(counts).containsEntry("customers", 2_500L).containsEntry("products", 250L)
                .containsEntry("orders", 20_000L).containsEntry("events", 50_000L);
        // 1..6 lines per order, skewed toward 1; payments: one per order except cancelled, every 20th split in two
        assertThat(counts.get("order_items")).isBetween(2L * 20_000, 3L * 20_000);
        assertThat(counts.get("payments")).isBetween(19_000L, 21_000L);
        assertThat(result.totalRows()).isEqualTo(counts.values().stream().mapToLong(Long::longValue).sum());
        assertThat(DemoDataset.isPresent(sandbox)).as("asked through the sandbox, as the app does").isTrue();
        try (Connection c = sandbox.connect(DemoDataset.DATABASE)) {
            assertThat(DemoDataset.isPresent(c)).isTrue();
            assertThat(scalar(c, "SELECT count(*) FROM orders o WHERE item_count <> "
                    + "(SELECT count(*) FROM order_items i WHERE i.order_id = o.order_id)")).isZero();
        }
    }

    @Test
    void progressRunsFromZeroToOneWithAMessagePerStep() {
        assertThat(FRACTIONS.getFirst()).isZero();
        assertThat(FRACTIONS.getLast()).isEqualTo(1.0);
        assertThat(FRACTIONS).isSorted().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(MESSAGES).contains("Generating orders (status by age, rare fraud reviews)", "Demo dataset ready");
    }

    @Test
    void fewCustomersPlaceMostOrders() throws SQLException {
        try (Connection c = sandbox.connect(DemoDataset.DATABASE)) {
            double top1Percent = scalarDouble(c, """
                    SELECT sum(n) FILTER (WHERE rank <= 25)::float8 / sum(n)
                    FROM (SELECT count(*) AS n, row_number() OVER (ORDER BY count(*) DESC) AS rank
                          FROM orders GROUP BY customer_id) per_customer""");
            assertThat(top1Percent).as("share of orders of the top 1 % of customers (uniform: 0.01)")
                    .isGreaterThan(0.15);
            double huge = scalarDouble(c, "SELECT count(*) FILTER (WHERE customer_id <= 5)::float8 / count(*) FROM orders");
            assertThat(huge).as("five enterprise accounts (4 % by design)").isBetween(0.03, 0.06);
            assertThat(scalar(c, "SELECT count(*) FROM customers WHERE segment = 'enterprise'")).isEqualTo(5);
        }
    }

    @Test
    void datesClusterTowardTheRecentPastAndStatusesHaveRareValues() throws SQLException {
        try (Connection c = sandbox.connect(DemoDataset.DATABASE)) {
            long lastQuarter = scalar(c, "SELECT count(*) FROM orders WHERE ordered_at >= timestamptz '2025-08-01 00:00+00'");
            long firstQuarter = scalar(c, "SELECT count(*) FROM orders WHERE ordered_at < timestamptz '2022-12-01 00:00+00'");
            assertThat(lastQuarter).isGreaterThan(5 * Math.max(1, firstQuarter));
            double fraud = scalarDouble(c, "SELECT count(*) FILTER (WHERE status = 'fraud_review')::float8 / count(*) FROM orders");
            assertThat(fraud).isGreaterThan(0).isLessThan(0.005);
            assertThat(scalar(c, "SELECT count(*) FROM orders WHERE status = 'delivered'")).isGreaterThan(20_000 / 2);
        }
    }

    @Test
    void theMissingIndexGivesASeqScanThatAnIndexWouldFix() throws SQLException {
        DemoQuery query = query("orders-of-one-customer");
        try (Connection c = sandbox.connect(DemoDataset.DATABASE)) {
            String plan = explain(c, "EXPLAIN (FORMAT JSON) " + query.sql());
            assertThat(plan).contains("\"Node Type\": \"Seq Scan\"").contains("\"Relation Name\": \"orders\"")
                    .contains("\"Filter\": \"(customer_id = 42)\"");
            assertThat(scalar(c, "SELECT count(*) FROM pg_indexes WHERE tablename = 'orders' AND indexdef LIKE '%(customer_id)%'"))
                    .isZero();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE INDEX ON orders (customer_id)");
                st.execute("ANALYZE orders");
                assertThat(explain(c, "EXPLAIN (FORMAT JSON) " + query.sql())).doesNotContain("\"Seq Scan\"");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void correlatedCityAndCountryAreUnderestimated() throws SQLException {
        try (Connection c = sandbox.connect(DemoDataset.DATABASE)) {
            long estimated = rows(c, "EXPLAIN SELECT * FROM customers WHERE country = 'DE' AND city = 'Berlin'");
            long actual = scalar(c, "SELECT count(*) FROM customers WHERE country = 'DE' AND city = 'Berlin'");
            assertThat(actual).as("Berlin customers vs the planner's estimate %d", estimated)
                    .isGreaterThan(2 * estimated);
        }
    }

    @Test
    void theSortSpillsWithItsSmallWorkMem() throws SQLException {
        DemoQuery query = query("biggest-order-per-customer");
        assertThat(query.settings()).containsEntry("work_mem", "64kB");
        try (Connection c = sandbox.connect(DemoDataset.DATABASE); Statement st = c.createStatement()) {
            st.execute("SET work_mem = '64kB'");
            assertThat(explain(c, "EXPLAIN (ANALYZE, FORMAT JSON) " + query.sql()))
                    .contains("\"Sort Space Type\": \"Disk\"");
        }
    }

    @Test
    void everyDemoQueryPlansWithItsSettings() throws SQLException {
        List<DemoQuery> queries = DemoDataset.queries();
        assertThat(queries).hasSize(8).extracting(DemoQuery::id).doesNotHaveDuplicates();
        try (Connection c = sandbox.connect(DemoDataset.DATABASE); Statement st = c.createStatement()) {
            for (DemoQuery q : queries) {
                assertThat(q.title()).isNotBlank();
                assertThat(q.shows()).isNotBlank();
                for (Map.Entry<String, String> s : q.settings().entrySet()) {
                    st.execute("SET " + s.getKey() + " = '" + s.getValue() + "'");
                }
                assertThat(explain(c, "EXPLAIN (FORMAT JSON) " + q.sql())).as(q.id()).contains("\"Plan\"");
                st.execute("RESET ALL");
            }
        }
    }

    @Test
    void tablesCarryAComment() throws SQLException {
        try (Connection c = sandbox.connect(DemoDataset.DATABASE)) {
            assertThat(scalar(c, "SELECT count(*) FROM pg_class WHERE relname IN "
                    + "('customers','products','orders','order_items','payments','events') "
                    + "AND obj_description(oid, 'pg_class') LIKE 'Planwright demo:%'")).isEqualTo(6);
        }
    }

    @Test
    void cancellingLeavesNoDatasetMarkedComplete() throws SQLException {
        sandbox.createDatabase("demo_cancel");
        try (Connection c = sandbox.connect("demo_cancel")) {
            DemoDataset.generate(c, 0.002, ProgressListener.NONE, () -> false);
            assertThat(DemoDataset.isPresent(c)).isTrue();
            AtomicInteger steps = new AtomicInteger();
            List<String> messages = new ArrayList<>();
            assertThatThrownBy(() -> DemoDataset.generate(c, 0.002, (f, m) -> messages.add(m),
                    () -> steps.incrementAndGet() > 4))
                    .isInstanceOf(CancellationException.class).hasMessageContaining("cancelled");
            assertThat(messages).endsWith("Drafting orders (Zipf-like customers, recent dates)", "Cancelled")
                    .doesNotContain("Generating order items (popular products)");
            assertThat(DemoDataset.isPresent(c)).isFalse();
            assertThat(scalar(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                    .as("partial tables dropped").isZero();
        } finally {
            sandbox.dropDatabase("demo_cancel");
        }
    }

    @Test
    void anEmptyDatabaseHasNoDatasetAndScaleIsChecked() throws SQLException {
        try (Connection c = sandbox.connect("postgres")) {
            assertThat(DemoDataset.isPresent(c)).isFalse();
            assertThatThrownBy(() -> DemoDataset.generate(c, 0, ProgressListener.NONE, () -> false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale factor");
        }
    }

    private static DemoQuery query(String id) {
        return DemoDataset.queries().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    private static String explain(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
            return out.toString();
        }
    }

    /** @return the top node's estimated rows from a text EXPLAIN */
    private static long rows(Connection c, String explain) throws SQLException {
        String first = explain(c, explain).lines().findFirst().orElseThrow();
        return Long.parseLong(first.replaceAll(".*rows=(\\d+).*", "$1"));
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double scalarDouble(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
