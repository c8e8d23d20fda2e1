package org.planwright.tuning.apply;

/**
 * Runs or watches a workload for one measurement window. Implementations: {@link PgbenchProbe} (a pgbench run the
 * DBA chooses) and {@link StatementsProbe} (pg_stat_statements deltas over a window of the live workload).
 */
public interface WorkloadProbe {

    /**
     * @param cancel checked while measuring; a cancelled probe stops early and throws
     * @return the window's numbers
     * @throws CancelledException when cancelled
     * @throws ApplyException     when the measurement itself fails
     */
    Measurement measure(Cancellation cancel) throws ApplyException, CancelledException;

    /** The measurement was cancelled. */
    final class CancelledException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message what was stopped */
        public CancelledException(String message) {
            super(message);
        }
    }
}
