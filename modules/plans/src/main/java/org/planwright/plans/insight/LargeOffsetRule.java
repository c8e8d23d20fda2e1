package org.planwright.plans.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightKind;
import org.planwright.plans.InsightRule;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.ImpactScore;

/**
 * LARGE_OFFSET: a Limit whose input produced at least {@link InsightThresholds#offsetRowsMin()} more rows than
 * the Limit returned, and at least {@link InsightThresholds#offsetFraction()} of its input. A Limit stops its input once it has its rows, so
 * extra input rows are the ones an OFFSET skipped; "the rows skipped by an OFFSET clause still have to be
 * computed inside the server; therefore a large OFFSET might be inefficient" (PostgreSQL documentation,
 * "LIMIT and OFFSET"). Thresholds are Planwright's. Impact: the input's inclusive time share times the
 * discarded fraction (the work spent on rows nobody sees).
 */
public final class LargeOffsetRule implements InsightRule {


    private final InsightThresholds thresholds;

    /** A rule with {@link InsightThresholds#defaults()}. */
    public LargeOffsetRule() {
        this(InsightThresholds.defaults());
    }

    /** @param thresholds the numbers this rule compares with (discarded rows and fraction) */
    public LargeOffsetRule(InsightThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Override
    public List<Insight> apply(Plan plan) {
        List<Insight> out = new ArrayList<>();
        for (PlanNode n : NodeSets.of(plan, "Limit")) {
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
            if (discarded < thresholds.offsetRowsMin() || fraction < thresholds.offsetFraction()) {
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
            String title = Phrases.label(n) + " skipped " + Numbers.whole(discarded) + " rows to return "
                    + Numbers.whole(n.totalActualRows());
            String why = "The rows skipped by OFFSET are still read, joined and sorted before the Limit throws them "
                    + "away, so each later page costs more. Keyset pagination (WHERE (sort key) > (last value seen) "
                    + "ORDER BY sort key LIMIT n, with an index on the sort key) reads only the rows of the page.";
            out.add(new Insight(InsightKind.LARGE_OFFSET, List.of(n.id()), ImpactScore.of(impact), impact, title,
                    why, ev));
        }
        return out;
    }
}
