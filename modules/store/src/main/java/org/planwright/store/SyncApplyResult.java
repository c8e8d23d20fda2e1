package org.planwright.store;

/**
 * What applying one downloaded page did.
 *
 * @param applied   changes written (a new row, a newer version, or a counter raised)
 * @param unchanged changes already held (this store's own, a replay) or older than a successor held here
 * @param conflicts concurrent versions resolved by last-writer-wins (the loser is in {@code sync_history})
 * @param rejected  changes this store could not apply (kept in {@code sync_rejected} with the reason)
 */
public record SyncApplyResult(int applied, int unchanged, int conflicts, int rejected) {

    /** @return the sum of two results */
    public SyncApplyResult plus(SyncApplyResult o) {
        return new SyncApplyResult(applied + o.applied, unchanged + o.unchanged, conflicts + o.conflicts,
                rejected + o.rejected);
    }

    /** Nothing applied. */
    public static final SyncApplyResult NONE = new SyncApplyResult(0, 0, 0, 0);
}
