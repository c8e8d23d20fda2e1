package org.planwright.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.UUID;
import org.planwright.advice.trial.TrialResult;
import org.planwright.learning.LearningService;
import org.planwright.learning.LearningSettings;
import org.planwright.learning.TrialLearning;
import org.planwright.store.StoreException;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;

/**
 * Records the trials of {@code planwright advise --trial} the way the app's Advice pane does: the recommendation
 * and the trial in the workspace's advice records, and the trial's outcome in the learning loop
 * ({@link TrialLearning}), so that {@code planwright learning report} counts them. The store is the one the app uses
 * ({@link StoreWorkspace#location}), never created here; the workspace is the one named, else the only one. When
 * there is no store or workspace to record in, one line on stderr says so and the advice goes on unrecorded.
 * Single-threaded.
 */
final class TrialRecorder implements AutoCloseable {

    private final WorkbenchStore store;
    private final Workspace workspace;
    private final LearningService learning;
    private final PrintWriter err;
    private int recorded;

    private TrialRecorder(WorkbenchStore store, Workspace workspace, PrintWriter err) {
        this.store = store;
        this.workspace = workspace;
        this.learning = store == null ? null : new LearningService(store, LearningSettings.defaults(),
                Clock.systemUTC());
        this.err = err;
    }

    /**
     * @param environment   where the store is ({@code -Dplanwright.home}, {@code PLANWRIGHT_HOME}, OS default)
     * @param workspaceName the workspace, or null for the only one
     * @param err           one-line notes
     * @return a recorder; one that records nothing when the store or workspace cannot be used (said on err)
     */
    static TrialRecorder open(CliEnvironment environment, String workspaceName, PrintWriter err) {
        WorkbenchStore store = null;
        java.nio.file.Path home = StoreWorkspace.location(environment);
        if (!java.nio.file.Files.exists(home.resolve(WorkbenchStore.FILE_NAME))) {
            err.println("planwright: trials will not be recorded for learning: no workbench store in " + home
                    + " (set PLANWRIGHT_HOME or -Dplanwright.home to the app's data folder)");
            err.flush();
            return new TrialRecorder(null, null, err);
        }
        try {
            store = StoreWorkspace.open(environment);
            return new TrialRecorder(store, StoreWorkspace.pick(store, workspaceName), err);
        } catch (StoreException | IllegalArgumentException e) {
            if (store != null) {
                store.close();
            }
            err.println("planwright: trials will not be recorded for learning: " + e.getMessage());
            err.flush();
            return new TrialRecorder(null, null, err);
        }
    }

    /**
     * Stores one finished trial and records it in the learning loop. A store failure costs only the record (one
     * line on err), never the advice.
     *
     * @param querySql the statement the trial measured
     * @param trial    the finished trial
     */
    void record(String querySql, TrialResult trial) {
        if (store == null) {
            return;
        }
        try {
            UUID rec = store.adviceRecords().saveRecommendation(workspace.id(), null, querySql,
                    trial.recommendation()).id();
            UUID id = store.adviceRecords().saveTrial(workspace.id(), rec, trial);
            learning.record(TrialLearning.outcome(id, workspace.id(), trial));
            recorded++;
        } catch (StoreException | IllegalArgumentException e) {
            err.println("planwright: a trial was not recorded: " + e.getMessage());
            err.flush();
        }
    }

    /** Retrains the estimator when enough new trials arrived, says what was recorded, closes the store. */
    @Override
    public void close() {
        if (store == null) {
            return;
        }
        try {
            if (recorded > 0) {
                learning.retrainIfDue(workspace.id());
                err.println("planwright: " + recorded + " trial(s) recorded in workspace \"" + workspace.name()
                        + "\" (" + store.directory() + "); see planwright learning report");
                err.flush();
            }
        } finally {
            store.close();
        }
    }
}
