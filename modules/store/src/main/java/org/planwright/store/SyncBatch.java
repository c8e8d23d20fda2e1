package org.planwright.store;

import java.util.List;
import java.util.UUID;

/**
 * A sealed upload batch: the changes of one workspace's stream under one sequence number. Once sealed its content
 * never changes; it is sent again, unchanged, until the server acknowledges it.
 *
 * @param workspaceId the local workspace whose stream it belongs to
 * @param deviceId    this store's device id
 * @param sequence    1, 2, 3 ... contiguous per (device, workspace)
 * @param changes     the changes in capture order (never empty)
 */
public record SyncBatch(UUID workspaceId, UUID deviceId, long sequence, List<SyncChange> changes) {

    public SyncBatch {
        changes = List.copyOf(changes);
    }
}
