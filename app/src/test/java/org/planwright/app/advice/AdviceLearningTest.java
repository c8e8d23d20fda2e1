package org.planwright.app.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Recommendation;
import org.planwright.advice.trial.AppliedChange;
import org.planwright.advice.trial.TrialResult;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.learning.LearningService;
import org.planwright.learning.LearningSettings;
import org.planwright.learning.SyntheticOutcomes;
import org.planwright.sandbox.Sandbox;
import org.planwright.store.EstimatorModel;
import org.planwright.store.TrialOutcome;
import org.planwright.store.WorkbenchStore;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * The Advice pane's advice through the workspace's learning loop (issue 10), on Pagila and a real H2 store whose
 * workspace holds 200 trial outcomes and a deployed model trained on them: the real advisor's recommendations get the
 * learned estimate (the query's plan features from one EXPLAIN ANALYZE on the read-only session), the pane's details
 * say so and the status says the order is by expected benefit; a data-changing statement is never EXPLAIN ANALYZEd.
 */
@ExtendWith(PostgresExtension.class)
class AdviceLearningTest {

    @TempDir
    static Path home;

    private static WorkbenchStore store;
    private static UUID ws;
    private static LearningService service;
    private static TargetSession analysis;
    private static AdviceActions advisor;
    static EstimatorModel model;

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        open(pg, home);
    }

    /** A store whose workspace holds 200 outcomes and a model trained on them; the advisor and analysis sessions. */
    static void open(PostgresFixture pg, Path home) throws Exception {
        store = WorkbenchStore.open(home);
        ws = store.workspaces().create("Pagila learning").id();
        service = new LearningService(store, LearningSettings.defaults(), Clock.systemUTC());
        for (TrialOutcome o : SyntheticOutcomes.generate(200, ws, 5)) {
            service.record(o);
        }
        model = service.retrain(ws).orElseThrow();
        advisor = AdviceViewModelTest.actions(pg);
        String db = pg.pagila().substring(pg.pagila().lastIndexOf('/') + 1);
        analysis = new TargetConnector().open(new ConnectionProfile(UUID.randomUUID(), "pagila",
                ConnectionProfile.Kind.SANDBOX, "127.0.0.1", pg.sandbox().port(), db, Sandbox.SUPERUSER, null, null),
                null, SessionOptions.analysis().withStatementTimeout(Duration.ofSeconds(30)));
    }

    @AfterAll
    static void close() {
        closeAll();
    }

    static void closeAll() {
        analysis.close();
        AdviceViewModelTest.closeSessions();
        store.close();
    }

    @Test
    void theAdvisorsRecommendationsGetTheLearnedEstimateFromTheQuerysRealPlan() throws Exception {
        assertThat(model.deployed()).as("the model beat the cost-only estimate on held-out synthetic trials").isTrue();
        List<String> explained = new ArrayList<>();
        Map<Recommendation, org.planwright.learning.AdviceEstimates.Estimated> notes = new ConcurrentHashMap<>();
        AdviceActions learning = actions(explained, notes);
        AdviceViewModel vm = new AdviceViewModel(new SameThreadExecutor(), learning, (h, q) -> false);

        vm.advise(AdviceViewModelTest.QUERY + ";");

        assertThat(vm.recommendations()).isNotEmpty();
        assertThat(explained).as("one EXPLAIN ANALYZE of the query, its semicolon removed")
                .containsExactly(AdviceViewModelTest.QUERY);
        assertThat(notes).hasSize(vm.recommendations().size());
        assertThat(vm.detailsProperty().get()).startsWith("Learned estimate: ").contains("model v" + model.version())
                .contains("80 % interval").contains("Pattern memory: ").contains("Same rows verified");
        assertThat(vm.statusProperty().get()).contains("ranked by expected benefit");
        Recommendation first = vm.recommendations().getFirst();
        assertThat(vm.label(first)).as("the list shows the estimate in use")
                .startsWith(String.format(java.util.Locale.ROOT, "%4.0f %%", notes.get(first).estimate().percent()));
    }

    @Test
    void aDataChangingStatementIsNeverExplainAnalyzedForTheEstimate() {
        List<String> explained = new ArrayList<>();
        Map<Recommendation, org.planwright.learning.AdviceEstimates.Estimated> notes = new ConcurrentHashMap<>();
        List<Recommendation> some = List.of(new Recommendation(org.planwright.advice.RecommendationKind.INDEX,
                "Index rental (inventory_id)", "q", "CREATE INDEX ON rental (inventory_id)", "", List.of(),
                new org.planwright.advice.EstimatedImprovement(30, 0.5, "what-if"), ""));
        List<Recommendation> out = AdviceLearning.rank(body -> {
            explained.add(body);
            return "";
        }, "UPDATE rental SET return_date = return_date WHERE inventory_id = 7", some, service, ws, notes);
        assertThat(explained).isEmpty();
        assertThat(out).isEqualTo(some);
        assertThat(notes.get(some.getFirst()).describe()).startsWith("Learned estimate: ");
    }

    @Test
    void aFailedExplainCostsOnlyThePlanFeaturesNotTheAdviceNorItsNotes() throws Exception {
        List<Recommendation> list = advisor.advise(AdviceViewModelTest.QUERY, ProgressListener.NONE, Cancellation.create());
        Map<Recommendation, org.planwright.learning.AdviceEstimates.Estimated> notes = new ConcurrentHashMap<>();
        List<Recommendation> out = AdviceLearning.rank(body -> {
            throw new TargetException(TargetException.Reason.TIMEOUT, "canceling statement due to statement timeout",
                    "57014", null, null);
        }, AdviceViewModelTest.QUERY, list, service, ws, notes);
        assertThat(out).containsExactlyInAnyOrderElementsOf(list);
        assertThat(notes).hasSize(list.size());
    }

    /** As AdviceHost wires it: the real advisor, then the learning loop's order and notes. */
    static AdviceActions actions(List<String> explained, Map<Recommendation, org.planwright.learning.AdviceEstimates.Estimated> notes) {
        return new AdviceActions() {
            @Override
            public List<Recommendation> advise(String sql, ProgressListener p, Cancellation c) throws Exception {
                List<Recommendation> list = advisor.advise(sql, p, c);
                notes.clear();
                return AdviceLearning.rank(body -> {
                    explained.add(body);
                    return String.valueOf(analysis.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + body, 1)
                            .rows().getFirst()[0]);
                }, sql, list, service, ws, notes);
            }

            @Override
            public String learningNote(Recommendation rec) {
                return notes.containsKey(rec) ? notes.get(rec).describe() : "";
            }

            @Override
            public java.util.OptionalDouble estimateInUse(Recommendation rec) {
                return notes.containsKey(rec) ? java.util.OptionalDouble.of(notes.get(rec).estimate().percent())
                        : java.util.OptionalDouble.empty();
            }

            @Override
            public TrialResult tryOut(Recommendation rec, String sql, boolean consent, ProgressListener p,
                                      Cancellation c) throws Exception {
                return advisor.tryOut(rec, sql, consent, p, c);
            }

            @Override
            public AppliedChange apply(Recommendation rec) throws Exception {
                return advisor.apply(rec);
            }
        };
    }
}
