package org.planwright.app.compare;

import org.planwright.plans.compare.Delta;

/**
 * One line of the totals above the comparison.
 *
 * @param label  e.g. "Execution time (ms)"
 * @param before the before value as shown
 * @param after  the after value as shown
 * @param change the signed difference as shown, e.g. "-227.54"
 * @param trend  better / same / worse for a lower-is-better value; SAME for counts without direction
 */
public record TotalRow(String label, String before, String after, String change, Delta.Trend trend) {
}
