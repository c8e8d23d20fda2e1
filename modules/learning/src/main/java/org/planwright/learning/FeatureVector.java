package org.planwright.learning;

import java.util.List;
import java.util.Map;

/**
 * The estimator's inputs, in a fixed order (missing features are 0; trees split around them):
 * one indicator per recommendation kind; the cost-only estimate and the what-if cost ratio; the advisor's
 * estimate; the pattern's history (shrunk success rate and number of past trials of this kind on this signature);
 * the signature's shape (joins, subqueries, aggregate, GROUP BY, ORDER BY, LIMIT); and the plan and recommendation
 * features a trial records ({@link #RECORDED}). Stateless.
 */
final class FeatureVector {

    /** Kinds of issue 9, in this order. */
    static final List<String> KINDS = List.of("index", "drop-index", "rewrite", "setting", "statistics", "maintenance");
    /** Features trials record (TrialOutcome.features keys): plan, then recommendation. */
    static final List<String> RECORDED = List.of("planRows", "rowMisestimate", "sharedBuffers", "tempBlocks",
            "seqScanRows", "nodes", "planCost", "executionMs", "indexWidth", "tableBytes", "writesPerSecond");

    private FeatureVector() {
    }

    /** @return the names of the columns, in order */
    static String[] names() {
        String[] n = new String[KINDS.size() + 12 + RECORDED.size()];
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
        return n;
    }

    /**
     * @param patternRate   the pattern's shrunk success rate (MatchConfidence), fraction
     * @param patternPast   the actual improvements of earlier trials of this kind on this signature, percent
     */
    static double[] of(Candidate c, double patternRate, List<Double> patternPast) {
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
        return v;
    }
}
