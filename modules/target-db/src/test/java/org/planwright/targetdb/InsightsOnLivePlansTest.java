package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightContext;
import org.planwright.plans.InsightEngine;
import org.planwright.plans.InsightKind;
import org.planwright.plans.InsightThreshold;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParser;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Insights the corpus has no plan for, on plans of the real embedded PostgreSQL 18 captured the way the app
 * captures them ({@link ExplainOptions#analyze()}: ANALYZE, BUFFERS, VERBOSE, SETTINGS): a slow count over
 * TPC-H's lineitem, a WindowAgg whose tuplestore spills, and stale statistics fed by
 * {@link TargetSession#tableStatistics} — the whole path the app takes.
 */
@ExtendWith(PostgresExtension.class)
class InsightsOnLivePlansTest {

    private TargetSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private Plan explain(String sql) throws TargetException {
        return PlanParser.parse(session.explain(sql, ExplainOptions.analyze()).planText());
    }

    private static List<Insight> of(List<Insight> all, InsightKind kind) {
        return all.stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void countingTpchLineitemReadsTheWholeTable(PostgresFixture pg) throws Exception {
        session = new TargetConnector().open(Targets.profile(pg, Targets.databaseOf(pg.tpch())), null,
                SessionOptions.analysis());
        Plan plan = explain("SELECT count(*) FROM lineitem");
        List<Insight> counts = of(new InsightEngine().analyze(plan), InsightKind.SLOW_COUNT);
        assertThat(counts).singleElement().satisfies(i -> {
            assertThat(plan.node(i.nodeIds().get(1)).relationName()).contains("lineitem");
            assertThat(i.evidence().get("rows read by the scan (all loops)")).isGreaterThan(250_000);
            assertThat(i.explanation()).contains("reltuples").contains("lineitem");
            // PostgreSQL 18 counts lineitem through its primary key: a (Parallel) Index Only Scan
        });
        double read = counts.getFirst().evidence().get("rows read by the scan (all loops)");
        InsightEngine higher = new InsightEngine(InsightThresholds.defaults()
                .with(InsightThreshold.SLOW_COUNT_ROWS, read + 1));
        assertThat(of(higher.analyze(plan), InsightKind.SLOW_COUNT)).isEmpty();

        Plan filtered = explain("SELECT count(*) FROM lineitem WHERE l_comment LIKE '%carefully%'");
        assertThat(of(new InsightEngine().analyze(filtered), InsightKind.SLOW_COUNT)).singleElement()
                .satisfies(i -> {
                    assertThat(filtered.node(i.nodeIds().get(1)).nodeType()).isEqualTo("Seq Scan");
                    assertThat(i.explanation()).contains("l_comment").contains("Index Only Scan");
                });
    }

    @Test
    void aWindowOverAllOrdersSpillsItsTuplestoreWithTinyWorkMem(PostgresFixture pg) throws Exception {
        session = new TargetConnector().open(Targets.profile(pg, Targets.databaseOf(pg.tpch())), null,
                SessionOptions.analysis());
        session.execute("SET work_mem = '64kB'", 1);
        Plan plan = explain("SELECT o_orderkey, sum(o_totalprice) OVER () FROM orders");
        assertThat(of(new InsightEngine().analyze(plan), InsightKind.MATERIALIZE_SPILL)).singleElement()
                .satisfies(i -> {
                    assertThat(plan.node(i.nodeIds().getFirst()).nodeType()).isEqualTo("WindowAgg");
                    assertThat(i.evidence().get("maximum storage (kB)")).isGreaterThan(64);
                    assertThat(i.score()).isGreaterThanOrEqualTo(1);
                });
        session.execute("RESET work_mem", 1);
        Plan inMemory = explain("SELECT o_orderkey, sum(o_totalprice) OVER () FROM orders");
        assertThat(of(new InsightEngine().analyze(inMemory), InsightKind.MATERIALIZE_SPILL)).isEmpty();
    }

    @Test
    void aMisestimatedScanOfANeverAnalyzedTableHasStaleStatisticsUntilAnalyze(PostgresFixture pg) throws Exception {
        String db = pg.createScratchDatabase("stale");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE events (id int, kind int) WITH (autovacuum_enabled = false)");
            st.execute("INSERT INTO events SELECT g, CASE WHEN g % 100 = 0 THEN 2 ELSE 1 END "
                    + "FROM generate_series(1, 20000) g");
            try (ResultSet rs = st.executeQuery("SELECT pg_stat_force_next_flush()")) {
                rs.next();
            }
            session = new TargetConnector().open(Targets.profile(pg, db), null, SessionOptions.analysis());
            String query = "SELECT * FROM events WHERE kind = 1";
            Plan plan = explain(query);
            InsightContext context = InsightContext.withTableStatistics(
                    session.tableStatistics(InsightContext.scannedTables(plan)));
            assertThat(InsightContext.scannedTables(plan)).containsExactly("public.events");
            assertThat(of(new InsightEngine().analyze(plan, context), InsightKind.STALE_STATISTICS)).singleElement()
                    .satisfies(i -> {
                        assertThat(i.title()).contains("public.events").contains("never collected");
                        assertThat(i.evidence().get("largest misestimate factor (x)")).isGreaterThanOrEqualTo(10);
                    });
            assertThat(of(new InsightEngine().analyze(plan), InsightKind.STALE_STATISTICS))
                    .as("nothing without the connection's statistics").isEmpty();

            st.execute("ANALYZE events");
            Plan after = explain(query);
            InsightContext analyzed = InsightContext.withTableStatistics(
                    session.tableStatistics(InsightContext.scannedTables(after)));
            assertThat(analyzed.tableStatistics()).singleElement()
                    .satisfies(t -> assertThat(t.lastAnalyze()).isNotNull());
            assertThat(of(new InsightEngine().analyze(after, analyzed), InsightKind.STALE_STATISTICS)).isEmpty();
        } finally {
            if (session != null) {
                session.close();
                session = null;
            }
            pg.sandbox().dropDatabase(db);
        }
    }
}
