package org.planwright.advice.index;

import java.util.Objects;

/**
 * One statement of a workload.
 *
 * @param label where it comes from, for reports, e.g. {@code q17.sql} or {@code q15.sql#2}
 * @param sql   one statement PostgreSQL can EXPLAIN (SELECT, INSERT, UPDATE, DELETE, MERGE, WITH, VALUES)
 * @param weight how often it runs relative to the others (1 for a folder of files; calls from
 *               pg_stat_statements), at least 0
 */
public record WorkloadStatement(String label, String sql, double weight) {
    public WorkloadStatement {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sql, "sql");
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("weight must be at least 0: " + weight);
        }
    }

    /** @param label where it comes from @param sql the statement @return it with weight 1 */
    public static WorkloadStatement of(String label, String sql) {
        return new WorkloadStatement(label, sql, 1);
    }
}
