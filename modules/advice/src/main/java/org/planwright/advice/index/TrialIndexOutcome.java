package org.planwright.advice.index;

import java.util.List;

/**
 * What a {@link WorkloadTrial} found for one index of the set.
 *
 * @param index                 the index
 * @param name                  the name it was built with
 * @param rejected              null when kept; else why it was dropped from the advice, one sentence with numbers
 * @param warning               always null since docs/decisions/0024 (an index that slows a statement is rejected,
 *                              never kept with a warning); kept for the report's shape
 * @param helped                labels of the statements whose kept-set plan uses it and got faster beyond noise
 * @param hurt                  labels of the statements it made slower beyond noise (rejected ones name them)
 * @param beforeMs              sum of the "before" times of the statements whose plan used it, ms
 * @param afterMs               sum of their "after" times, ms (for a rejected index: with it, before rejection)
 * @param measuredImprovementPercent 100 · (before − after) / before over those statements; NaN when none used it
 */
public record TrialIndexOutcome(IndexCandidate index, String name, String rejected, String warning, List<String> helped,
                           List<String> hurt, double beforeMs, double afterMs,
                           double measuredImprovementPercent) {
    public TrialIndexOutcome {
        helped = List.copyOf(helped);
        hurt = List.copyOf(hurt);
    }
}
