package org.planwright.advice.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Cancellation;
import org.planwright.advice.EstimatedImprovement;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.QueryIdentity;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.Sessions;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Trials on the real embedded PostgreSQL 18: an index tried in a rolled-back transaction measures a real,
 * significant improvement and leaves nothing behind; cancelled and failed trials leave nothing either; a run that
 * hits the statement timeout counts as the timeout; a locking trial needs consent off the sandbox.
 */
@ExtendWith(PostgresExtension.class)
class TrialRunnerTest {

    @Test
    void anIndexTriedInARolledBackTransactionMeasuresARealSignificantImprovement(PostgresFixture pg)
            throws Exception {
        String db = TrialTables.database(pg);
        String stateBefore = TrialTables.state(pg, db, "trial_k_idx");
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(30))) {
            TrialResult r = new TrialRunner().run(s, TrialTables.index("trial_k_idx"), TrialTables.QUERY,
                    TrialMode.ROLLED_BACK, TrialOptions.defaults(), ProgressListener.NONE, Cancellation.create());
            // runs 1-3 before the change, 4-5 after it was rolled back to its savepoint (A-B-A): every one of them
            // a sequential scan (> 1,000 blocks), so the index was really gone for the last two
            assertThat(r.before()).extracting(TrialRun::number).containsExactly(1, 2, 3, 4, 5);
            assertThat(r.after()).allSatisfy(run -> assertThat(run.sharedHitBlocks() + run.sharedReadBlocks())
                    .isLessThan(100));
            assertThat(r.before()).hasSize(5).allSatisfy(run -> {
                assertThat(run.timedOut()).isFalse();
                assertThat(run.sharedHitBlocks() + run.sharedReadBlocks()).isGreaterThan(1000);
                assertThat(run.rows()).isEqualTo(1);
            });
            assertThat(r.after()).hasSize(5);
            assertThat(r.afterSummary().medianMillis()).isLessThan(r.beforeSummary().medianMillis());
            assertThat(r.actualImprovementPercent()).isGreaterThan(50);
            assertThat(r.pValue()).isLessThan(0.05);
            assertThat(r.significant()).isTrue();
            assertThat(r.costAfter()).isLessThan(r.costBefore());
            assertThat(r.beforePlan()).contains("Seq Scan");
            assertThat(r.afterPlan()).contains("trial_k_idx");
            assertThat(r.settings()).containsKeys("work_mem", "max_connections");
            assertThat(r.serverVersion()).startsWith("18");
            // the session is usable afterwards and outside any transaction
            assertThat(s.execute("SELECT 1", 1).rows()).hasSize(1);
        }
        assertThat(TrialTables.state(pg, db, "trial_k_idx")).isEqualTo(stateBefore).endsWith(":false:1");
    }

    @Test
    void aCancelledTrialChangesNothing(PostgresFixture pg) throws Exception {
        String db = TrialTables.database(pg);
        String stateBefore = TrialTables.state(pg, db, "trial_cancel_idx");
        Cancellation cancel = Cancellation.create();
        CountDownLatch applied = new CountDownLatch(1);
        ProgressListener listener = (f, m) -> {
            if (m.startsWith("Applied")) {
                applied.countDown();
            }
        };
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(30))) {
            CompletableFuture<TrialResult> trial = CompletableFuture.supplyAsync(() -> {
                try {
                    // pg_sleep for each of the 30 matching rows: every run takes 0.3 s, so the cancel lands mid-run
                    return new TrialRunner().run(s, TrialTables.index("trial_cancel_idx"), "SELECT count(*) FROM"
                            + " (SELECT v FROM trial_t WHERE k = 4242 OFFSET 0) x"
                            + " CROSS JOIN LATERAL (SELECT pg_sleep(0.01 + x.v * 0)) s", TrialMode.ROLLED_BACK,
                            TrialOptions.defaults().withRuns(0, 3), listener, cancel);
                } catch (TargetException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, r -> Thread.ofVirtual().start(r));
            assertThat(applied.await(60, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);
            cancel.cancel();
            assertThatThrownBy(() -> trial.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(TargetException.class)
                    .cause().satisfies(e -> assertThat(((TargetException) e).reason())
                            .isEqualTo(TargetException.Reason.CANCELLED));
            assertThat(s.execute("SELECT to_regclass('trial_cancel_idx') IS NULL", 1).rows().getFirst()[0])
                    .isEqualTo(true);
        }
        assertThat(TrialTables.state(pg, db, "trial_cancel_idx")).isEqualTo(stateBefore);
    }

    @Test
    void aFailedChangeLeavesNothingAndSaysWhy(PostgresFixture pg) throws Exception {
        String db = TrialTables.database(pg);
        String stateBefore = TrialTables.state(pg, db, "trial_fail_idx");
        Recommendation bad = new Recommendation(RecommendationKind.INDEX, "Index on a missing column", "t",
                "CREATE INDEX trial_fail_idx ON trial_t (k); CREATE INDEX trial_fail2_idx ON trial_t (no_such_column)",
                "", List.of(), new EstimatedImprovement(10, 0.1, "test"), "");
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> new TrialRunner().run(s, bad, TrialTables.QUERY, TrialMode.ROLLED_BACK,
                    TrialOptions.defaults().withRuns(0, 2), ProgressListener.NONE, Cancellation.create()))
                    .isInstanceOf(TargetException.class).hasMessageContaining("no_such_column");
        }
        assertThat(TrialTables.state(pg, db, "trial_fail_idx")).isEqualTo(stateBefore);
    }

    @Test
    void aRunThatHitsTheStatementTimeoutCountsAsTheTimeout(PostgresFixture pg) throws Exception {
        String db = TrialTables.database(pg);
        Recommendation rewrite = new Recommendation(RecommendationKind.REWRITE, "no sleep", "t", "SELECT 1 AS x",
                "", List.of(), new EstimatedImprovement(90, 0.5, "test"), "");
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofMillis(300))) {
            TrialResult r = new TrialRunner().run(s, rewrite, "SELECT 1 AS x FROM pg_sleep(1)", TrialMode.ROLLED_BACK,
                    TrialOptions.defaults().withRuns(0, 3), ProgressListener.NONE, Cancellation.create());
            assertThat(r.before()).hasSize(3).allSatisfy(run -> {
                assertThat(run.timedOut()).isTrue();
                assertThat(run.executionMillis()).isEqualTo(300);
            });
            assertThat(r.beforeSummary().timedOut()).isEqualTo(3);
            assertThat(r.after()).noneMatch(TrialRun::timedOut);
            assertThat(r.actualImprovementPercent()).isGreaterThan(90);
        }
    }

    @Test
    void aLockingTrialOffTheSandboxNeedsConsent(PostgresFixture pg) throws Exception {
        String db = TrialTables.database(pg);
        ConnectionProfile server = ConnectionProfile.postgres("a server", "127.0.0.1", pg.sandbox().port(), db,
                pg.user(), null);
        try (TargetSession s = new TargetConnector().open(server, null, SessionOptions.readWrite())) {
            assertThatThrownBy(() -> new TrialRunner().run(s, TrialTables.index("trial_consent_idx"),
                    TrialTables.QUERY, TrialMode.ROLLED_BACK, TrialOptions.defaults(), ProgressListener.NONE,
                    Cancellation.create())).isInstanceOf(TargetException.class).hasMessageContaining("consent");
            TrialResult r = new TrialRunner().run(s, TrialTables.index("trial_consent_idx"), TrialTables.QUERY,
                    TrialMode.ROLLED_BACK, TrialOptions.defaults().withRuns(0, 2).withLockConsent(true),
                    ProgressListener.NONE, Cancellation.create());
            assertThat(r.after()).hasSize(2);
        }
    }

    @Test
    void applyNeedsConfirmationUsesConcurrentlyAndStoresTheUndo(PostgresFixture pg) throws Exception {
        String db = TrialTables.database(pg);
        Recommendation rec = TrialTables.index("trial_apply_idx");
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(60))) {
            assertThatThrownBy(() -> new ChangeApplier().apply(s, rec, false)).isInstanceOf(TargetException.class)
                    .hasMessageContaining("confirmation");
            assertThat(TrialTables.state(pg, db, "trial_apply_idx")).contains(":false:");
            AppliedChange c = new ChangeApplier().apply(s, rec, true);
            assertThat(c.appliedSql()).contains("CREATE INDEX CONCURRENTLY trial_apply_idx");
            assertThat(c.undoSql()).isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS trial_apply_idx");
            assertThat(TrialTables.state(pg, db, "trial_apply_idx")).contains(":true:");
            s.execute(c.undoSql(), 1);
            assertThat(TrialTables.state(pg, db, "trial_apply_idx")).contains(":false:");
        }
        assertThat(QueryIdentity.target("SELECT 1")).isEqualToIgnoringCase("select $1");
    }
}
