package org.planwright.app.advice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.planwright.advice.trial.TrialResult;
import org.planwright.sqltext.fingerprint.QueryPatterns;
import org.planwright.store.TrialOutcome;

/**
 * Maps a stored trial to the learning loop's {@link TrialOutcome} (docs/learning.md): the recommendation's kind,
 * the query's fingerprint id and pattern signature, the estimated and the actual improvement, the what-if cost
 * ratio and the plan features the estimator reads. Pure; any thread.
 */
final class TrialLearning {

    private TrialLearning() {
    }

    /**
     * @param trialId     the trial's id in the store ({@code AdviceRecords.saveTrial})
     * @param workspaceId its workspace
     * @param r           the trial
     * @return the outcome to record
     */
    static TrialOutcome outcome(UUID trialId, UUID workspaceId, TrialResult r) {
        Map<String, Double> features = new LinkedHashMap<>();
        if (r.costBefore() > 0) {
            features.put("planCost", r.costBefore());
        }
        if (r.beforeSummary() != null) {
            features.put("executionMs", r.beforeSummary().medianMillis());
        }
        Double whatIf = r.costBefore() > 0 && r.costAfter() > 0 ? r.costAfter() / r.costBefore() : null;
        return new TrialOutcome(trialId, workspaceId, r.recommendation().kind().jsonName(),
                QueryPatterns.of(r.querySql()).fingerprint().id(), r.recommendation().patternSignature(),
                r.recommendation().estimate().percent(), whatIf, r.actualImprovementPercent(), features,
                r.startedAt(), r.finishedAt());
    }
}
