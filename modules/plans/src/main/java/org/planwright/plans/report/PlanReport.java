package org.planwright.plans.report;

import java.util.List;
import java.util.Objects;
import org.planwright.plans.Insight;
import org.planwright.plans.Plan;

/**
 * What a report of one plan shows.
 *
 * @param name     what the plan is called in the report, e.g. a file name or "Capture 2026-11-23 14:02"
 * @param plan     the plan
 * @param insights its insights, ranked (as {@link org.planwright.plans.InsightEngine#analyze} returns them)
 * @param query    the statement's text; null for the plan's own "Query Text" (auto_explain), if any
 */
public record PlanReport(String name, Plan plan, List<Insight> insights, String query) {

    /** A report whose query is the plan's own "Query Text", if any. */
    public PlanReport(String name, Plan plan, List<Insight> insights) {
        this(name, plan, insights, null);
    }

    /** @return the query to show: {@link #query()}, else the plan's "Query Text" */
    public java.util.Optional<String> queryToShow() {
        return query != null ? java.util.Optional.of(query) : plan.queryText();
    }

    /** Validates and copies. */
    public PlanReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plan, "plan");
        insights = List.copyOf(insights);
    }
}
