package org.planwright.app.compare;

import java.util.Objects;

/**
 * A plan the comparison can use: a capture of the workspace or an opened plan file.
 *
 * @param name     how the pickers show it, e.g. "13:40:02 · select o_orderpriority, count(*) …" or "q4-after.json"
 * @param planText the plan as EXPLAIN printed it (JSON or text)
 * @param query    the statement, or null when unknown (a plan file)
 */
public record PlanSource(String name, String planText, String query) {

    /** Validates. */
    public PlanSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(planText, "planText");
    }

    @Override
    public String toString() {
        return name;
    }
}
