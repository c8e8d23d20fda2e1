package org.planwright.advice.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.Sessions;
import org.planwright.advice.trial.TrialMode;
import org.planwright.advice.trial.TrialOptions;
import org.planwright.advice.trial.TrialResult;
import org.planwright.advice.trial.TrialRunner;
import org.planwright.plans.InsightContext;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParser;
import org.planwright.sandbox.DemoDataset;
import org.planwright.targetdb.ExplainOptions;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Settings and statistics advice on the demo dataset (scale 0.05) in the real embedded PostgreSQL: the
 * correlated country/city pair gets a CREATE STATISTICS that, tried in a rolled-back transaction, fixes the
 * estimate; a sort that spills gets SET LOCAL work_mem with its cost at max_connections, and the trial shows the
 * sort in memory.
 */
@ExtendWith(PostgresExtension.class)
class TuningAdvisorsTest {

    private static String demo(PostgresFixture pg) throws Exception {
        String db = pg.createScratchDatabase("demo_advice");
        try (Connection c = pg.connect(db)) {
            DemoDataset.generate(c, 0.05, (f, m) -> { }, () -> false);
        }
        return db;
    }

    @Test
    void correlatedColumnsGetCreateStatisticsThatFixesTheEstimate(PostgresFixture pg) throws Exception {
        String db = demo(pg);
        String query = "SELECT c.customer_id, c.full_name FROM customers c WHERE c.country = 'DE' AND c.city = 'Berlin'";
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(60))) {
            Plan plan = PlanParser.parse(s.explain(query, ExplainOptions.analyze()).planText());
            List<Recommendation> recs = new StatisticsAdvisor(InsightThresholds.defaults()).advise(plan, query,
                    s.tableStatistics(InsightContext.scannedTables(plan)));
            Recommendation stats = recs.stream().filter(r -> r.title().startsWith("CREATE STATISTICS")).findFirst()
                    .orElseThrow(() -> new AssertionError("no CREATE STATISTICS in " + recs + plan.nodes().stream().map(n -> n.label() + " " + n.planRows() + " " + n.actualRows() + " " + n.filter()).toList()));
            assertThat(stats.kind()).isEqualTo(RecommendationKind.STATISTICS);
            assertThat(stats.sql()).contains("ON country, city FROM public.customers").contains("ANALYZE");
            assertThat(stats.undoSql()).startsWith("DROP STATISTICS IF EXISTS public.pw_stx_customers_country_city");
            TrialResult r = new TrialRunner().run(s, stats, query, TrialMode.ROLLED_BACK,
                    TrialOptions.defaults().withRuns(0, 2), ProgressListener.NONE, Cancellation.create());
            double actual = PlanParser.parse(r.afterPlan()).root().actualRows().orElse(0);
            double before = PlanParser.parse(r.beforePlan()).root().planRows().orElse(0);
            double after = PlanParser.parse(r.afterPlan()).root().planRows().orElse(0);
            assertThat(Math.abs(after - actual)).as("estimate %s -> %s, actual %s", before, after, actual)
                    .isLessThan(Math.abs(before - actual));
            assertThat(s.execute("SELECT count(*) FROM pg_statistic_ext WHERE stxname LIKE 'pw_stx_%'", 1)
                    .rows().getFirst()[0]).as("rolled back").isEqualTo(0L);
        }
    }

    @Test
    void aSpillingSortGetsSetLocalWorkMemWithItsCost(PostgresFixture pg) throws Exception {
        String db = TrialTablesForTuning.database(pg);
        String query = "SELECT id, pad FROM tuning_t ORDER BY pad";
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(60))) {
            s.execute("SET work_mem = '1MB'", 1);
            Plan plan = PlanParser.parse(s.explain(query, ExplainOptions.analyze()).planText());
            Recommendation rec = new SettingsAdvisor().advise(plan, query, ServerFacts.read(s)).orElseThrow();
            assertThat(rec.kind()).isEqualTo(RecommendationKind.SETTING);
            assertThat(rec.sql()).matches("SET LOCAL work_mem = '\\d+MB'");
            assertThat(rec.evidence()).anySatisfy(e -> assertThat(e.detail()).contains("connections x"));
            TrialResult r = new TrialRunner().run(s, rec, query, TrialMode.ROLLED_BACK,
                    TrialOptions.defaults().withRuns(0, 2), ProgressListener.NONE, Cancellation.create());
            assertThat(r.beforePlan()).contains("external merge");
            assertThat(r.afterPlan()).doesNotContain("external merge").contains("quicksort");
            assertThat(s.execute("SHOW work_mem", 1).rows().getFirst()[0]).as("SET LOCAL ended").isEqualTo("1MB");
        }
    }
}
