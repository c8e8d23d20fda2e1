package org.planwright.app.advice;

import java.util.List;
import java.util.function.Supplier;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.QueryAdvisor;
import org.planwright.advice.Recommendation;
import org.planwright.advice.trial.AppliedChange;
import org.planwright.advice.trial.ChangeApplier;
import org.planwright.advice.trial.TrialMode;
import org.planwright.advice.trial.TrialOptions;
import org.planwright.advice.trial.TrialResult;
import org.planwright.advice.trial.TrialRunner;
import org.planwright.plans.InsightThresholds;
import org.planwright.targetdb.TargetSession;

/**
 * {@link AdviceActions} over two sessions of the active connection: a read-only analysis session for advice and a
 * read-write session for trials (rolled back) and applying (confirmed). Trials use {@link TrialOptions#defaults()};
 * a locking trial off the sandbox needs the DBA's consent.
 *
 * @param analysis     the analysis session (read-only, statement timeout)
 * @param readWrite    the read-write session for trials and apply
 * @param thresholds   the insight thresholds in force
 * @param sandbox      true when the connection is the sandbox (no consent needed for locking trials)
 */
public record SessionAdviceActions(Supplier<TargetSession> analysis, Supplier<TargetSession> readWrite,
                                   Supplier<InsightThresholds> thresholds, boolean sandbox)
        implements AdviceActions {

    @Override
    public List<Recommendation> advise(String sql, ProgressListener progress, Cancellation cancellation)
            throws Exception {
        return new QueryAdvisor(thresholds.get()).advise(analysis.get(), sql, progress, cancellation);
    }

    @Override
    public TrialResult tryOut(Recommendation rec, String sql, boolean lockConsent, ProgressListener progress,
                              Cancellation cancellation) throws Exception {
        return new TrialRunner().run(readWrite.get(), rec, sql, TrialMode.ROLLED_BACK,
                TrialOptions.defaults().withLockConsent(lockConsent || sandbox), progress, cancellation);
    }

    @Override
    public boolean needsLockConsent(Recommendation rec) {
        return locks(rec) && !sandbox;
    }

    /** @return true when trying {@code rec} for real takes a table lock (CREATE INDEX, CREATE STATISTICS/ANALYZE) */
    static boolean locks(Recommendation rec) {
        return rec.kind() == org.planwright.advice.RecommendationKind.INDEX
                || rec.kind() == org.planwright.advice.RecommendationKind.STATISTICS;
    }

    @Override
    public AppliedChange apply(Recommendation rec) throws Exception {
        return new ChangeApplier().apply(readWrite.get(), rec, true);
    }
}
