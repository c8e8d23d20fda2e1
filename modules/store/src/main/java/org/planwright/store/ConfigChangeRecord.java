package org.planwright.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One event of a server configuration change, as the config history keeps it.
 *
 * @param id             stable key
 * @param workspaceId    the workspace
 * @param connectionId   the connection profile, or null
 * @param server         the server's label (host:port/database)
 * @param parameter      the parameter, e.g. work_mem
 * @param oldValue       value before the event, or null
 * @param newValue       value after the event, or null
 * @param settingContext pg_settings context in words: restart, reload, new session
 * @param action         APPLIED, KEPT, REVERTED, CANCELLED or PREPARED
 * @param changedBy      who, or null
 * @param changedAt      when (UTC)
 * @param measuredResult the measured effect in words, or null
 * @param runId          the apply run the change belongs to (changes applied together share it), or null
 */
public record ConfigChangeRecord(UUID id, UUID workspaceId, UUID connectionId, String server, String parameter,
                                 String oldValue, String newValue, String settingContext, String action,
                                 String changedBy, Instant changedAt, String measuredResult, UUID runId) {

    /** The actions the history accepts. */
    public static final Set<String> ACTIONS = Set.of("APPLIED", "KEPT", "REVERTED", "CANCELLED", "PREPARED");

    public ConfigChangeRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** A change that belongs to no run (each stands alone). */
    public ConfigChangeRecord(UUID id, UUID workspaceId, UUID connectionId, String server, String parameter,
                              String oldValue, String newValue, String settingContext, String action,
                              String changedBy, Instant changedAt, String measuredResult) {
        this(id, workspaceId, connectionId, server, parameter, oldValue, newValue, settingContext, action, changedBy,
                changedAt, measuredResult, null);
    }
}
