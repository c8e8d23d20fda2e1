package org.planwright.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LARGE_OFFSET: a Limit whose input produced at least {@link #MIN_DISCARDED_ROWS} more rows than the Limit
 * returned, and at least {@link #MIN_DISCARDED} of its input. A Limit stops its input once it has its rows, so
 * extra input rows are the ones an OFFSET skipped; "the rows skipped by an OFFSET clause still have to be
 * computed inside the server; therefore a large OFFSET might be inefficient" (PostgreSQL documentation,
 * "LIMIT and OFFSET"). Thresholds are Planwright's. Impact: the input's inclusive time share times the
 * discarded fraction (the work spent on rows nobody sees).
 */
public final class LargeOffsetRule implements InsightRule {

    /** Minimum rows discarded (input rows minus returned rows, all loops). */
    public static final double MIN_DISCARDED_ROWS = 1000;
    /** Minimum discarded fraction of the input rows. */
    public static final double MIN_DISCARDED = 0.50;

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : plan.nodes()) {
            if (!"Limit".equals(n.nodeType()) || n.actualLoops().isEmpty() || n.neverExecuted()) {
                continue;
            }
            PlanNode input = n.children().stream().filter(c -> "Outer".equals(c.parentRelationship().orElse("")))
                    .findFirst().orElse(null);
            if (input == null || input.actualLoops().isEmpty()) {
                continue;
            }
            double in = input.totalActualRows();
            double discarded = in - n.totalActualRows();
            double fraction = in > 0 ? discarded / in : 0;
            if (discarded < MIN_DISCARDED_ROWS || fraction < MIN_DISCARDED) {
                continue;
            }
            double impact = Math.clamp(ImpactScore.inclusiveShare(plan, input) * fraction, 0.0, 1.0);
            Map<String, Double> ev = new LinkedHashMap<>();
            ev.put("rows produced by the input (all loops)", in);
            ev.put("rows returned (all loops)", n.totalActualRows());
            ev.put("rows discarded (all loops)", discarded);
            ev.put("discarded (fraction)", fraction);
            ev.put("input inclusive time (ms)", input.inclusiveTime());
            ev.put("share of execution time on discarded rows (fraction)", impact);
            String title = InsightEngine.label(n) + " skipped " + String.format(java.util.Locale.ROOT, "%,.0f",
                    discarded) + " rows to return " + String.format(java.util.Locale.ROOT, "%,.0f",
                    n.totalActualRows());
            String why = "The rows skipped by OFFSET are still read, joined and sorted before the Limit throws them "
                    + "away, so each later page costs more. Keyset pagination (WHERE (sort key) > (last value seen) "
                    + "ORDER BY sort key LIMIT n, with an index on the sort key) reads only the rows of the page.";
            out.add(new Insight(InsightKind.LARGE_OFFSET, List.of(n.id()), ImpactScore.of(impact), impact, title,
                    why, ev));
        }
        return out;
    }
}
