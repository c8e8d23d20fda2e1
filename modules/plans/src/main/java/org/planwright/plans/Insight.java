package org.planwright.plans;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finding about a plan, worded for a DBA.
 *
 * @param kind        what kind of problem
 * @param nodeIds     ids ({@link PlanNode#id()}) of the nodes it concerns, most relevant first; not empty
 * @param score       0-5, the time the problem costs, see {@link ImpactScore}
 * @param impact      fraction 0..1 of the execution time (of the total cost for plans without ANALYZE) at
 *                    stake; the score is derived from it
 * @param title       one line, e.g. "Seq Scan on lineitem removes 99.5% of the rows it reads"
 * @param explanation plain explanation and what to try
 * @param evidence    named numbers behind the finding, in display order; each name carries its unit
 */
public record Insight(InsightKind kind, List<Integer> nodeIds, int score, double impact, String title,
                      String explanation, Map<String, Double> evidence) {

    /** Validates and copies. */
    public Insight {
        if (nodeIds.isEmpty()) {
            throw new IllegalArgumentException("an insight concerns at least one node");
        }
        if (score < 0 || score > 5) {
            throw new IllegalArgumentException("score must be 0..5: " + score);
        }
        nodeIds = List.copyOf(nodeIds);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
