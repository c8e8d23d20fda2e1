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
 * read-write session for trials (rolled back) and applying (confirmed). Trials use {@link TrialOptions#defaults()}
 * with the lock consent the host gives (true on the sandbox).
 *
 * @param analysis     the analysis session (read-only, statement timeout)
 * @param readWrite    the read-write session for trials and apply
 * @param thresholds   the insight thresholds in force
 * @param lockConsent  whether trials that lock a table may run (the host asks the DBA off the sandbox)
 */
public record SessionAdviceActions(Supplier<TargetSession> analysis, Supplier<TargetSession> readWrite,
                                   Supplier<InsightThresholds> thresholds, boolean lockConsent)
        implements AdviceActions {

    @Override
    public List<Recommendation> advise(String sql, ProgressListener progress, Cancellation cancellation)
            throws Exception {
        return new QueryAdvisor(thresholds.get()).advise(analysis.get(), sql, progress, cancellation);
    }

    @Override
    public TrialResult tryOut(Recommendation rec, String sql, ProgressListener progress, Cancellation cancellation)
            throws Exception {
        return new TrialRunner().run(readWrite.get(), rec, sql, TrialMode.ROLLED_BACK,
                TrialOptions.defaults().withLockConsent(lockConsent), progress, cancellation);
    }

    @Override
    public AppliedChange apply(Recommendation rec) throws Exception {
        return new ChangeApplier().apply(readWrite.get(), rec, true);
    }
}
