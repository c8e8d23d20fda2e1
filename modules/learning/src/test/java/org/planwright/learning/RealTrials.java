package org.planwright.learning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.QueryAdvisor;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.advice.index.IndexAdviceOptions;
import org.planwright.advice.index.IndexAdvisor;
import org.planwright.advice.index.WorkloadStatement;
import org.planwright.advice.trial.TrialMode;
import org.planwright.advice.trial.TrialOptions;
import org.planwright.advice.trial.TrialResult;
import org.planwright.advice.trial.TrialRunner;
import org.planwright.plans.InsightThresholds;
import org.planwright.sandbox.Sandbox;
import org.planwright.store.AdviceRecords;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresFixture;

/**
 * Test harness: advice and trials on the embedded PostgreSQL the way the Advice pane runs them — the advice
 * module's {@link QueryAdvisor} (verified rewrites, {@code SET LOCAL work_mem}, statistics) and {@link IndexAdvisor}
 * (candidate indexes built in a rolled-back transaction, as on the sandbox), then every recommendation that can
 * be tried for real tried with {@link TrialRunner} in a rolled-back transaction, stored with {@link AdviceRecords}
 * and recorded in the learning loop through {@link TrialLearning}. Trials run 1 warm-up + 5 measured runs a side,
 * the pane's default.
 */
final class RealTrials {

    /** Kinds a rolled-back trial can measure (maintenance and drop-index cannot: see TrialRunner). */
    static final Set<RecommendationKind> TRIED = Set.of(RecommendationKind.INDEX, RecommendationKind.REWRITE,
            RecommendationKind.SETTING, RecommendationKind.STATISTICS);

    /**
     * The server's work_mem in these trials: PostgreSQL's smallest, 64 kB. The test data is small (TPC-H SF 0.01),
     * so memory is scaled down with it: at the default 4 MB nothing would spill here, while at production scale the
     * same sorts and hashes spill with the default.
     */
    static final String WORK_MEM = "64kB";
    /**
     * Index advice as the Advice pane gives it on the sandbox, one statement at a time with rolled-back builds (the
     * embedded server has no HypoPG), with a 5 % cost cut instead of dexter's 50 %, so that marginal indexes are
     * tried too (the learning loop needs failures as well as successes), and single-column candidates only, which
     * keeps the real builds few enough for a test. A 1 GiB budget selects the greedy set up to the budget instead of
     * cutting it at the knee of its benefit-per-byte curve (ADR 0019): every index that passes the cost cut is
     * tried, marginal ones included.
     */
    static final IndexAdviceOptions INDEX_OPTIONS = new IndexAdviceOptions(5, 1L << 30, 1, true);

    private final PostgresFixture pg;
    private final AdviceRecords records;
    private final LearningService learning;
    private final UUID workspace;
    /** 1 warm-up + 5 measured runs a side; {@code -Dplanwright.e2e.runs=N} for N runs. */
    private final TrialOptions options = TrialOptions.defaults()
            .withRuns(1, Integer.getInteger("planwright.e2e.runs", 5)).withLockConsent(true);
    final Map<RecommendationKind, Integer> triedByKind = new EnumMap<>(RecommendationKind.class);
    final List<String> failures = new ArrayList<>();
    final List<TrialResult> results = new ArrayList<>();
    final List<UUID> trialIds = new ArrayList<>();
    int queryCount;

    RealTrials(PostgresFixture pg, AdviceRecords records, LearningService learning, UUID workspace) {
        this.pg = pg;
        this.records = records;
        this.learning = learning;
        this.workspace = workspace;
    }

    /** A recommendation to try on one query of one database. */
    record Planned(String database, String label, String sql, Recommendation rec) {
    }

    /**
     * Advice for a workload of one database: {@link QueryAdvisor} and {@link IndexAdvisor} on each query, as the
     * Advice pane runs them.
     *
     * @param queries label and SQL of each query
     * @return the trials to run, in query order
     */
    List<Planned> advise(String database, List<String[]> queries) throws TargetException {
        List<Planned> out = new ArrayList<>();
        try (TargetSession analysis = open(database, SessionOptions.analysis())) {
            for (String[] q : queries) {
                queryCount++;
                List<Recommendation> qa = new QueryAdvisor(InsightThresholds.defaults()).advise(analysis, q[1],
                        ProgressListener.NONE, Cancellation.create());
                for (Recommendation rec : qa) {
                    if (TRIED.contains(rec.kind())) {
                        out.add(new Planned(database, q[0], q[1], rec));
                    }
                }
            }
            for (String[] q : queries) {
                IndexAdvice advice = new IndexAdvisor(analysis, INDEX_OPTIONS, m -> { })
                        .advise(List.of(new WorkloadStatement(q[0], q[1], 1)));
                for (int i = 0; i < advice.chosen().size(); i++) {
                    out.add(new Planned(database, q[0], q[1], advice.recommendations().get(i)));
                }
            }
        }
        return out;
    }

    /** Runs the planned trials in order, each stored and recorded; a trial that fails is listed in failures. */
    void tryAll(List<Planned> planned) throws TargetException {
        Map<String, TargetSession> sessions = new java.util.HashMap<>();
        try {
            for (Planned p : planned) {
                TargetSession rw = sessions.get(p.database());
                if (rw == null) {
                    rw = open(p.database(), SessionOptions.readWrite());
                    sessions.put(p.database(), rw);
                }
                TrialResult r;
                try {
                    r = new TrialRunner().run(rw, p.rec(), p.sql(), TrialMode.ROLLED_BACK, options,
                            ProgressListener.NONE, Cancellation.create());
                } catch (TargetException e) {
                    failures.add(p.label() + " " + p.rec().title() + ": " + e.userMessage());
                    continue;
                }
                UUID recId = records.saveRecommendation(workspace, null, p.sql(), p.rec()).id();
                UUID trialId = records.saveTrial(workspace, recId, r);
                learning.record(TrialLearning.outcome(trialId, workspace, r));
                results.add(r);
                trialIds.add(trialId);
                triedByKind.merge(p.rec().kind(), 1, Integer::sum);
            }
        } finally {
            sessions.values().forEach(TargetSession::close);
        }
    }

    /** A session as the trials' server runs it: {@link #WORK_MEM}, a 20 s statement timeout. */
    private TargetSession open(String database, SessionOptions o) throws TargetException {
        ConnectionProfile p = new ConnectionProfile(UUID.randomUUID(), "test " + database,
                ConnectionProfile.Kind.SANDBOX, "127.0.0.1", pg.sandbox().port(), database, Sandbox.SUPERUSER, null,
                null);
        TargetSession s = new TargetConnector().open(p, null, o.withStatementTimeout(Duration.ofSeconds(20)));
        s.execute("SET work_mem = '" + WORK_MEM + "'", 1);
        return s;
    }
}
