package org.planwright.advice.index;

import java.util.List;
import org.planwright.advice.Recommendation;
import org.planwright.advice.parameters.BoundParameter;

/**
 * What the index advisor found for a workload.
 *
 * @param recommendations {@code index} recommendations (the chosen set, most estimated benefit first), then
 *                        {@code drop-index} ones
 * @param chosen          the chosen indexes, parallel to the first {@code chosen.size()} recommendations
 * @param statements      every statement's estimated plan cost before and after the chosen set
 * @param skipped         statements that could not be costed, with the reason
 * @param method          how indexes were simulated, e.g. HypoPG
 * @param lockNote        non-empty when indexes were built in a rolled-back transaction: what was locked
 * @param candidates      distinct candidates considered
 * @param explainCalls    what-if EXPLAIN calls made
 * @param elapsedMillis   wall time of the advice, ms
 */
public record IndexAdvice(List<Recommendation> recommendations, List<ChosenIndex> chosen,
                          List<StatementCost> statements, List<Skipped> skipped, String method, String lockNote,
                          int candidates, int explainCalls, double elapsedMillis) {

    public IndexAdvice {
        recommendations = List.copyOf(recommendations);
        chosen = List.copyOf(chosen);
        statements = List.copyOf(statements);
        skipped = List.copyOf(skipped);
    }

    /**
     * One chosen index.
     *
     * @param candidate          the index
     * @param sizeBytes          its estimated size, bytes
     * @param improvementPercent estimated cut of the summed plan cost of the statements it helps, percent, with the
     *                           other chosen indexes present
     * @param helps              labels of the statements whose cost it cuts
     */
    public record ChosenIndex(IndexCandidate candidate, long sizeBytes, double improvementPercent,
                              List<String> helps) {
        public ChosenIndex {
            helps = List.copyOf(helps);
        }
    }

    /**
     * @param label           the statement's label
     * @param costBefore      estimated total plan cost with the existing indexes
     * @param costAfter       with the chosen indexes too
     * @param boundParameters the representative values its {@code $n} parameters were costed with (PostgreSQL
     *                        before 16, {@link org.planwright.advice.parameters.ParameterBinder}); empty when it was
     *                        planned as given (no parameters, or {@code EXPLAIN (GENERIC_PLAN)})
     */
    public record StatementCost(String label, double costBefore, double costAfter,
                                List<BoundParameter> boundParameters) {
        public StatementCost {
            boundParameters = List.copyOf(boundParameters);
        }

        /** @param label the label @param costBefore cost now @param costAfter with the set; planned as given */
        public StatementCost(String label, double costBefore, double costAfter) {
            this(label, costBefore, costAfter, List.of());
        }
    }

    /**
     * @param label  the statement's label
     * @param reason why it was not costed, one line
     */
    public record Skipped(String label, String reason) {
    }

    /** @return the chosen indexes' estimated size together, bytes */
    public long totalBytes() {
        return chosen.stream().mapToLong(ChosenIndex::sizeBytes).sum();
    }

    /** @return geometric mean over the costed statements of costAfter / costBefore (1 when there are none) */
    public double geomeanCostRatio() {
        if (statements.isEmpty()) {
            return 1;
        }
        return Math.exp(statements.stream().mapToDouble(s -> Math.log(s.costAfter() / s.costBefore())).average()
                .orElse(0));
    }
}
