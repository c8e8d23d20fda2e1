package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Sessions;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workload as pg_stat_statements stores it — point and top-N queries on TPC-H SF 0.02 (primary keys only) run with
 * constants on the embedded PostgreSQL 18, their normalised {@code $n} text read back from pg_stat_statements — timed
 * by {@link WorkloadTrial} without and with two indexes on their filter columns: each statement runs with
 * representative values from pg_stats, reports them, and is measurably faster with the indexes; one whose parameter
 * is compared with no column is not timed, with the reason.
 */
@ExtendWith(PostgresExtension.class)
class ParameterisedWorkloadTrialTest {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterisedWorkloadTrialTest.class);
    private static final Pattern QUERY_ID = Pattern.compile("\"Query Identifier\":\\s*(-?\\d+)");

    /** What an application ran, with its constants; pg_stat_statements keeps them as $n. */
    private static final List<String> RAN = List.of(
            "SELECT l_orderkey, l_extendedprice FROM lineitem WHERE l_partkey = 1234 AND l_quantity < 20",
            "SELECT o_orderkey, o_totalprice FROM orders WHERE o_custkey = 77 ORDER BY o_orderdate DESC LIMIT 5",
            "SELECT count(*) FROM lineitem WHERE l_partkey IN (17, 42, 99) AND l_shipdate BETWEEN '1995-01-01' "
                    + "AND '1995-12-31'",
            "SELECT o_orderkey, o_orderdate FROM orders WHERE o_totalprice > 2 * 1000.5 LIMIT 3");

    @Test
    void normalisedStatementsAreTimedWithRepresentativeValuesAndGetFaster(PostgresFixture pg) throws Exception {
        String db = Sessions.databaseOf(pg.tpchPrimaryKeysOnly(0.02));
        List<WorkloadStatement> workload = new ArrayList<>();
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            for (int i = 0; i < RAN.size(); i++) {
                workload.add(new WorkloadStatement("top " + (i + 1), normalised(st, RAN.get(i)), 100));
            }
        }
        assertThat(workload).as("pg_stat_statements replaced the constants").allSatisfy(w ->
                assertThat(w.sql()).contains("$1").doesNotContain("1234").doesNotContain("1995"));
        TableRef lineitem = new TableRef("public", "lineitem", "public.lineitem");
        TableRef orders = new TableRef("public", "orders", "public.orders");
        List<IndexCandidate> set = List.of(new IndexCandidate(lineitem, List.of("l_partkey"), List.of(), ""),
                new IndexCandidate(orders, List.of("o_custkey"), List.of(), ""));
        WorkloadTrialResult r;
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(30))) {
            r = new WorkloadTrial().run(s, workload, set, WorkloadTrial.Options.defaults(), ProgressListener.NONE,
                    Cancellation.create());
        }
        for (TrialStatementTime t : r.statements()) {
            LOG.info("{} ({}): {} -> {} ms, uses {}, values {}, error {}", t.label(),
                    workload.get(r.statements().indexOf(t)).sql(), t.beforeMs(), t.afterMs(),
                    t.indexesUsed(), t.boundParameters(), t.error());
        }
        for (int i = 0; i < 3; i++) {
            TrialStatementTime t = r.statements().get(i);
            assertThat(t.error()).as(t.label()).isNull();
            assertThat(t.boundParameters()).as(t.label()).isNotEmpty()
                    .allSatisfy(b -> assertThat(b.evidence()).isNotBlank());
            assertThat(t.indexesUsed()).as(t.label()).isNotEmpty();
            assertThat(t.afterMs()).as(t.label()).isLessThan(t.beforeMs() / 2);
            // a sequential scan of lineitem against an index probe: faster beyond noise (10 % and 5 ms)
            assertThat(i == 1 || t.faster()).as(t.label() + ": %.3f -> %.3f ms", t.beforeMs(), t.afterMs()).isTrue();
        }
        assertThat(r.statements().get(1).boundParameters()).anySatisfy(b -> {
            assertThat(b.source()).isEqualTo("default");
            assertThat(b.literal()).isEqualTo("10");
        });
        TrialStatementTime product = r.statements().get(3);
        assertThat(product.error()).as("2 * 1000.5 became $1 * $2: no column says what they are")
                .startsWith(WorkloadTrial.NOT_TIMED).contains("cannot be given a representative value");
        assertThat(r.kept()).containsExactlyElementsOf(set);
        double before = r.statements().subList(0, 3).stream().mapToDouble(TrialStatementTime::beforeMs).sum();
        double after = r.statements().subList(0, 3).stream().mapToDouble(TrialStatementTime::afterMs).sum();
        LOG.info(String.format(Locale.ROOT, "$n workload: %.2f ms -> %.2f ms (geomean ratio %.3f)", before, after,
                r.geomeanRatio()));
        assertThat(after).isLessThan(before / 2);
    }

    /**
     * Runs {@code sql} and reads its text back from pg_stat_statements by its query identifier (EXPLAIN VERBOSE
     * prints it while pg_stat_statements computes one; with pg_stat_statements.track = all the EXPLAIN itself may
     * share it, so its entry is left out).
     */
    static String normalised(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                // read all rows: the entry is written when the executor ends
            }
        }
        String id;
        try (ResultSet rs = st.executeQuery("EXPLAIN (VERBOSE, FORMAT JSON) " + sql)) {
            rs.next();
            Matcher m = QUERY_ID.matcher(rs.getString(1));
            assertThat(m.find()).as("a query identifier (pg_stat_statements loaded)").isTrue();
            id = m.group(1);
        }
        try (ResultSet rs = st.executeQuery("SELECT query FROM pg_stat_statements WHERE queryid = " + id
                + " AND toplevel AND query NOT ILIKE 'EXPLAIN%' ORDER BY calls DESC LIMIT 1")) {
            assertThat(rs.next()).as("pg_stat_statements recorded " + sql).isTrue();
            return rs.getString(1);
        }
    }
}
