package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The learning loop's records on a real H2 file (V4). */
class LearningRecordsTest extends StoreTestBase {

    private TrialOutcome outcome(UUID ws, String signature, String kind, double actual) {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        return new TrialOutcome(UUID.randomUUID(), ws, kind, "0123456789abcdef", signature, 40.0, 0.5, actual,
                Map.of("planRows", 1200.0, "indexWidth", 2.0), t, t.plusSeconds(30));
    }

    @Test
    void anOutcomeIsRecordedOnceAndCountedOnceUnderThisDevice() {
        UUID ws = store.workspaces().create("acme").id();
        TrialOutcomes outcomes = store.learning().trialOutcomes();
        TrialOutcome o = outcome(ws, "SELECT_INNER_JOIN(1)_PRED(EQ)", "index", 55.5);
        assertThat(outcomes.record(o, true)).isTrue();
        assertThat(outcomes.record(o, true)).as("the same trial again").isFalse();
        outcomes.record(outcome(ws, "SELECT_INNER_JOIN(1)_PRED(EQ)", "index", 2.0), false);

        assertThat(outcomes.list(ws)).hasSize(2).contains(o);
        List<PatternCounter> rows = store.learning().patternCounters().perDevice(ws);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.successes()).isEqualTo(1);
            assertThat(r.deviceId()).isEqualTo(store.learning().patternCounters().thisDevice());
        });
    }

    @Test
    void countersOfSeveralDevicesMergeWithoutLossAndTotalsAreSums() {
        UUID ws = store.workspaces().create("acme").id();
        String sig = "SELECT_AGG_GROUP_BY";
        store.learning().trialOutcomes().record(outcome(ws, sig, "index", 60), true);
        UUID laptop = UUID.randomUUID();
        List<PatternCounter> fromLaptop = List.of(new PatternCounter(ws, sig, "index", laptop, 3, 2),
                new PatternCounter(ws, sig, "rewrite", laptop, 1, 0));
        PatternCounters counters = store.learning().patternCounters();
        counters.merge(fromLaptop);
        counters.merge(fromLaptop); // a second sync of the same rows counts nothing twice
        counters.merge(List.of(new PatternCounter(ws, sig, "index", laptop, 2, 1))); // an older copy loses nothing

        assertThat(counters.perDevice(ws)).hasSize(3);
        assertThat(counters.totals(ws)).extracting(PatternCounter::recommendationKind, PatternCounter::attempts,
                PatternCounter::successes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("index", 4L, 3L),
                org.assertj.core.groups.Tuple.tuple("rewrite", 1L, 0L));
    }

    @Test
    void badOutcomesAreRejectedWithAMessageAndNothingWritten() throws Exception {
        UUID ws = store.workspaces().create("acme").id();
        TrialOutcome o = outcome(ws, "SELECT", "index", 10);
        TrialOutcome badFeature = new TrialOutcome(o.trialId(), ws, "index", o.fingerprint(), "SELECT", 1, null, 2,
                Map.of("rows per\nsecond", 1.0), o.startedAt(), o.finishedAt());
        assertThatThrownBy(() -> store.learning().trialOutcomes().record(badFeature, true))
                .isInstanceOf(StoreException.class).hasMessageContaining("rows per");
        TrialOutcome nan = new TrialOutcome(o.trialId(), ws, "index", o.fingerprint(), "SELECT", Double.NaN, null, 2,
                Map.of(), o.startedAt(), o.finishedAt());
        assertThatThrownBy(() -> store.learning().trialOutcomes().record(nan, true))
                .hasMessageContaining("estimated improvement");
        assertThat(rows("trial_outcome")).isZero();
        assertThat(rows("pattern_counter")).isZero();
    }

    @Test
    void aDraftSurvivesClosingTheStoreAndBecomesFeedbackWhenSubmitted() {
        UUID ws = store.workspaces().create("acme").id();
        UUID trial = UUID.randomUUID();
        Feedback draft = new Feedback(UUID.randomUUID(), ws, trial, "index", null, true, "half way", 120.0, null,
                Feedback.MetricsSource.MEASURED, 45.0, true, null, null);
        store.learning().feedback().save(draft);
        store.close();
        store = WorkbenchStore.open(dir, clock);

        Feedback back = store.learning().feedback().draftFor(ws, trial).orElseThrow();
        assertThat(back.comment()).isEqualTo("half way");
        assertThat(back.afterMs()).isNull();
        Feedback submitted = store.learning().feedback().save(new Feedback(back.id(), ws, trial, "index", 4, true,
                "half way, then done", 120.0, 30.0, Feedback.MetricsSource.MANUAL, 45.0, false, null, null));
        assertThat(submitted.createdAt()).isEqualTo(back.createdAt());
        assertThat(submitted.actualImprovementPercent()).isEqualTo(75.0);
        assertThat(store.learning().feedback().draftFor(ws, trial)).isEmpty();
        assertThat(store.learning().feedback().list(ws)).singleElement().extracting(Feedback::rating).isEqualTo(4);
    }

    @Test
    void aRatingOutsideOneToFiveIsRefused() {
        UUID ws = store.workspaces().create("acme").id();
        assertThatThrownBy(() -> store.learning().feedback().save(new Feedback(UUID.randomUUID(), ws, null, "index", 6,
                null, null, null, null, Feedback.MetricsSource.NONE, null, false, null, null)))
                .isInstanceOf(StoreException.class).hasMessage("The rating must be 1 to 5 stars, got 6.");
    }

    @Test
    void modelsAreVersionedAndOneIsDeployed() {
        UUID ws = store.workspaces().create("acme").id();
        EstimatorModels models = store.learning().estimatorModels();
        assertThat(models.deployed(ws)).isEmpty();
        EstimatorModel v1 = models.add(new EstimatorModel(UUID.randomUUID(), ws, 0, "gbt", "smile-core 6.2.5", 60,
                9.0, 8.0, 12.0, 10.0, true, new byte[] {1, 2, 3}, null));
        EstimatorModel v2 = models.add(new EstimatorModel(UUID.randomUUID(), ws, 0, "gbt", "smile-core 6.2.5", 80,
                9.5, 13.0, 8.0, 10.0, false, null, null));
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(models.deployed(ws)).get().satisfies(m -> {
            assertThat(m.version()).isEqualTo(1);
            assertThat(m.modelBytes()).containsExactly(1, 2, 3);
        });
        models.add(new EstimatorModel(UUID.randomUUID(), ws, 0, "gbt", "smile-core 6.2.5", 100, 7.0, 6.0, 8.0, 9.0,
                true, new byte[] {4}, null));
        assertThat(models.list(ws)).extracting(EstimatorModel::deployed).containsExactly(false, false, true);
    }
}
