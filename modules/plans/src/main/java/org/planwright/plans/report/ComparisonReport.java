package org.planwright.plans.report;

import java.util.Objects;
import org.planwright.plans.compare.PlanComparison;

/**
 * What a report of a plan comparison shows.
 *
 * @param beforeName what the "before" plan is called, e.g. "q4-before.json"
 * @param afterName  what the "after" plan is called
 * @param comparison the comparison
 */
public record ComparisonReport(String beforeName, String afterName, PlanComparison comparison) {

    /** Validates. */
    public ComparisonReport {
        Objects.requireNonNull(beforeName, "beforeName");
        Objects.requireNonNull(afterName, "afterName");
        Objects.requireNonNull(comparison, "comparison");
    }
}
