package org.planwright.store;

import java.util.Objects;
import java.util.UUID;

/**
 * One replicated change: the full new version of one row of a synced table, as it leaves the outbox, crosses the
 * team server and arrives in another store.
 *
 * @param number      the outbox entry's sequence in this store (upload), or the server's change number in the
 *                    workspace (download); 0 when not known
 * @param table       the table name, lower case (e.g. {@code plan_capture})
 * @param rowKey      the row's key columns' values joined by U+001F ({@code workspace_id} never part of it)
 * @param hlc         the version's hybrid logical clock (upper 48 bits ms since the epoch, lower 16 a counter)
 * @param deviceId    the device that wrote the version
 * @param baseHlc     the version it replaced on that device (0 for none): a change whose base is the receiver's
 *                    current version is its causal successor, not a conflict
 * @param baseDevice  the device of the replaced version, or null
 * @param payload     the row as a JSON object (column to value, {@code workspace_id} left out)
 */
public record SyncChange(long number, String table, String rowKey, long hlc, UUID deviceId, long baseHlc,
                         UUID baseDevice, String payload) {

    public SyncChange {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rowKey, "rowKey");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(payload, "payload");
    }

    /** @return this change with another number (the server's, on download) */
    public SyncChange withNumber(long n) {
        return new SyncChange(n, table, rowKey, hlc, deviceId, baseHlc, baseDevice, payload);
    }
}
