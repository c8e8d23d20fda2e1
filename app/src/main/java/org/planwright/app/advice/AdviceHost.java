package org.planwright.app.advice;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Recommendation;
import org.planwright.advice.trial.AppliedChange;
import org.planwright.advice.trial.TrialResult;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.advice.index.IndexAdviceOptions;
import org.planwright.advice.index.IndexAdvisor;
import org.planwright.advice.index.WorkloadStatement;
import org.planwright.app.compare.ComparisonViewModel;
import org.planwright.app.compare.ComparisonWindow;
import org.planwright.app.compare.PlanSource;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.app.query.Confirmer;
import org.planwright.learning.TrialLearning;
import org.planwright.plans.InsightThresholds;
import org.planwright.store.AdviceRecords;
import org.planwright.store.Feedbacks;
import org.planwright.store.TrialOutcome;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * Hosts the Advice pane in the main window, as a tab beside the results (so it sits beside the plan), wired to the active connection: advice runs on the
 * connection's analysis session, holding its lock ({@link ActiveConnection#with}); trials and Apply open one read-write session of the same profile (its password
 * from {@code ~/.pgpass} / {@code PGPASSWORD}, read by PgJDBC; a password typed for the analysis session is not
 * kept, per ADR 0004) when first needed, replaced when the connection changes. Locking trials run without a
 * question on the sandbox only; elsewhere the pane asks the DBA first.
 */
public final class AdviceHost {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdviceHost.class);

    private final TargetConnector connector;
    private final Supplier<Optional<ActiveConnection>> active;
    private final Supplier<Duration> statementTimeout;
    private TargetSession readWrite;

    private AdviceHost(TargetConnector connector, Supplier<Optional<ActiveConnection>> active,
                       Supplier<Duration> statementTimeout) {
        this.connector = connector;
        this.active = active;
        this.statementTimeout = statementTimeout;
    }

    /**
     * What the pane needs, wired by the main view model.
     *
     * @param executor         the app's background executor
     * @param connector        opens the read-write session
     * @param active           the active connection, if any
     * @param statementTimeout the statement timeout in force (toolbar)
     * @param thresholds       the insight thresholds in force
     * @param records          the store's advice records, when the store is open: every recommendation and
     *                         finished trial is stored in the current workspace
     * @param workspace        the current workspace's id, or null
     * @param learning         records each stored trial's outcome in the learning loop (a worker thread); may
     *                         throw, which costs only the learning record
     * @param feedback         the store's feedback records, when the store is open: the feedback form offered
     *                         after each stored trial keeps its feedback and drafts there
     * @param learningService  the learning loop over the store, when it is open: new advice gets the workspace's
     *                         estimate and pattern-memory confidence and is ordered by expected benefit
     */
    public record Context(BackgroundExecutor executor, TargetConnector connector,
                          Supplier<Optional<ActiveConnection>> active, Supplier<Duration> statementTimeout,
                          Supplier<InsightThresholds> thresholds, Supplier<Optional<AdviceRecords>> records,
                          Supplier<UUID> workspace, java.util.function.Consumer<TrialOutcome> learning,
                          Supplier<Optional<Feedbacks>> feedback,
                          Supplier<Optional<org.planwright.learning.LearningService>> learningService) {
    }

    /**
     * @param neighbour      the view sharing the pane's place (the results, under the editor, beside the plan)
     * @param neighbourTitle its tab title, e.g. "Results"
     * @param owner          the main window (dialogs)
     * @param context        executor, connection, thresholds, store
     * @param query          the statement under the caret, if any
     * @param confirmer      asks before Apply
     * @param errors         shows an error (title, cause)
     * @return a tab pane with the neighbour (selected) and the Advice pane ("Advice")
     */
    public static TabPane tabs(Node neighbour, String neighbourTitle, Window owner, Context context,
                               Supplier<String> query, Confirmer confirmer, BiConsumer<String, Throwable> errors) {
        BackgroundExecutor executor = context.executor();
        Supplier<InsightThresholds> thresholds = context.thresholds();
        Supplier<Optional<AdviceRecords>> store = context.records();
        Supplier<UUID> workspace = context.workspace();
        Map<Recommendation, UUID> stored = new ConcurrentHashMap<>();
        Map<Recommendation, org.planwright.learning.AdviceEstimates.Estimated> learned = new ConcurrentHashMap<>();
        Map<TrialResult, UUID> storedTrials = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        AdviceHost host = new AdviceHost(context.connector(), context.active(), context.statementTimeout());
        AdviceActions actions = new AdviceActions() {
            @Override
            public List<Recommendation> advise(String sql, ProgressListener progress, Cancellation c)
                    throws Exception {
                ActiveConnection connection = host.connection();
                List<Recommendation> list = new java.util.ArrayList<>(connection.with(session ->
                        new org.planwright.advice.QueryAdvisor(thresholds.get()).advise(session, sql, progress, c)));
                list.addAll(indexAdvice(connection, sql));
                list.sort(java.util.Comparator.comparingDouble((Recommendation r) -> r.estimate().percent()).reversed());
                UUID ws = workspace.get();
                store.get().filter(x -> ws != null).ifPresent(st -> list.forEach(r -> stored.put(r,
                        st.saveRecommendation(ws, connection.session().profile().id(), sql, r).id())));
                learned.clear();
                Optional<org.planwright.learning.LearningService> service = context.learningService().get();
                if (service.isEmpty() || ws == null || list.isEmpty()) {
                    return list;
                }
                return AdviceLearning.rank(body -> String.valueOf(connection.with(session -> session.execute(
                        "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + body, 1)).rows().getFirst()[0]), sql, list,
                        service.get(), ws, learned);
            }

            @Override
            public String learningNote(Recommendation rec) {
                org.planwright.learning.AdviceEstimates.Estimated e = learned.get(rec);
                return e == null ? "" : e.describe();
            }

            @Override
            public java.util.OptionalDouble estimateInUse(Recommendation rec) {
                org.planwright.learning.AdviceEstimates.Estimated e = learned.get(rec);
                return e == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(e.estimate().percent());
            }

            @Override
            public TrialResult tryOut(Recommendation rec, String sql, boolean consent, ProgressListener progress,
                                      Cancellation c) throws Exception {
                TrialResult r = host.actions(thresholds).tryOut(rec, sql, consent, progress, c);
                UUID ws = workspace.get();
                UUID id = stored.get(rec);
                Optional<UUID> trialId = store.get().filter(x -> ws != null && id != null)
                        .map(st -> st.saveTrial(ws, id, r));
                trialId.ifPresent(t -> {
                    storedTrials.put(r, t);
                    try {
                        context.learning().accept(TrialLearning.outcome(t, ws, r));
                    } catch (RuntimeException e) {
                        LOG.warn("The trial was stored but not recorded for learning: {}", e.getMessage());
                    }
                });
                return r;
            }

            @Override
            public boolean needsLockConsent(Recommendation rec) {
                boolean sandbox = host.active.get().map(a -> a.session().profile().kind()
                        == ConnectionProfile.Kind.SANDBOX).orElse(true);
                return SessionAdviceActions.locks(rec) && !sandbox;
            }

            @Override
            public AppliedChange apply(Recommendation rec) throws Exception {
                return host.actions(thresholds).apply(rec);
            }
        };
        AdviceViewModel vm = new AdviceViewModel(executor, actions, confirmer);
        AdvicePane pane = new AdvicePane(vm, query, trial -> {
            ComparisonViewModel comparison = new ComparisonViewModel(executor, errors);
            comparison.loadCaptures(() -> List.of(new PlanSource("after: " + trial.recommendation().title(),
                            trial.afterPlan(), trial.recommendation().kind() == org.planwright.advice.RecommendationKind.REWRITE
                                    ? trial.recommendation().sql() : trial.querySql()),
                    new PlanSource("before", trial.beforePlan(), trial.querySql())));
            new ComparisonWindow(owner, comparison).show();
        }, TrialFeedback.opener(owner, executor, storedTrials::get, workspace, context.feedback(), f -> { }));
        Tab plan = new Tab(neighbourTitle, neighbour);
        Tab advice = new Tab("Advice", pane);
        plan.setClosable(false);
        advice.setClosable(false);
        TabPane tabs = new TabPane(plan, advice);
        tabs.setId("advice-tabs");
        return tabs;
    }

    /**
     * Index advice for one statement ({@link IndexAdvisor}): hypothetical indexes where the server has HypoPG; on
     * the sandbox, candidate indexes built inside a rolled-back transaction (the sandbox is Planwright's own, so no
     * consent is needed); elsewhere without HypoPG none (the CLI's {@code --allow-locking-builds} asks for consent).
     * A failure costs only the index advice, never the rest.
     */
    private static List<Recommendation> indexAdvice(ActiveConnection connection, String sql) {
        boolean sandbox = connection.session().profile().kind() == ConnectionProfile.Kind.SANDBOX;
        try {
            IndexAdvice advice = connection.with(session -> new IndexAdvisor(session,
                    IndexAdviceOptions.defaults().withRolledBackBuilds(sandbox), m -> { })
                    .advise(List.of(new WorkloadStatement("statement", sql, 1))));
            return advice.recommendations();
        } catch (TargetException | RuntimeException e) {
            LOG.info("No index advice for this statement: {}", e.getMessage());
            return List.of();
        }
    }

    private ActiveConnection connection() throws TargetException {
        return active.get().orElseThrow(() -> new TargetException(TargetException.Reason.OTHER,
                "Connect to a database first", null, null, null));
    }

    private synchronized SessionAdviceActions actions(Supplier<InsightThresholds> thresholds) throws TargetException {
        TargetSession analysis = connection().session();
        ConnectionProfile profile = analysis.profile();
        if (readWrite == null || !readWrite.profile().equals(profile)) {
            if (readWrite != null) {
                readWrite.close();
            }
            readWrite = connector.open(profile, null, SessionOptions.readWrite()
                    .withStatementTimeout(statementTimeout.get()));
        }
        TargetSession rw = readWrite;
        return new SessionAdviceActions(() -> analysis, () -> rw, thresholds,
                profile.kind() == ConnectionProfile.Kind.SANDBOX);
    }
}
