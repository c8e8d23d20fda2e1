package org.planwright.cli.report;

/**
 * Counts over one {@code planwright plan} run.
 *
 * @param plans  plan files read
 * @param ok     files whose plan was read
 * @param failed files whose plan could not be read
 */
public record PlanRunSummary(int plans, int ok, int failed) {

    /** @return an empty summary */
    public static PlanRunSummary empty() {
        return new PlanRunSummary(0, 0, 0);
    }

    /**
     * @param result one more file's result
     * @return this summary with it counted
     */
    public PlanRunSummary plus(PlanFileResult result) {
        return result.status() == StatementStatus.OK ? new PlanRunSummary(plans + 1, ok + 1, failed)
                : new PlanRunSummary(plans + 1, ok, failed + 1);
    }
}
