package org.planwright.advice.index;

import java.util.List;

/**
 * What a {@link WorkloadTrial} measured.
 *
 * @param statements  every statement, "after" with the kept set
 * @param indexes     every index of the set tried, in the set's order
 * @param buildMillis time the CREATE INDEX statements took together, ms
 * @param elapsedMillis wall time of the whole trial, ms
 */
public record WorkloadTrialResult(List<TrialStatementTime> statements, List<TrialIndexOutcome> indexes,
                                  double buildMillis, double elapsedMillis) {
    public WorkloadTrialResult {
        statements = List.copyOf(statements);
        indexes = List.copyOf(indexes);
    }

    /** @return Σ best "before" times of the statements that ran, ms */
    public double beforeTotalMs() {
        return statements.stream().filter(s -> s.error() == null).mapToDouble(TrialStatementTime::beforeMs).sum();
    }

    /** @return Σ best "after" times, ms */
    public double afterTotalMs() {
        return statements.stream().filter(s -> s.error() == null).mapToDouble(TrialStatementTime::afterMs).sum();
    }

    /** @return geometric mean of after / before over the statements that ran (TPC-H's power-metric view) */
    public double geomeanRatio() {
        return Math.exp(statements.stream().filter(s -> s.error() == null && s.beforeMs() > 0 && s.afterMs() > 0)
                .mapToDouble(s -> Math.log(s.ratio())).average().orElse(0));
    }

    /** @return the indexes the trial kept */
    public List<IndexCandidate> kept() {
        return indexes.stream().filter(i -> i.rejected() == null).map(TrialIndexOutcome::index).toList();
    }
}
