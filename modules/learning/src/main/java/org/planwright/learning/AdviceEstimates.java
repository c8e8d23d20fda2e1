package org.planwright.learning;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.sqltext.fingerprint.QueryPattern;
import org.planwright.sqltext.fingerprint.QueryPatterns;

/**
 * New advice seen through the workspace's learning loop, as the Advice pane shows it: each recommendation's estimate
 * from the estimator in use (the learned model once one has beaten the cost-only estimate on held-out trials, else
 * the what-if cost ratio, with an 80 % interval either way), its confidence raised or lowered by pattern memory, and
 * the list ordered by {@link Ranking}'s expected benefit (confidence x max(estimate, 0)), so that advice proven on
 * this query shape comes before untried advice of the same estimate. Stateless; any thread (the estimator's
 * prediction takes well under a millisecond).
 */
public final class AdviceEstimates {

    /**
     * One recommendation with what the learning loop says about it.
     *
     * @param recommendation    the advisor's recommendation, unchanged
     * @param estimate          the estimate in use with its 80 % interval, percent of execution time
     * @param advisorConfidence the advisor's own confidence, in [0, 1]
     * @param confidence        after pattern memory, in [0, 1]
     * @param expectedBenefit   confidence x max(estimate, 0), percent
     * @param match             the pattern-memory match, if any
     */
    public record Estimated(Recommendation recommendation, Estimate estimate, double advisorConfidence,
                            double confidence, double expectedBenefit, Optional<PatternMatch> match) {

        /**
         * @return what the DBA reads under the recommendation: the estimate and where it comes from, then what
         *     pattern memory knows (two lines)
         */
        public String describe() {
            String first;
            if (estimate.source() == Estimate.Source.LEARNED) {
                first = String.format(Locale.ROOT, "Learned estimate: %.0f %% (80 %% interval %.0f to %.0f %%), model v%d"
                                + " trained on this workspace's trials; the advisor's own estimate: %.0f %%",
                        estimate.percent(), estimate.low(), estimate.high(), estimate.modelVersion(),
                        recommendation.estimate().percent());
            } else {
                first = String.format(Locale.ROOT, "Estimate: %.0f %% (80 %% interval %.0f to %.0f %%), the planner's"
                                + " cost-only estimate: no model learned from this workspace's trials has beaten it on"
                                + " held-out trials yet", estimate.percent(), estimate.low(), estimate.high());
            }
            String second = match.map(m -> String.format(Locale.ROOT, "Pattern memory: %s %s, %d %s trial%s, %d at"
                                    + " or above the success threshold, median improvement %.0f %%: confidence %.0f %%"
                                    + " -> %.0f %%", m.exact() ? "this query shape" : String.format(Locale.ROOT,
                                    "a similar shape (similarity %.2f)", m.similarity()), m.signature(), m.attempts(),
                            m.recommendationKind(), m.attempts() == 1 ? "" : "s", m.successes(),
                            m.medianImprovement(), advisorConfidence * 100, confidence * 100))
                    .orElse(String.format(Locale.ROOT, "Pattern memory: no %s trials on this or a similar query shape"
                            + " yet; confidence stays %.0f %%", recommendation.kind().jsonName(),
                            advisorConfidence * 100));
            return first + "\n" + second;
        }
    }

    private AdviceEstimates() {
    }

    /**
     * What the estimator sees of a recommendation before any trial: its kind, the query's pattern signature and
     * fingerprint, the what-if cost ratio (an index's estimate is its what-if planner cost cut, so
     * {@code 1 - percent / 100}; the other kinds have none and their cost-only estimate is the advisor's), the
     * advisor's estimate and the plan features known before the change ({@link TrialLearning#planFeatures}).
     *
     * @param rec          the recommendation
     * @param querySql     the query it is for
     * @param planFeatures features of the query's plan before the change (may be empty)
     * @return the candidate
     */
    public static Candidate candidate(Recommendation rec, String querySql, Map<String, Double> planFeatures) {
        QueryPattern pattern = QueryPatterns.of(querySql);
        String signature = rec.patternSignature().isBlank() ? pattern.signature().text() : rec.patternSignature();
        Map<String, Double> features = new java.util.LinkedHashMap<>(planFeatures);
        Double whatIf = null;
        if (rec.kind() == RecommendationKind.INDEX) {
            whatIf = Math.max(0, 1 - rec.estimate().percent() / 100);
            features.put("indexWidth", (double) TrialLearning.indexWidth(rec.sql()));
        }
        return new Candidate(rec.kind().jsonName(), signature, whatIf, rec.estimate().percent(), features,
                pattern.fingerprint().id());
    }

    /**
     * @param recommendations the advice for {@code querySql}
     * @param querySql        the query
     * @param planFeatures    its plan's features before any change, or an empty map
     * @param memory          the workspace's pattern memory
     * @param estimator       the workspace's estimator in use
     * @return the recommendations with their estimates, highest expected benefit first
     */
    public static List<Estimated> rank(List<Recommendation> recommendations, String querySql,
                                       Map<String, Double> planFeatures, PatternMemory memory, Estimator estimator) {
        Map<Candidate, Recommendation> byCandidate = new IdentityHashMap<>();
        List<Candidate> candidates = new ArrayList<>(recommendations.size());
        for (Recommendation r : recommendations) {
            Candidate c = candidate(r, querySql, planFeatures);
            byCandidate.put(c, r);
            candidates.add(c);
        }
        List<Estimated> out = new ArrayList<>(candidates.size());
        for (Ranking.Ranked ranked : Ranking.rank(candidates, c -> byCandidate.get(c).estimate().confidence(), memory,
                estimator)) {
            Recommendation r = byCandidate.get(ranked.candidate());
            double prior = r.estimate().confidence();
            out.add(new Estimated(r, ranked.estimate(), prior, ranked.confidence(), ranked.expectedBenefit(),
                    memory.match(ranked.candidate().patternSignature(), ranked.candidate().recommendationKind(), prior)));
        }
        return out;
    }
}
