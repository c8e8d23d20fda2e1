package org.planwright.sync;

/**
 * What one sync round of one workspace did.
 *
 * @param workspace  the workspace name
 * @param uploaded   changes the server applied from this store in this round (a resent batch it already had counts 0)
 * @param batches    batches acknowledged in this round
 * @param downloaded changes applied here (new rows, newer versions, raised counters)
 * @param unchanged  changes received that this store already held (its own, replays)
 * @param conflicts  concurrent edits resolved by last-writer-wins; the losers are kept in the store's history
 * @param rejected   changes this store could not apply, set aside with the reason (they block nothing)
 * @param fullPull   true when the download restarted from the first change (the server had pruned the cursor, or
 *                   the workspace is new here)
 * @param pending    changes still waiting in the outbox after the round (0 when it ended well)
 * @param uploadMs   wall-clock time of the upload phase, ms
 * @param downloadMs wall-clock time of the download phase, ms
 * @param uploadCpuMs   CPU time of the syncing thread in the upload phase, ms (H2 and JDBC client work; not the
 *                      server's, not H2's background writer): a figure less bent by other load than {@code uploadMs}
 * @param downloadCpuMs the same for the download phase, ms
 */
public record SyncSummary(String workspace, long uploaded, long batches, long downloaded, long unchanged, long conflicts,
                          long rejected, boolean fullPull, long pending, double uploadMs, double downloadMs,
                          double uploadCpuMs, double downloadCpuMs) {
}
