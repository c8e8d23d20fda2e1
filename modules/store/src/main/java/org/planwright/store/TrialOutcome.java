package org.planwright.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one finished trial taught the learning loop: the estimate made before it and the improvement measured.
 * The advice's trial store maps each finished trial to one of these (issue 10); the learning loop stores its own
 * copy in {@link TrialOutcomes}, so it keeps working whatever the trial tables become.
 *
 * @param trialId                     the trial's id (also this record's key: recording it twice counts it once)
 * @param workspaceId                 the workspace the trial ran in
 * @param recommendationKind          the recommendation's kind by name: {@code index}, {@code drop-index},
 *                                    {@code rewrite}, {@code setting}, {@code statistics}, {@code maintenance}
 * @param fingerprint                 the query's fingerprint id (16 hex digits, {@code QueryFingerprint.id()})
 * @param patternSignature            the query's pattern signature text ({@code PatternSignature.text()})
 * @param estimatedImprovementPercent the improvement estimated before the trial, percent of execution time
 * @param whatIfCostRatio             planner cost after / before with the recommendation (hypothetical index or
 *                                    rewrite), a fraction (0.25 = the cost falls to a quarter); null when not
 *                                    costed
 * @param actualImprovementPercent    the measured improvement, percent of median execution time
 *                                    ({@code 100 * (before - after) / before}; negative when slower)
 * @param features                    numeric features for the estimator, by name (plan: {@code planRows},
 *                                    {@code rowMisestimate}, {@code sharedBuffers}...; recommendation:
 *                                    {@code indexWidth}, {@code tableBytes}, {@code writesPerSecond}...); may
 *                                    be empty; kept sorted by name
 * @param startedAt                   when the trial started (UTC)
 * @param finishedAt                  when it finished (UTC)
 */
public record TrialOutcome(UUID trialId, UUID workspaceId, String recommendationKind, String fingerprint,
                           String patternSignature, double estimatedImprovementPercent, Double whatIfCostRatio,
                           double actualImprovementPercent, Map<String, Double> features, Instant startedAt,
                           Instant finishedAt) {

    public TrialOutcome {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(recommendationKind, "recommendationKind");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(patternSignature, "patternSignature");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        features = features == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(features));
    }

    /** @return the improvement the what-if cost ratio implies, {@code 100 * (1 - ratio)} percent, or null */
    public Double costOnlyEstimatePercent() {
        return whatIfCostRatio == null ? null : 100.0 * (1.0 - whatIfCostRatio);
    }
}
