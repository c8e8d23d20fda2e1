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

    /** @return all its records, every kind */
    public long totalRecords() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return e.g. "Acme (archived)" */
    public String label() {
        return workspace.name() + (archived ? " (archived)" : "");
    }
}
