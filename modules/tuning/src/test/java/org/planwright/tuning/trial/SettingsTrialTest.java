package org.planwright.tuning.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.tuning.apply.Cancellation;
import org.planwright.tuning.settings.PgConfigReader;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * Settings trials on the embedded PostgreSQL 18: a change that makes a statement faster is accepted, one that
 * makes it slower is rejected, one that changes no plan is not proposed — and the server's and the session's
 * settings are the same afterwards (everything ran under SET LOCAL in rolled-back transactions).
 */
@ExtendWith(PostgresExtension.class)
class SettingsTrialTest {

    private static String db;

    @BeforeAll
    static void data(PostgresFixture pg) throws Exception {
        db = pg.createScratchDatabase("settings_trial");
        try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT g, md5(g::text) AS s FROM generate_series(1, 300000) g");
            s.execute("CREATE INDEX t_g ON t (g)");
            s.execute("VACUUM ANALYZE t");
        }
    }

    private static TargetSession open(PostgresFixture pg) throws Exception {
        return new TargetConnector().open(ConnectionProfile.postgres("test", "127.0.0.1", pg.sandbox().port(), db,
                pg.user(), "disable"), null, SessionOptions.analysis());
    }

    private static final List<SettingsTrial.Statement> LOOKUP = List.of(
            new SettingsTrial.Statement("lookup", "SELECT s FROM t WHERE g = 4242;"),
            new SettingsTrial.Statement("not a query", "UPDATE t SET s = 'x' WHERE g = 1"));

    private static SettingsTrial trial(TargetSession s) {
        return new SettingsTrial(s, new SettingsTrial.Options(5, 0.10, 5.0, 0.05, Duration.ofSeconds(30)));
    }

    @Test
    void aChangeThatMakesAStatementFasterIsAcceptedAndOneThatChangesNoPlanIsNot(PostgresFixture pg) throws Exception {
        try (TargetSession s = open(pg)) {
            s.execute("SET enable_indexscan = off", 1);
            s.execute("SET enable_bitmapscan = off", 1);
            List<String> progress = new ArrayList<>();
            SettingsTrial.Result r = trial(s).run(LOOKUP, List.of(
                    new SettingCandidate("enable_bitmapscan", "on", "test"),
                    new SettingCandidate("random_page_cost", "1.1", "test")),
                    (f, m) -> progress.add(m), new Cancellation());

            assertThat(r.skipped()).singleElement().asString().startsWith("not a query: not a read-only query (UPDATE)");
            assertThat(r.accepted()).containsExactly(java.util.Map.entry("enable_bitmapscan", "on"));
            SettingsTrial.Outcome on = r.outcomes().get(0);
            assertThat(on.accepted()).isTrue();
            SettingsTrial.StatementComparison lookup = on.statements().getFirst();
            assertThat(lookup.change()).isEqualTo(SettingsTrial.Change.FASTER);
            assertThat(lookup.beforeMs()).hasSize(5);
            assertThat(lookup.medianBeforeMs()).as("a sequential scan of 300,000 rows")
                    .isGreaterThan(5 * lookup.medianAfterMs());
            assertThat(lookup.pValue()).isLessThan(0.05);

            SettingsTrial.Outcome cost = r.outcomes().get(1);
            assertThat(cost.base()).containsEntry("enable_bitmapscan", "on");
            assertThat(cost.accepted()).isFalse();
            assertThat(cost.statements().getFirst().change()).isEqualTo(SettingsTrial.Change.SAME_PLAN);
            assertThat(cost.reason()).contains("no statement's plan changes");
            assertThat(progress).anyMatch(m -> m.startsWith("Trying enable_bitmapscan = on on 1 statements"));

            assertThat(s.execute("SHOW enable_bitmapscan", 1).rows().getFirst()[0])
                    .as("the session's own setting is untouched").isEqualTo("off");
            assertThat(s.execute("SHOW random_page_cost", 1).rows().getFirst()[0]).isEqualTo("4");
        }
    }

    @Test
    void aChangeThatMakesAStatementSlowerIsRejectedAndTheNextValueOfTheParameterIsTried(PostgresFixture pg)
            throws Exception {
        try (TargetSession s = open(pg)) {
            SettingsSnapshot before = new PgConfigReader(Clock.systemUTC()).read(s, "embedded");
            SettingsTrial.Result r = trial(s).run(LOOKUP, List.of(
                    new SettingCandidate("random_page_cost", "100000", "a value that hides the index"),
                    new SettingCandidate("random_page_cost", "3.5", "a value that keeps the plan")),
                    (f, m) -> { }, new Cancellation());

            assertThat(r.accepted()).isEmpty();
            SettingsTrial.Outcome hide = r.outcomes().get(0);
            assertThat(hide.accepted()).isFalse();
            assertThat(hide.with(SettingsTrial.Change.SLOWER)).singleElement()
                    .satisfies(c -> assertThat(c.ratio()).isGreaterThan(2));
            assertThat(hide.reason()).startsWith("slows lookup");
            assertThat(r.outcomes().get(1).statements().getFirst().change())
                    .isEqualTo(SettingsTrial.Change.SAME_PLAN);

            SettingsSnapshot after = new PgConfigReader(Clock.systemUTC()).read(s, "embedded");
            for (String p : List.of("random_page_cost", "work_mem", "jit", "statement_timeout")) {
                assertThat(after.setting(p).orElseThrow().setting()).as(p)
                        .isEqualTo(before.setting(p).orElseThrow().setting());
            }
        }
    }

    @Test
    void manyStatementsEachFasterBelowTheFloorMakeTheWorkloadFasterAsAWhole(PostgresFixture pg) throws Exception {
        try (TargetSession s = open(pg)) {
            SettingsTrial t = trial(s);
            List<SettingsTrial.StatementComparison> small = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                // 20 ms -> 16 ms: 4 ms each, under the 5 ms floor, so no statement is faster on its own
                small.add(t.compare("q" + k, List.of(20.0, 20.5, 19.5, 20.2, 19.8),
                        List.of(16.0, 16.4, 15.6, 16.2, 15.8)));
            }
            assertThat(small).allSatisfy(c -> assertThat(c.change()).isEqualTo(SettingsTrial.Change.UNCHANGED));
            SettingsTrial.Outcome o = t.decide(new SettingCandidate("jit", "off", "test"), java.util.Map.of(), small);
            assertThat(o.accepted()).isTrue();
            assertThat(o.reason()).startsWith("the workload as a whole is faster").contains("200.0 -> 160.0 ms");

            List<SettingsTrial.StatementComparison> noisy = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                noisy.add(t.compare("q" + k, List.of(20.0, 12.0, 28.0, 20.0, 14.0),
                        List.of(16.0, 26.0, 12.0, 16.0, 18.0)));
            }
            assertThat(t.decide(new SettingCandidate("jit", "off", "test"), java.util.Map.of(), noisy).accepted())
                    .as("a lower sum of medians whose runs overlap is noise").isFalse();
        }
    }

    @Test
    void aCancelledTrialStopsAndSaysSo(PostgresFixture pg) throws Exception {
        try (TargetSession s = open(pg)) {
            Cancellation cancel = new Cancellation();
            SettingsTrial.Result r = trial(s).run(LOOKUP, List.of(
                    new SettingCandidate("work_mem", "64MB", "test"), new SettingCandidate("jit", "off", "test")),
                    (f, m) -> cancel.cancel(), cancel);
            assertThat(r.cancelled()).isTrue();
            assertThat(r.outcomes()).isEmpty();
            assertThat(r.accepted()).isEmpty();
        }
    }
}
