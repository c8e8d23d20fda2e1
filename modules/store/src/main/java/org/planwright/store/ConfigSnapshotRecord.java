package org.planwright.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored settings snapshot of a server.
 *
 * @param id            stable key
 * @param workspaceId   the workspace
 * @param connectionId  the connection profile, or null
 * @param server        the server's label
 * @param label         what it is, e.g. "before work_mem 4MB -> 64MB", "taken by hand"
 * @param takenAt       when it was read (UTC)
 * @param serverVersion server_version, or null
 * @param settingsText  the settings, in the tuning module's text form (opaque to the store)
 */
public record ConfigSnapshotRecord(UUID id, UUID workspaceId, UUID connectionId, String server, String label,
                                   Instant takenAt, String serverVersion, String settingsText) {
    public ConfigSnapshotRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(takenAt, "takenAt");
    }
}
