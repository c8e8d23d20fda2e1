package org.planwright.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwright.store.TrialOutcome;

class PatternMemoryTest {

    private final LearningSettings settings = LearningSettings.defaults();
    private final UUID ws = UUID.randomUUID();
    private int minute;

    private TrialOutcome trial(String signature, String kind, double actual) {
        Instant t = Instant.parse("2026-06-01T00:00:00Z").plusSeconds(60L * minute++);
        return new TrialOutcome(UUID.randomUUID(), ws, kind, "00000000000000aa", signature, 30, 0.5, actual, Map.of(), t, t);
    }

    @Test
    void similarityIsOneForEqualShapesZeroAcrossKindsAndInBetweenOtherwise() {
        String a = "SELECT_INNER_JOIN(2)_AGG_GROUP_BY_ORDER_BY_LIMIT_PRED(EQ,LT)";
        assertThat(SignatureSimilarity.of(a, a)).isEqualTo(1.0);
        assertThat(SignatureSimilarity.of(a, a + "~")).isEqualTo(1.0);
        assertThat(SignatureSimilarity.of(a, "UPDATE_PRED(EQ,LT)")).isZero();
        // one join more: weights 2+1+1+1+1+0.5+0.5 = 7 vs 8, min sum 7 -> 7/8
        assertThat(SignatureSimilarity.of(a, "SELECT_INNER_JOIN(3)_AGG_GROUP_BY_ORDER_BY_LIMIT_PRED(EQ,LT)"))
                .isEqualTo(7.0 / 8.0);
        assertThat(SignatureSimilarity.weights("SELECT_WITH_RECURSIVE(1)_GROUP_BY_ON_CONFLICT"))
                .containsOnlyKeys("WITH_RECURSIVE", "GROUP_BY", "ON_CONFLICT");
    }

    @Test
    void exactMatchesComeFirstAndSimilarPatternsStandInWithDiscountedEvidence() {
        String sig = "SELECT_INNER_JOIN(2)_AGG_GROUP_BY_PRED(EQ)";
        List<TrialOutcome> t = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            t.add(trial(sig, "index", 60));
        }
        PatternMemory memory = new PatternMemory(t, settings);
        PatternMatch exact = memory.match(sig, "index", 0.5).orElseThrow();
        assertThat(exact.exact()).isTrue();
        assertThat(exact.attempts()).isEqualTo(6);
        assertThat(exact.successRate()).isEqualTo(1.0);
        // (6 * 1 + 4 * 0.5) / (6 + 4)
        assertThat(exact.confidence()).isCloseTo(0.8, offset(1e-12));

        PatternMatch similar = memory.match("SELECT_INNER_JOIN(3)_AGG_GROUP_BY_PRED(EQ)", "index", 0.5).orElseThrow();
        assertThat(similar.exact()).isFalse();
        assertThat(similar.similarity()).isEqualTo(4.5 / 5.5);
        assertThat(similar.confidence()).isBetween(0.5, exact.confidence());
        assertThat(memory.match("DELETE_PRED(EQ)", "index", 0.5)).isEmpty();
        assertThat(memory.match(sig, "rewrite", 0.5)).isEmpty();
        assertThat(memory.confidence(sig, "rewrite", 0.42)).isEqualTo(0.42);
    }

    @Test
    void failuresLowerTheConfidenceAndBigImprovementsRaiseIt() {
        String sig = "SELECT_PRED(EQ)";
        PatternMemory poor = new PatternMemory(List.of(trial(sig, "index", -5), trial(sig, "index", 2)), settings);
        PatternMemory modest = new PatternMemory(List.of(trial(sig, "index", 12), trial(sig, "index", 12)), settings);
        PatternMemory big = new PatternMemory(List.of(trial(sig, "index", 70), trial(sig, "index", 80)), settings);
        double p = 0.5;
        assertThat(poor.confidence(sig, "index", p)).isLessThan(p);
        assertThat(modest.confidence(sig, "index", p)).isGreaterThan(p).isLessThan(big.confidence(sig, "index", p));
    }

    /**
     * Patterns with true success probabilities from U(0, 1), each tried 1-12 times: replayed in time order, the
     * Beta-Binomial confidence predicts the next trial better (lower Brier score) than the seed documents' rule.
     */
    @Test
    void theConfidenceIsBetterCalibratedThanTheSeedRuleOnReplayedTrials() {
        Random r = new Random(3);
        List<TrialOutcome> all = new ArrayList<>();
        for (int p = 0; p < 120; p++) {
            double truth = r.nextDouble();
            int trials = 1 + r.nextInt(12);
            for (int i = 0; i < trials; i++) {
                boolean success = r.nextDouble() < truth;
                all.add(trial("SELECT_INNER_JOIN(" + p + ")_PRED(EQ)", "index",
                        success ? 15 + r.nextDouble() * 70 : -10 + r.nextDouble() * 18));
            }
        }
        java.util.Collections.shuffle(all, r);
        List<TrialOutcome> timed = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (TrialOutcome o : all) {
            t = t.plusSeconds(60);
            timed.add(new TrialOutcome(o.trialId(), ws, o.recommendationKind(), o.fingerprint(), o.patternSignature(),
                    30, 0.5, o.actualImprovementPercent(), Map.of(), t, t));
        }
        ConfidenceEvaluation e = ConfidenceEvaluation.of(timed, settings);
        assertThat(e.predictions()).isGreaterThan(400);
        assertThat(e.brierOurs()).isLessThan(e.brierSeed());
    }

    @Test
    void provenRecommendationsComeFirstAndFailingOnesSink() {
        String proven = "SELECT_ORDER_BY_LIMIT_PRED(EQ)";
        String failing = "SELECT_AGG_PRED(BETWEEN,GE,LT)";
        List<TrialOutcome> history = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            history.add(trial(proven, "index", 70));
            history.add(trial(failing, "index", -3));
        }
        PatternMemory memory = new PatternMemory(history, settings);
        Candidate untried = new Candidate("index", "SELECT_WINDOW_PRED(NE)", 0.5, 50, Map.of());
        Candidate good = new Candidate("index", proven, 0.5, 50, Map.of());
        Candidate bad = new Candidate("index", failing, 0.5, 50, Map.of());
        List<Ranking.Ranked> ranked = Ranking.rank(List.of(bad, untried, good), c -> 0.5, memory,
                Estimator.costOnly(history, settings));
        assertThat(ranked).extracting(Ranking.Ranked::candidate).containsExactly(good, untried, bad);
        assertThat(ranked.get(1).confidence()).isEqualTo(0.5);
    }
}
