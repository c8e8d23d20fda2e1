package org.planwright.app.workspace;

import java.util.Map;
import org.planwright.store.Workspace;

/**
 * One workspace as the Workspace menu shows it.
 *
 * @param workspace the workspace
 * @param archived  true when archived (hidden from the switch list)
 * @param records   per kind (store table name, e.g. {@code plan_capture}), the live records it holds
 */
public record WorkspaceItem(Workspace workspace, boolean archived, Map<String, Long> records) {

    public WorkspaceItem {
        records = Map.copyOf(records);
    }

    /** What a DBA calls each kind of record, singular and plural; other kinds read as their table name. */
    private static final Map<String, String[]> NOUNS = Map.ofEntries(
            Map.entry("connection_profile", new String[] {"connection profile", "connection profiles"}),
            Map.entry("saved_query", new String[] {"saved query", "saved queries"}),
            Map.entry("query_history", new String[] {"history entry", "history entries"}),
            Map.entry("plan_capture", new String[] {"plan capture", "plan captures"}),
            Map.entry("advice_recommendation", new String[] {"recommendation", "recommendations"}),
            Map.entry("advice_trial", new String[] {"trial", "trials"}),
            Map.entry("trial_outcome", new String[] {"trial outcome", "trial outcomes"}),
            Map.entry("pattern_counter", new String[] {"pattern counter", "pattern counters"}),
            Map.entry("feedback", new String[] {"feedback record", "feedback records"}),
            Map.entry("estimator_model", new String[] {"estimator model", "estimator models"}),
            Map.entry("config_change", new String[] {"configuration change", "configuration changes"}),
            Map.entry("config_snapshot", new String[] {"settings snapshot", "settings snapshots"}),
            Map.entry("workload_window", new String[] {"workload window", "workload windows"}));

    /** @return e.g. "4 plan captures", "1 saved query" */
    public static String count(String kind, long n) {
        String[] noun = NOUNS.get(kind);
        String word = noun == null ? kind.replace('_', ' ') : noun[n == 1 ? 0 : 1];
        return n + " " + word;
    }

    /** @return all its records, every kind */
    public long totalRecords() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return e.g. "Acme (archived)" */
    public String label() {
        return workspace.name() + (archived ? " (archived)" : "");
    }
}
