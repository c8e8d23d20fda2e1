package org.planwright.store;

import java.util.Objects;
import java.util.UUID;
import org.planwright.workload.WorkloadWindow;

/**
 * A workload window kept in a workspace.
 *
 * @param id            the record's key
 * @param workspaceId   the workspace it belongs to
 * @param connectionId  the connection profile it was read through, or null
 * @param serverLabel   which server (and database) it describes, e.g. {@code "db.example:5432/shop"}: windows of
 *                      one label form one history
 * @param serverVersion {@code server_version_num}, 0 when unknown
 * @param window        the counters of the window (start and end known)
 */
public record StoredWorkloadWindow(UUID id, UUID workspaceId, UUID connectionId, String serverLabel,
                                   int serverVersion, WorkloadWindow window) {
    public StoredWorkloadWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(serverLabel, "serverLabel");
        Objects.requireNonNull(window, "window");
    }
}
