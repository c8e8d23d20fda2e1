package org.planwright.store;

/**
 * The learning loop's records (issue 10, migration V4): trial outcomes, pattern counters (one row per device),
 * feedback with drafts, versioned estimator models. Obtain from {@link WorkbenchStore#learning()}. Thread-safe.
 */
public final class LearningRecords {

    private final TrialOutcomes trialOutcomes;
    private final PatternCounters patternCounters;
    private final Feedbacks feedback;
    private final EstimatorModels estimatorModels;

    LearningRecords(Jdbc jdbc) {
        this.trialOutcomes = new TrialOutcomes(jdbc);
        this.patternCounters = new PatternCounters(jdbc);
        this.feedback = new Feedbacks(jdbc);
        this.estimatorModels = new EstimatorModels(jdbc);
    }

    /** @return the trial outcomes the loop learns from */
    public TrialOutcomes trialOutcomes() {
        return trialOutcomes;
    }

    /** @return pattern memory's per-device counters */
    public PatternCounters patternCounters() {
        return patternCounters;
    }

    /** @return the DBA's feedback, drafts included */
    public Feedbacks feedback() {
        return feedback;
    }

    /** @return the versioned improvement estimators */
    public EstimatorModels estimatorModels() {
        return estimatorModels;
    }
}
