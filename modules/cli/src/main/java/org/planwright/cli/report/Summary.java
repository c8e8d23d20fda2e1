package org.planwright.cli.report;

/**
 * Counts over a whole run.
 *
 * @param statements all statements seen
 * @param ok         statements that gave a plan
 * @param failed     statements that failed
 * @param skipped    statements not explainable (DDL, SET...)
 */
public record Summary(int statements, int ok, int failed, int skipped) {

    /** @return an empty summary */
    public static Summary empty() {
        return new Summary(0, 0, 0, 0);
    }

    /**
     * @param result one more statement's result
     * @return this summary with it counted
     */
    public Summary plus(StatementResult result) {
        return switch (result.status()) {
            case OK -> new Summary(statements + 1, ok + 1, failed, skipped);
            case FAILED -> new Summary(statements + 1, ok, failed + 1, skipped);
            case SKIPPED -> new Summary(statements + 1, ok, failed, skipped + 1);
        };
    }
}
