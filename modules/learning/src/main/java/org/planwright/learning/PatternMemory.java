package org.planwright.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planwright.store.TrialOutcome;

/**
 * Pattern memory over a workspace's trial outcomes: which recommendation kinds were tried on which query shapes
 * (pattern signatures), how often they succeeded and by how much. Matching is exact on the signature, or else by
 * {@link SignatureSimilarity} to the most similar pattern(s) at or above the settings' threshold (their trials
 * pooled, the evidence discounted by the similarity). Immutable snapshot; thread-safe.
 */
public final class PatternMemory {

    private final Map<String, Map<String, List<Double>>> byKindAndSignature = new LinkedHashMap<>();
    private final LearningSettings settings;
    private final Map<String, Double> kindRates = new LinkedHashMap<>();
    /** kind + NUL + fingerprint -> earlier outcomes' {actual, cost-only} improvement pairs, percent. */
    private final Map<String, List<double[]>> byKindAndFingerprint = new LinkedHashMap<>();

    /**
     * @param outcomes the workspace's trial outcomes (any order)
     * @param settings threshold, similarity threshold, prior strength
     */
    public PatternMemory(List<TrialOutcome> outcomes, LearningSettings settings) {
        this.settings = settings;
        for (TrialOutcome o : outcomes) {
            byKindAndSignature.computeIfAbsent(o.recommendationKind(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.patternSignature(), s -> new ArrayList<>())
                    .add(o.actualImprovementPercent());
            byKindAndFingerprint.computeIfAbsent(sameQueryKey(o.recommendationKind(), o.fingerprint()),
                    k -> new ArrayList<>()).add(sameQueryPair(o));
        }
        for (Map.Entry<String, Map<String, List<Double>>> k : byKindAndSignature.entrySet()) {
            double s = 0;
            int n = 0;
            for (List<Double> l : k.getValue().values()) {
                for (double a : l) {
                    s += MatchConfidence.softSuccess(a, settings.successThresholdPercent());
                    n++;
                }
            }
            kindRates.put(k.getKey(), s / n);
        }
    }

    /**
     * @param signature          the new query's pattern signature
     * @param recommendationKind the kind of the new recommendation
     * @param prior              the advisor's own confidence in it, in [0, 1]
     * @return the match, or empty when neither the signature nor any similar pattern has trials of this kind
     */
    public Optional<PatternMatch> match(String signature, String recommendationKind, double prior) {
        Map<String, List<Double>> bySignature = byKindAndSignature.getOrDefault(recommendationKind, Map.of());
        List<Double> exact = bySignature.get(signature);
        if (exact != null) {
            return Optional.of(match(signature, recommendationKind, true, 1.0, exact, prior));
        }
        double best = 0;
        for (String other : bySignature.keySet()) {
            best = Math.max(best, SignatureSimilarity.of(signature, other));
        }
        if (best < settings.similarityThreshold()) {
            return Optional.empty();
        }
        List<Double> pooled = new ArrayList<>();
        String matched = null;
        for (Map.Entry<String, List<Double>> e : bySignature.entrySet()) {
            if (SignatureSimilarity.of(signature, e.getKey()) == best) {
                pooled.addAll(e.getValue());
                matched = matched == null ? e.getKey() : matched;
            }
        }
        return Optional.of(match(matched, recommendationKind, false, best, pooled, prior));
    }

    /**
     * The advisor's confidence raised or lowered by pattern memory: {@link MatchConfidence} with the advisor's
     * confidence as prior; unchanged when there is no match.
     */
    public double confidence(String signature, String recommendationKind, double advisorConfidence) {
        return match(signature, recommendationKind, advisorConfidence).map(PatternMatch::confidence)
                .orElse(advisorConfidence);
    }

    /**
     * @param limit at most this many
     * @return per (signature, kind) with trials, the most tried first (ties: higher success rate first)
     */
    public List<PatternMatch> topPatterns(int limit) {
        List<PatternMatch> all = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Double>>> k : byKindAndSignature.entrySet()) {
            for (Map.Entry<String, List<Double>> s : k.getValue().entrySet()) {
                all.add(match(s.getKey(), k.getKey(), true, 1.0, s.getValue(), kindRate(k.getKey())));
            }
        }
        all.sort(Comparator.comparingInt(PatternMatch::attempts).reversed()
                .thenComparing(Comparator.comparingDouble(PatternMatch::successRate).reversed())
                .thenComparing(PatternMatch::signature));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /**
     * @param fingerprint        the query's fingerprint ("" when unknown: no history)
     * @param recommendationKind the recommendation's kind
     * @return the trials of this kind on this very query, each {actual, cost-only} improvement in percent; empty
     *     when there are none
     */
    public List<double[]> sameQuery(String fingerprint, String recommendationKind) {
        if (fingerprint == null || fingerprint.isEmpty()) {
            return List.of();
        }
        return List.copyOf(byKindAndFingerprint.getOrDefault(sameQueryKey(recommendationKind, fingerprint), List.of()));
    }

    static String sameQueryKey(String kind, String fingerprint) {
        return kind + "\u0000" + fingerprint;
    }

    static double[] sameQueryPair(TrialOutcome o) {
        return new double[] {o.actualImprovementPercent(), Candidate.of(o).costOnlyPercent()};
    }

    /** @return the kind's soft success rate over all patterns, or 0.5 without trials */
    public double kindRate(String recommendationKind) {
        return kindRates.getOrDefault(recommendationKind, 0.5);
    }

    private PatternMatch match(String signature, String kind, boolean exact, double similarity, List<Double> improvements,
                               double prior) {
        List<Double> sorted = new ArrayList<>(improvements);
        sorted.sort(null);
        int successes = (int) sorted.stream().filter(a -> a >= settings.successThresholdPercent()).count();
        return new PatternMatch(signature, kind, exact, similarity, sorted.size(), successes, sorted,
                MatchConfidence.of(sorted, similarity, prior, settings));
    }
}
