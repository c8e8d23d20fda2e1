package org.planwright.workload;

/**
 * A statistics export or query result that does not hold what {@code pg_stat_statements} /
 * {@code pg_stat_database} hold: a missing column, or a value that is not a number. The message names the file,
 * line and column.
 */
public final class StatisticsFormatException extends RuntimeException {

    /** @param message what is wrong and where, one line */
    public StatisticsFormatException(String message) {
        super(message);
    }
}
