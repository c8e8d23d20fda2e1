package org.planwright.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.apply.Cancellation;
import org.planwright.tuning.apply.ChangePlan;
import org.planwright.tuning.apply.ValidationRun;
import org.planwright.tuning.trial.SettingsTrial;

/**
 * The blocking work behind the Apply action of the configuration window: the advice for the connected server, the
 * validated plan of chosen changes, and the apply / measure / keep-or-revert run that writes the workspace's config
 * history. {@link SessionConfigChanger} does it on a read-write session of the connection; the view model calls it
 * through the background executor only.
 */
public interface ConfigChanger {

    /**
     * How a run measures the change.
     *
     * @param kind      not measured, the live workload (pg_stat_statements deltas) or a pgbench run
     * @param seconds   length of each window (baseline and after), s
     * @param threshold relative change beyond noise (0.10 = 10%) that reverts a degradation
     * @param script    a pgbench script, or null for pgbench's built-in transaction
     */
    record Measure(Kind kind, int seconds, double threshold, Path script) {

        /** How to measure. */
        public enum Kind {
            NONE("Not measured"), WORKLOAD("Live workload (pg_stat_statements)"), PGBENCH("pgbench run");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            @Override
            public String toString() {
                return label;
            }
        }
    }

    /** @return the workload-aware recommendations for the server now @throws Exception when they cannot be read */
    List<ConfigRecommendation> recommendations() throws Exception;

    /**
     * Runs a settings trial ({@link org.planwright.tuning.trial.SettingsTrial}) on the statements and returns the
     * recommendations with the tried parameters decided by measurement. Read-only: every run is rolled back.
     *
     * @param statements the workload's statements
     * @param cancel     set from the UI thread; the trial stops after the running statement
     * @param progress   told each candidate in words (called on the worker thread)
     * @return the recommendations and the trial's result
     * @throws Exception when the server cannot be read
     */
    default TrialedRecommendations trial(List<SettingsTrial.Statement> statements,
                                         Cancellation cancel, Consumer<String> progress) throws Exception {
        throw new UnsupportedOperationException("settings trials are not available here");
    }

    /**
     * What a settings trial gives the window.
     *
     * @param recommendations the advice after the trial
     * @param trial           the trial's result
     */
    record TrialedRecommendations(List<ConfigRecommendation> recommendations,
                                  SettingsTrial.Result trial) {
    }

    /**
     * @param changes parameter to new value
     * @return the validated plan (live and restart-only changes, problems) @throws Exception when pg_settings
     *     cannot be read
     */
    ChangePlan plan(Map<String, String> changes) throws Exception;

    /**
     * Applies the plan's live changes (the DBA confirmed them), measures, keeps or reverts; restart-only changes are
     * recorded as prepared. Every event goes to the history.
     *
     * @param plan      from {@link #plan}, confirmed
     * @param measure   how to measure
     * @param advice    true when the changes come from the advice: reverted too when their effect is within noise
     * @param approver  the administrator who approved the changes (recorded with them), or null
     * @param cancel    set from the UI thread; the run reverts what it applied and stops
     * @param progress  told each phase in words (called on the worker thread)
     * @return what happened @throws Exception when applying, measuring or reverting fails (applied changes are
     *     reverted first)
     */
    ValidationRun.Result run(ChangePlan plan, Measure measure, boolean advice, String approver, Cancellation cancel,
                             Consumer<String> progress) throws Exception;
}
