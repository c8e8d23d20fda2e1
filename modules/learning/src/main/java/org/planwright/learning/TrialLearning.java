package org.planwright.learning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.planwright.advice.trial.TrialResult;
import org.planwright.plans.Buffers;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import org.planwright.plans.RowEstimate;
import org.planwright.sqltext.fingerprint.QueryPattern;
import org.planwright.sqltext.fingerprint.QueryPatterns;
import org.planwright.store.TrialOutcome;

/**
 * Maps a stored trial to the learning loop's {@link TrialOutcome} (docs/learning.md): the recommendation's kind,
 * the fingerprint id and pattern signature of the query measured (an index recommendation for a workload has no
 * signature of its own), the estimated and the actual improvement, the what-if cost
 * ratio (planner total cost after / before), and the plan features the estimator reads — all from what is known
 * <em>before</em> the change (the last run before it), never from the runs after it:
 * <ul>
 *   <li>{@code planCost}: planner total cost before, cost units; {@code executionMs}: median execution time
 *       before, ms;</li>
 *   <li>{@code planRows}: the root's actual rows; {@code rowMisestimate}: the largest per-node misestimate factor
 *       ({@link PlanNode#rowEstimate()}, PEV2's formula), &gt;= 1;</li>
 *   <li>{@code sharedBuffers}: the root's shared blocks hit + read (8 kB); {@code tempBlocks}: its temp blocks
 *       read + written (8 kB; a sort or hash that spilled);</li>
 *   <li>{@code seqScanRows}: rows the plan's sequential scans read (actual rows + rows removed by filter, per
 *       loop times loops); {@code nodes}: plan node count;</li>
 *   <li>{@code indexWidth}: for an index, its key and INCLUDE column count.</li>
 * </ul>
 * Both the Advice pane and {@code planwright advise --trial} record their trials through this one mapping. Pure;
 * any thread.
 */
public final class TrialLearning {

    private TrialLearning() {
    }

    /**
     * @param trialId     the trial's id in the store ({@code AdviceRecords.saveTrial})
     * @param workspaceId its workspace
     * @param r           the finished trial (rolled back, with runs on both sides)
     * @return the outcome to record ({@link LearningService#record})
     * @throws IllegalArgumentException when the trial has no measured runs (a hypothetical trial): nothing was
     *                                  measured to learn from
     */
    public static TrialOutcome outcome(UUID trialId, UUID workspaceId, TrialResult r) {
        if (r.beforeSummary() == null || Double.isNaN(r.actualImprovementPercent())) {
            throw new IllegalArgumentException("A hypothetical trial measured no execution time: nothing to learn");
        }
        Map<String, Double> features = new LinkedHashMap<>();
        if (r.costBefore() > 0) {
            features.put("planCost", r.costBefore());
        }
        features.put("executionMs", r.beforeSummary().medianMillis());
        planFeatures(r.beforePlan(), features);
        if (r.recommendation().kind() == org.planwright.advice.RecommendationKind.INDEX) {
            features.put("indexWidth", (double) indexWidth(r.recommendation().sql()));
        }
        Double whatIf = r.costBefore() > 0 && r.costAfter() > 0 ? r.costAfter() / r.costBefore() : null;
        QueryPattern pattern = QueryPatterns.of(r.querySql());
        return new TrialOutcome(trialId, workspaceId, r.recommendation().kind().jsonName(),
                pattern.fingerprint().id(), pattern.signature().text(),
                r.recommendation().estimate().percent(), whatIf, r.actualImprovementPercent(), features,
                r.startedAt(), r.finishedAt());
    }

    /**
     * The plan features known before a change, from one {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} of the query
     * (the Advice pane runs one before estimating new advice): {@code planCost} and {@code executionMs} from the plan
     * itself, then the features listed above.
     *
     * @param planJson the plan
     * @return the features by name; empty when the plan cannot be read
     */
    public static Map<String, Double> planFeatures(String planJson) {
        Map<String, Double> features = new LinkedHashMap<>();
        try {
            Plan plan = PlanParser.parse(planJson);
            plan.root().totalCost().ifPresent(c -> features.put("planCost", c));
            plan.executionTime().ifPresent(ms -> features.put("executionMs", ms));
        } catch (RuntimeException e) { // PlanParseException included: no features from a plan that cannot be read
            return Map.of();
        }
        planFeatures(planJson, features);
        return features;
    }

    private static void planFeatures(String json, Map<String, Double> into) {
        if (json == null || json.isBlank()) {
            return;
        }
        Plan plan;
        try {
            plan = PlanParser.parse(json);
        } catch (PlanParseException e) {
            return;
        }
        PlanNode root = plan.root();
        root.actualRows().ifPresent(v -> into.put("planRows", v));
        double misestimate = 1;
        double seqScanRows = 0;
        for (PlanNode n : plan.nodes()) {
            misestimate = Math.max(misestimate, n.rowEstimate().map(RowEstimate::factor).orElse(1.0));
            if (n.nodeType().endsWith("Seq Scan")) {
                long loops = n.actualLoops().orElse(1);
                seqScanRows += (n.actualRows().orElse(0) + n.rowsRemovedByFilter().orElse(0)) * loops;
            }
        }
        into.put("rowMisestimate", misestimate);
        Buffers b = root.buffers();
        into.put("sharedBuffers", (double) (b.sharedHit() + b.sharedRead()));
        into.put("tempBlocks", (double) b.tempTotal());
        into.put("seqScanRows", seqScanRows);
        into.put("nodes", (double) plan.nodeCount());
    }

    /** @return the columns between the first parentheses of a CREATE INDEX, plus those of INCLUDE (...) */
    static int indexWidth(String createIndex) {
        int width = 0;
        String s = createIndex;
        int open = s.indexOf('(');
        int include = s.toUpperCase(java.util.Locale.ROOT).indexOf("INCLUDE");
        for (int from : new int[] {open, include < 0 ? -1 : s.indexOf('(', include)}) {
            if (from < 0) {
                continue;
            }
            int depth = 0;
            int cols = 1;
            for (int i = from; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                } else if (c == ',' && depth == 1) {
                    cols++;
                }
            }
            width += cols;
        }
        return width;
    }
}
