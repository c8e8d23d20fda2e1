package org.planwright.learning;

import java.util.List;
import java.util.Map;

/**
 * The estimator's inputs, in a fixed order (missing features are 0; trees split around them):
 * one indicator per recommendation kind; the cost-only estimate and the what-if cost ratio; the advisor's
 * estimate; the pattern's history (shrunk success rate and number of past trials of this kind on this signature);
 * the signature's shape (joins, subqueries, aggregate, GROUP BY, ORDER BY, LIMIT); the plan and recommendation
 * features a trial records ({@link #RECORDED}); and the same-query history: earlier trials of this kind on this very
 * query (same fingerprint), their number, the median of their actual improvements, and the cost-only estimate
 * corrected by their median cost-only error ({@code costOnly + median(actual - costOnly)}; both fall back to the
 * cost-only estimate without history). The last is the history a DBA reads ("this query's index advice came out
 * 40 points under its planner cost last time") put where the trees can use it; it is what lets the estimator learned
 * on one round of trials beat the cost-only estimate on the next round of the same advice (docs/learning.md,
 * session 7). Stateless.
 */
final class FeatureVector {

    /** Kinds of issue 9, in this order. */
    static final List<String> KINDS = List.of("index", "drop-index", "rewrite", "setting", "statistics", "maintenance");
    /** Index of the cost-only estimate, percent: the base the learned model corrects. */
    static final int COST_ONLY = KINDS.size();
    /** Features trials record (TrialOutcome.features keys): plan, then recommendation. */
    static final List<String> RECORDED = List.of("planRows", "rowMisestimate", "sharedBuffers", "tempBlocks",
            "seqScanRows", "nodes", "planCost", "executionMs", "indexWidth", "tableBytes", "writesPerSecond");

    private FeatureVector() {
    }

    /** @return the names of the columns, in order */
    static String[] names() {
        String[] n = new String[KINDS.size() + 12 + RECORDED.size() + 3];
        int i = 0;
        for (String k : KINDS) {
            n[i++] = "kind_" + k.replace('-', '_');
        }
        for (String s : List.of("costOnly", "costRatio", "advisorEstimate", "patternRate", "patternTrials",
                "patternMedian", "joins",
                "subqueries", "aggregate", "groupBy", "orderBy", "limit")) {
            n[i++] = s;
        }
        for (String r : RECORDED) {
            n[i++] = r;
        }
        n[i++] = "sameQueryTrials";
        n[i++] = "sameQueryMedian";
        n[i++] = "costOnlyCorrected";
        return n;
    }

    /**
     * @param patternRate   the pattern's shrunk success rate (MatchConfidence), fraction
     * @param patternPast   the actual improvements of earlier trials of this kind on this signature, percent
     * @param sameQuery     earlier trials of this kind on this fingerprint, each {actual, cost-only} percent
     */
    static double[] of(Candidate c, double patternRate, List<Double> patternPast, List<double[]> sameQuery) {
        double[] v = new double[names().length];
        int i = 0;
        for (String k : KINDS) {
            v[i++] = k.equals(c.recommendationKind()) ? 1 : 0;
        }
        v[i++] = c.costOnlyPercent();
        v[i++] = c.whatIfCostRatio() == null ? 1.0 : c.whatIfCostRatio();
        v[i++] = c.advisorEstimatePercent();
        v[i++] = patternRate;
        v[i++] = patternPast.size();
        v[i++] = patternPast.isEmpty() ? 0 : Stats.median(patternPast);
        Map<String, Double> shape = SignatureSimilarity.weights(c.patternSignature());
        double joins = 0;
        for (Map.Entry<String, Double> e : shape.entrySet()) {
            joins += e.getKey().endsWith("_JOIN") ? e.getValue() : 0;
        }
        v[i++] = joins;
        v[i++] = shape.getOrDefault("SUBQUERY", 0.0) + shape.getOrDefault("DERIVED", 0.0);
        v[i++] = shape.containsKey("AGG") ? 1 : 0;
        v[i++] = shape.containsKey("GROUP_BY") ? 1 : 0;
        v[i++] = shape.containsKey("ORDER_BY") ? 1 : 0;
        v[i++] = shape.containsKey("LIMIT") ? 1 : 0;
        for (String r : RECORDED) {
            Double x = c.features().get(r);
            v[i++] = x == null ? 0 : x;
        }
        double costOnly = c.costOnlyPercent();
        v[i++] = sameQuery.size();
        if (sameQuery.isEmpty()) {
            v[i++] = costOnly;
            v[i] = costOnly;
        } else {
            List<Double> actual = new java.util.ArrayList<>(sameQuery.size());
            List<Double> gap = new java.util.ArrayList<>(sameQuery.size());
            for (double[] t : sameQuery) {
                actual.add(t[0]);
                gap.add(t[0] - t[1]);
            }
            v[i++] = Stats.median(actual);
            v[i] = costOnly + Stats.median(gap);
        }
        return v;
    }
}
