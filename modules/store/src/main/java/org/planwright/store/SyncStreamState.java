package org.planwright.store;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one workspace's sync stands in this store.
 *
 * @param workspaceId       the local workspace
 * @param lastSealed        the last upload batch sequence sealed (0 before the first)
 * @param lastAcknowledged  the last one the server acknowledged
 * @param downloadCursor    the server's change number last applied here (0: nothing yet)
 * @param remoteWorkspaceId the server's id of the workspace, or null before the first round
 * @param pendingChanges    outbox entries not yet acknowledged (this workspace's and the global preferences')
 * @param lastSyncAt        when the last round ended, or null
 * @param lastError         the last round's error (one line with the remedy), or null when it succeeded
 */
public record SyncStreamState(UUID workspaceId, long lastSealed, long lastAcknowledged, long downloadCursor,
                              UUID remoteWorkspaceId, long pendingChanges, Instant lastSyncAt, String lastError) {
}
