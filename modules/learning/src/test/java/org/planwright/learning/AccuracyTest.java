package org.planwright.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planwright.store.Feedback;
import org.planwright.store.TrialOutcome;

class AccuracyTest {

    private final LearningSettings settings = LearningSettings.defaults();
    private final UUID ws = UUID.randomUUID();

    private List<TrialOutcome> outcomes(int n, java.util.function.IntToDoubleFunction error, String kind) {
        List<TrialOutcome> out = new ArrayList<>();
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            Instant at = t.plusSeconds(3600L * i);
            out.add(new TrialOutcome(UUID.randomUUID(), ws, kind, "00000000000000aa", "SELECT_PRED(EQ)",
                    40 + error.applyAsDouble(i), 0.6, 40, Map.of(), at, at));
        }
        return out;
    }

    @Test
    void scoreIsOneMinusTheErrorOverTheScaleClamped() {
        assertThat(Accuracy.score(40, 40, 50)).isEqualTo(1.0);
        assertThat(Accuracy.score(50, 40, 50)).isEqualTo(0.8);
        assertThat(Accuracy.score(-30, 40, 50)).isEqualTo(0.0);
    }

    @Test
    void shrinkingErrorsAreAnImprovingTrendNoiseIsStable() {
        Random r = new Random(5);
        List<Accuracy.Point> improving = Accuracy.series(outcomes(30, i -> 40 - i + r.nextGaussian() * 3, "index"), settings);
        assertThat(Accuracy.trend(improving).trend()).isEqualTo(Accuracy.Trend.IMPROVING);
        List<Accuracy.Point> worse = Accuracy.series(outcomes(30, i -> i * 1.2 + r.nextGaussian() * 3, "index"), settings);
        assertThat(Accuracy.trend(worse).trend()).isEqualTo(Accuracy.Trend.DECLINING);
        List<Accuracy.Point> noise = Accuracy.series(outcomes(30, i -> r.nextGaussian() * 10, "index"), settings);
        assertThat(Accuracy.trend(noise).trend()).isEqualTo(Accuracy.Trend.STABLE);
        assertThat(Accuracy.trend(noise.subList(0, 7)).trend()).isEqualTo(Accuracy.Trend.INSUFFICIENT);
        assertThat(improving.getLast().rolling()).isGreaterThan(improving.getFirst().rolling());
    }

    @Test
    void biasIsFoundPerKindOnlyWhereItIsSystematic() {
        Random r = new Random(9);
        List<TrialOutcome> all = new ArrayList<>(outcomes(20, i -> 30 + r.nextGaussian() * 5, "index"));
        all.addAll(outcomes(20, i -> r.nextGaussian() * 5, "rewrite"));
        List<Accuracy.Bias> bias = Accuracy.biasByKind(all);
        assertThat(bias).extracting(Accuracy.Bias::recommendationKind).containsExactly("index", "rewrite");
        assertThat(bias.getFirst().significant()).isTrue();
        assertThat(bias.getFirst().meanErrorPercent()).isBetween(25.0, 35.0);
        assertThat(bias.get(1).significant()).isFalse();
    }

    @Test
    void windowAccuracyAveragesTheTrialsInside() {
        List<Accuracy.Point> s = Accuracy.series(outcomes(10, i -> i < 5 ? 0 : 25, "index"), settings);
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        assertThat(Accuracy.window(s, t, t.plusSeconds(5 * 3600))).isEqualTo(1.0);
        assertThat(Accuracy.window(s, t.plusSeconds(5 * 3600), t.plusSeconds(99 * 3600))).isEqualTo(0.5);
    }

    @Test
    void feedbackStatisticsSkipDraftsAndCountRatingsApprovalAndSuccess() {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        List<Feedback> f = List.of(
                fb("index", 5, 100.0, 20.0, false, now),
                fb("index", 3, 100.0, 95.0, false, now),
                fb("index", null, null, null, false, now),
                fb("rewrite", 4, 10.0, 5.0, false, now.plusSeconds(86400)),
                fb("index", 1, 100.0, 100.0, true, now));
        FeedbackStatistics all = FeedbackStatistics.of(f, null, null, null, settings);
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.ratedShare()).isEqualTo(0.75);
        assertThat(all.averageRating()).isEqualTo(4.0);
        assertThat(all.approvalRate()).isEqualTo(2.0 / 3.0);
        assertThat(all.successRate()).isEqualTo(2.0 / 3.0); // 80 %, 5 %, 50 %
        assertThat(FeedbackStatistics.byKind(f, null, null, settings)).containsKeys("index", "rewrite");
        assertThat(FeedbackStatistics.of(f, null, now.plusSeconds(3600), null, settings).total()).isEqualTo(1);
    }

    private Feedback fb(String kind, Integer rating, Double before, Double after, boolean draft, Instant at) {
        return new Feedback(UUID.randomUUID(), ws, UUID.randomUUID(), kind, rating, null, null, before, after,
                Feedback.MetricsSource.MEASURED, 30.0, draft, at, at);
    }
}
