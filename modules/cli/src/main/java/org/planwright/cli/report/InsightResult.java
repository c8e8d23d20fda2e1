package org.planwright.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finding about a plan.
 *
 * @param kind        stable identifier of the finding, lower case with hyphens, e.g. "row-misestimate"
 * @param score       severity 0 (negligible) to 5: the share of execution time at stake, 50 % or more giving 5
 *                    (Planwright's scale, see the plans module's {@code ImpactScore})
 * @param impact      that share as a fraction 0..1 of the execution time (of the root's total cost without
 *                    ANALYZE)
 * @param title       one-line summary
 * @param explanation what it means and what to try, in plain sentences
 * @param nodeIds     ids of the plan nodes concerned, most relevant first (depth-first numbering, root = 0)
 * @param node        a short description of the first node concerned, e.g. "Seq Scan on lineitem"
 * @param evidence    the numbers behind the finding, in display order; each name carries its unit
 */
public record InsightResult(String kind, int score, double impact, String title, String explanation,
                            List<Integer> nodeIds, String node, Map<String, Double> evidence) {

    public InsightResult {
        nodeIds = List.copyOf(nodeIds);
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
