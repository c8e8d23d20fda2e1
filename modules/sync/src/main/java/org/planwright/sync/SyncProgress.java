package org.planwright.sync;

/**
 * Hears how a sync round advances, between batches and pages (on the syncing thread), and may cancel it: a cancelled
 * round stops after the batch or page in flight, which is acknowledged or applied whole, so nothing is lost.
 */
public interface SyncProgress {

    /** No listener. */
    SyncProgress NONE = new SyncProgress() {
    };

    /** The server acknowledged a batch of {@code changes} changes numbered {@code sequence}. */
    default void batchAcknowledged(long sequence, int changes) {
    }

    /** A page of {@code changes} changes was applied; the cursor is now {@code cursor}. */
    default void pageApplied(long cursor, int changes) {
    }

    /** @return true to stop the round at the next batch or page boundary */
    default boolean cancelled() {
        return false;
    }
}
