package org.planwright.advice.trial;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.planwright.advice.Recommendation;

/**
 * A finished trial: everything the workspace stores and the learning work reads.
 *
 * @param recommendation           what was tried
 * @param querySql                 the query measured, with the representative values its {@code $n} parameters were
 *                                 timed with in their place (for a rewrite: the original; the rewrite is the
 *                                 recommendation's SQL)
 * @param mode                     how it was applied
 * @param before                   measured runs before, in order (empty for {@link TrialMode#HYPOTHETICAL})
 * @param after                    measured runs after
 * @param beforeSummary            medians and spread before; null for hypothetical trials
 * @param afterSummary             medians and spread after; null for hypothetical trials
 * @param actualImprovementPercent {@code (1 - after median / before median) x 100}; NaN for hypothetical trials (then
 *                                 see the costs)
 * @param pValue                   two-sided Mann-Whitney U test of before vs after execution times (Apache Commons
 *                                 Statistics {@code MannWhitneyUTest} with its default p-value method); NaN for hypothetical trials
 * @param costBefore               planner total cost before (plain EXPLAIN of the first run's plan), cost units
 * @param costAfter                planner total cost after
 * @param beforePlan               the plan of the last run before, PostgreSQL EXPLAIN JSON
 * @param afterPlan                the plan of the last run after
 * @param serverVersion            {@code server_version}
 * @param settings                 planner-relevant settings at the start ({@code work_mem}, {@code max_connections},
 *                                 {@code enable_*} ...), as SHOW prints them
 * @param startedAt                when the trial started
 * @param finishedAt               when it finished (after the rollback)
 */
public record TrialResult(Recommendation recommendation, String querySql, TrialMode mode, List<TrialRun> before,
                          List<TrialRun> after, RunSummary beforeSummary, RunSummary afterSummary,
                          double actualImprovementPercent, double pValue, double costBefore, double costAfter,
                          String beforePlan, String afterPlan, String serverVersion, Map<String, String> settings,
                          Instant startedAt, Instant finishedAt) {

    /** Significance level for {@link #significant()}: the usual 5 %. */
    public static final double ALPHA = 0.05;

    public TrialResult {
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(mode, "mode");
        before = List.copyOf(before);
        after = List.copyOf(after);
        settings = Map.copyOf(settings);
    }

    /** @return true when the before/after difference is significant at {@link #ALPHA} (never for hypothetical) */
    public boolean significant() {
        return pValue < ALPHA;
    }

    /** @return the estimated cut in planner cost, percent; NaN when a cost is missing */
    public double costImprovementPercent() {
        return costBefore > 0 ? (1 - costAfter / costBefore) * 100 : Double.NaN;
    }
}
