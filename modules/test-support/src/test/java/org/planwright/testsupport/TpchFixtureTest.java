package org.planwright.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.testsupport.TpchQueries.TpchQuery;

/** TPC-H at the test scale: tables filled in proportion to the scale factor, and all 22 queries plan. */
@ExtendWith(PostgresExtension.class)
class TpchFixtureTest {

    @Test
    void tablesAreFilledAtTheScaleFactor(PostgresFixture pg) throws SQLException {
        double sf = PostgresFixture.TPCH_TEST_SCALE;
        try (Connection c = DriverManager.getConnection(pg.tpch(), pg.user(), "")) {
            assertThat(PostgresFixtureTest.count(c, "region")).isEqualTo(5);
            assertThat(PostgresFixtureTest.count(c, "nation")).isEqualTo(25);
            assertThat(PostgresFixtureTest.count(c, "supplier")).isEqualTo(Math.round(10_000 * sf));
            assertThat(PostgresFixtureTest.count(c, "part")).isEqualTo(Math.round(200_000 * sf));
            assertThat(PostgresFixtureTest.count(c, "partsupp")).isEqualTo(Math.round(800_000 * sf));
            assertThat(PostgresFixtureTest.count(c, "customer")).isEqualTo(Math.round(150_000 * sf));
            assertThat(PostgresFixtureTest.count(c, "orders")).isEqualTo(Math.round(1_500_000 * sf));
            // 1..7 lines per order, 4.0 on average (corpus README)
            assertThat(PostgresFixtureTest.count(c, "lineitem")).isBetween(Math.round(5_700_000 * sf),
                    Math.round(6_300_000 * sf));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("8 primary keys + 10 indexes of tpch-index.sql").isEqualTo(18);
            }
        }
    }

    /**
     * Plans on the test data must not change when autovacuum passes: every table's visibility map is set at load
     * ({@code SampleDatabases.settle}). Before the WAL flush there, supplier, part, partsupp and customer kept
     * relallvisible 0 (their rows' asynchronous commits not yet flushed when VACUUM visited them).
     */
    @Test
    void everyTableIsAllVisibleAfterLoad(PostgresFixture pg) throws SQLException {
        try (Connection c = DriverManager.getConnection(pg.tpch(), pg.user(), "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname, relpages, relallvisible FROM pg_class WHERE relkind = 'r'"
                     + " AND relnamespace = 'public'::regnamespace ORDER BY relname")) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                assertThat(rs.getInt(3)).as("%s: pages all-visible of %d", rs.getString(1), rs.getInt(2))
                        .isEqualTo(rs.getInt(2)).isPositive();
            }
            assertThat(tables).as("TPC-H tables").isEqualTo(8);
        }
    }

    @Test
    void all22QueriesExplainWithoutError(PostgresFixture pg) throws SQLException {
        List<TpchQuery> queries = TpchQueries.all();
        assertThat(queries).hasSize(22);
        try (Connection c = DriverManager.getConnection(pg.tpch(), pg.user(), "")) {
            for (TpchQuery q : queries) {
                try (Statement st = c.createStatement()) {
                    for (String s : q.setup()) {
                        st.execute(s);
                    }
                    try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + q.query())) {
                        assertThat(rs.next()).as("q%d plan", q.number()).isTrue();
                        assertThat(rs.getString(1)).as("q%d plan", q.number()).contains("\"Node Type\"");
                    }
                    for (String s : q.teardown()) {
                        st.execute(s);
                    }
                }
            }
        }
    }

    @Test
    void q15IsSplitIntoViewQueryAndDrop() {
        TpchQuery q15 = TpchQueries.query(15);
        assertThat(q15.setup()).singleElement().asString().containsIgnoringCase("create view revenue0");
        assertThat(q15.query()).containsIgnoringCase("from\n\tsupplier,\n\trevenue0");
        assertThat(q15.teardown()).containsExactly("drop view revenue0");
        assertThat(TpchQueries.query(1).setup()).isEmpty();
    }

    @Test
    void sameScaleIsLoadedOnce(PostgresFixture pg) {
        assertThat(pg.tpch(PostgresFixture.TPCH_TEST_SCALE)).isEqualTo(pg.tpch()).endsWith("/tpch");
    }
}
