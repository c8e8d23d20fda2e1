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

    /**
     * @return SHA-256 (hex) over each change's table, key, clock and device: what makes two batches the same batch,
     *         so a server can tell a resent batch from a different one under the same number
     */
    public String checksum() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (SyncChange c : changes) {
                md.update((c.table() + '\u001e' + c.rowKey() + '\u001e' + c.hlc() + '\u001e' + c.deviceId() + '\u001d')
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
