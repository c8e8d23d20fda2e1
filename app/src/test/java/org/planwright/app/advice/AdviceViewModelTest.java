package org.planwright.app.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.RecommendationKind;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.plans.InsightThresholds;
import org.planwright.sandbox.Sandbox;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** The Advice view model without a scene, over real sessions on Pagila (embedded PostgreSQL 18). */
@ExtendWith(PostgresExtension.class)
class AdviceViewModelTest {

    static final String QUERY = "WITH r AS MATERIALIZED (SELECT * FROM rental) SELECT r.rental_id, r.customer_id"
            + " FROM r WHERE r.rental_id = 42";

    private static TargetSession analysis;
    private static TargetSession readWrite;

    static AdviceActions actions(PostgresFixture pg) throws Exception {
        String db = pg.pagila().substring(pg.pagila().lastIndexOf('/') + 1);
        ConnectionProfile p = new ConnectionProfile(UUID.randomUUID(), "pagila", ConnectionProfile.Kind.SANDBOX,
                "127.0.0.1", pg.sandbox().port(), db, Sandbox.SUPERUSER, null, null);
        analysis = new TargetConnector().open(p, null, SessionOptions.analysis().withStatementTimeout(
                Duration.ofSeconds(30)));
        readWrite = new TargetConnector().open(p, null, SessionOptions.readWrite().withStatementTimeout(
                Duration.ofSeconds(30)));
        return new SessionAdviceActions(() -> analysis, () -> readWrite, InsightThresholds::defaults, true);
    }

    static void closeSessions() {
        if (analysis != null) {
            analysis.close();
        }
        if (readWrite != null) {
            readWrite.close();
        }
    }

    private static AdviceActions actions;

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        actions = actions(pg);
    }

    @AfterAll
    static void close() {
        closeSessions();
    }

    @Test
    void advisingRanksRecommendationsAndTryingShowsBeforeAndAfter() {
        AtomicInteger asked = new AtomicInteger();
        AdviceViewModel vm = new AdviceViewModel(new SameThreadExecutor(), actions, (h, q) -> {
            asked.incrementAndGet();
            return false;
        });
        vm.advise(QUERY);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.recommendations()).isNotEmpty();
        assertThat(vm.recommendations()).isSortedAccordingTo((a, b) -> Double.compare(b.estimate().percent(),
                a.estimate().percent()));
        assertThat(vm.selectedProperty().get()).isSameAs(vm.recommendations().getFirst());
        assertThat(vm.selectedProperty().get().kind()).isEqualTo(RecommendationKind.REWRITE);
        assertThat(vm.detailsProperty().get()).contains("Same rows verified").contains("NOT MATERIALIZED");

        vm.trySelected();
        assertThat(vm.trialProperty().get()).isNotNull();
        assertThat(vm.trialSummaryProperty().get()).startsWith("Before: median").contains("Actual improvement");
        assertThat(vm.statusProperty().get()).contains("rolled back");

        vm.applySelected(); // a rewrite is applied by changing the application: no question, nothing runs
        assertThat(asked).hasValue(0);
    }

    @Test
    void aLockingTrialOffTheSandboxAsksFirstAndANoRunsNothing() {
        AtomicInteger asked = new AtomicInteger();
        AdviceActions offSandbox = new SessionAdviceActions(() -> analysis, () -> readWrite,
                InsightThresholds::defaults, false);
        AdviceViewModel vm = new AdviceViewModel(new SameThreadExecutor(), offSandbox, (h, q) -> {
            asked.incrementAndGet();
            return false;
        });
        vm.recommendations().setAll(new org.planwright.advice.Recommendation(RecommendationKind.INDEX,
                "Index rental (return_date)", "t", "CREATE INDEX pw_vm_idx ON rental (return_date)",
                "DROP INDEX IF EXISTS pw_vm_idx", java.util.List.of(),
                new org.planwright.advice.EstimatedImprovement(5, 0.3, "test"), ""));
        vm.selectedProperty().set(vm.recommendations().getFirst());
        vm.trySelected();
        assertThat(asked).hasValue(1);
        assertThat(vm.statusProperty().get()).isEqualTo("Not tried");
        assertThat(vm.trialProperty().get()).isNull();
    }

    @Test
    void applyAsksFirstAndANoRunsNothing() {
        AtomicInteger asked = new AtomicInteger();
        AdviceViewModel vm = new AdviceViewModel(new SameThreadExecutor(), actions, (h, q) -> {
            asked.incrementAndGet();
            return false;
        });
        vm.recommendations().setAll(new org.planwright.advice.Recommendation(RecommendationKind.STATISTICS,
                "ANALYZE rental", "t", "ANALYZE rental", "", java.util.List.of(),
                new org.planwright.advice.EstimatedImprovement(5, 0.3, "test"), ""));
        vm.selectedProperty().set(vm.recommendations().getFirst());
        vm.applySelected();
        assertThat(asked).hasValue(1);
        assertThat(vm.statusProperty().get()).isEqualTo("Not applied");
    }
}
