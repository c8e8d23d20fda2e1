package org.planwright.learning;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.planwright.store.EstimatorModel;
import org.planwright.store.LearningRecords;
import org.planwright.store.TrialOutcome;
import org.planwright.store.Workspace;
import org.planwright.store.WorkbenchStore;

/**
 * The learning loop over the workbench store: records trial outcomes into pattern memory, retrains and versions
 * the improvement estimator, gives estimates and the report. The advice side calls {@link #record} after each
 * finished trial (mapping its trial to a {@link TrialOutcome}); the UI and CLI read {@link #report}.
 *
 * <p>Thread rules: thread-safe; every method blocks on the store, and {@link #retrain} trains a model (seconds):
 * call them off the JavaFX application thread. {@link #record} never trains; call {@link #retrainIfDue} on a
 * background thread after it.
 */
public final class LearningService {

    private final WorkbenchStore store;
    private final LearningSettings settings;
    private final Clock clock;

    /**
     * @param store    the open store
     * @param settings thresholds
     * @param clock    the report's clock
     */
    public LearningService(WorkbenchStore store, LearningSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the settings in use */
    public LearningSettings settings() {
        return settings;
    }

    private LearningRecords records() {
        return store.learning();
    }

    /**
     * Records a finished trial once (a trial id already recorded changes nothing).
     *
     * @return true when it was new
     * @throws org.planwright.store.StoreException INVALID for bad values, NOT_FOUND for a missing workspace
     */
    public boolean record(TrialOutcome outcome) {
        return records().trialOutcomes().record(outcome,
                outcome.actualImprovementPercent() >= settings.successThresholdPercent());
    }

    /** @return pattern memory over the workspace's outcomes (a snapshot) */
    public PatternMemory patternMemory(UUID workspaceId) {
        return new PatternMemory(records().trialOutcomes().list(workspaceId), settings);
    }

    /** @return the estimator in use: the deployed model, else cost-only */
    public Estimator estimator(UUID workspaceId) {
        List<TrialOutcome> outcomes = records().trialOutcomes().list(workspaceId);
        Estimator costOnly = Estimator.costOnly(outcomes, settings);
        return records().estimatorModels().deployed(workspaceId)
                .map(m -> Estimator.learned(m.modelBytes(), m.version(), costOnly)).orElse(costOnly);
    }

    /**
     * Trains a candidate on all the workspace's outcomes and stores it as a new version, deployed only when it beats
     * the estimator in use on held-out outcomes. Takes seconds.
     *
     * @return the stored version, or empty below {@link LearningSettings#minTrainingSize()} outcomes
     */
    public Optional<EstimatorModel> retrain(UUID workspaceId) {
        List<TrialOutcome> outcomes = records().trialOutcomes().list(workspaceId);
        Estimator current = estimator(workspaceId);
        EstimatorTraining.Result r = EstimatorTraining.train(outcomes, current.isLearned() ? current : null, settings);
        if (r.candidate() == null) {
            return Optional.empty();
        }
        return Optional.of(records().estimatorModels().add(new EstimatorModel(UUID.randomUUID(), workspaceId, 0,
                EstimatorTraining.ALGORITHM, EstimatorTraining.LIBRARY, r.trainingSize(), LearningReports.n(r.cvMae()),
                LearningReports.n(r.holdoutMae()), LearningReports.n(r.baselineMae()),
                LearningReports.n(r.intervalHalfWidth()), r.deploy(), r.modelBytes(), null)));
    }

    /**
     * Retrains when {@link LearningSettings#retrainEvery()} outcomes arrived since the newest version was trained.
     *
     * @return the new version, or empty when not due (or too few outcomes)
     */
    public Optional<EstimatorModel> retrainIfDue(UUID workspaceId) {
        int n = records().trialOutcomes().count(workspaceId);
        List<EstimatorModel> models = records().estimatorModels().list(workspaceId);
        int trainedOn = models.isEmpty() ? 0 : (int) Math.round(models.getLast().trainingSize() / (1 - settings.holdoutFraction()));
        if (n < settings.minTrainingSize() || n - trainedOn < settings.retrainEvery() && !models.isEmpty()) {
            return Optional.empty();
        }
        return retrain(workspaceId);
    }

    /** @return what the Learning page shows for the workspace */
    public LearningSnapshot snapshot(Workspace workspace) {
        List<TrialOutcome> outcomes = records().trialOutcomes().list(workspace.id());
        LearningReport report = LearningReports.build(workspace.name(), outcomes,
                records().feedback().list(workspace.id()), records().estimatorModels().list(workspace.id()),
                clock.instant(), settings);
        List<LearningSnapshot.EstimatePoint> points = outcomes.stream().map(o -> new LearningSnapshot.EstimatePoint(
                o.recommendationKind(), o.estimatedImprovementPercent(), o.actualImprovementPercent())).toList();
        List<TrialOutcome> recent = new java.util.ArrayList<>(outcomes.subList(Math.max(0, outcomes.size() - 50), outcomes.size()));
        java.util.Collections.reverse(recent);
        String note = !report.estimator().equals("cost-only")
                ? "New advice is estimated by " + report.estimator() + ", learned from this workspace's trials"
                : outcomes.size() < settings.minTrainingSize()
                ? "New advice is estimated from the planner's cost (what-if cost ratio): " + outcomes.size() + " of "
                + settings.minTrainingSize() + " trials needed before a learned estimator is tried, and it must then"
                + " beat the cost-only estimate on held-out trials"
                : "New advice is estimated from the planner's cost (what-if cost ratio): no learned estimator has"
                + " beaten it on held-out trials yet";
        return new LearningSnapshot(report, Accuracy.series(outcomes, settings), points, recent, note);
    }

    /** @return the report on the workspace */
    public LearningReport report(Workspace workspace) {
        return LearningReports.build(workspace.name(), records().trialOutcomes().list(workspace.id()),
                records().feedback().list(workspace.id()), records().estimatorModels().list(workspace.id()),
                clock.instant(), settings);
    }
}
