package org.planwright.app.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.planwright.advice.Recommendation;
import org.planwright.learning.AdviceEstimates;
import org.planwright.learning.Estimator;
import org.planwright.learning.LearningService;
import org.planwright.learning.TrialLearning;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.StatementKind;
import org.planwright.targetdb.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New advice through the workspace's learning loop ({@link AdviceEstimates}): ordered by expected benefit, each
 * recommendation with a note of its estimate (learned or cost-only, with its 80 % interval) and of pattern memory's
 * confidence. The plan features a learned estimator reads come from one {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT
 * JSON)} of the query — only for a query (never a data-changing statement), only while a learned model is in use, on
 * the read-only analysis session whose statement timeout applies. A failure costs only the notes, never the advice.
 * Called on a background thread.
 */
final class AdviceLearning {

    private static final Logger LOG = LoggerFactory.getLogger(AdviceLearning.class);

    /** Runs {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} of a query body (no trailing semicolon): the plan JSON. */
    @FunctionalInterface
    interface Explain {
        String analyze(String body) throws TargetException;
    }

    private AdviceLearning() {
    }

    /**
     * @param explain the analysis session's EXPLAIN ANALYZE
     * @param sql     the statement advised on
     * @param list    its advice, largest estimate first
     * @param service the learning loop over the store
     * @param ws      the current workspace
     * @param notes   receives each recommendation's estimate and note (cleared on failure)
     * @return the advice in the learning loop's order, or {@code list} unchanged on failure
     */
    static List<Recommendation> rank(Explain explain, String sql, List<Recommendation> list, LearningService service,
                                     UUID ws, Map<Recommendation, AdviceEstimates.Estimated> notes) {
        try {
            Estimator estimator = service.estimator(ws);
            Map<String, Double> features = Map.of();
            if (estimator.isLearned() && SqlStatement.of(sql).kind() == StatementKind.QUERY) {
                try {
                    features = TrialLearning.planFeatures(explain.analyze(sql.strip().replaceAll(";+\\s*$", "")));
                } catch (TargetException | RuntimeException e) {
                    LOG.info("No plan features for the learned estimate: {}", e.getMessage());
                }
            }
            List<Recommendation> ranked = new ArrayList<>(list.size());
            for (AdviceEstimates.Estimated e : AdviceEstimates.rank(list, sql, features, service.patternMemory(ws),
                    estimator)) {
                ranked.add(e.recommendation());
                notes.put(e.recommendation(), e);
            }
            return ranked;
        } catch (RuntimeException e) {
            LOG.warn("Advice shown without the learning loop's estimates: {}", e.getMessage());
            notes.clear();
            return list;
        }
    }
}
