package org.planwright.sync;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.planwright.store.SyncApplyResult;
import org.planwright.store.SyncBatch;
import org.planwright.store.SyncStreamState;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync round, up then down, of one workspace of a store with the team server, as one role: upload every pending
 * batch (each sealed once, resent unchanged until acknowledged), then download every page after the cursor (each
 * page applied with its cursor in one store transaction). Safe to interrupt anywhere (a cut connection, a killed
 * process): the next round resends what was not acknowledged and re-reads what was not applied. Blocking; one round
 * at a time per store (the caller serialises).
 */
public final class SyncClient {

    private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);

    /** Changes per upload batch. */
    public static final int BATCH_SIZE = 1000;
    /** Changes per download page. */
    public static final int PAGE_SIZE = 1000;

    private final TeamConnections connections;
    private final String role;
    private final int batchSize;
    private final int pageSize;

    /**
     * @param connections connections as the syncing role
     * @param role        the role's name, for messages
     */
    public SyncClient(TeamConnections connections, String role) {
        this(connections, role, BATCH_SIZE, PAGE_SIZE);
    }

    /** As above, with other batch and page sizes (tests that cut the network between pages). */
    public SyncClient(TeamConnections connections, String role, int batchSize, int pageSize) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.role = Objects.requireNonNull(role, "role");
        if (batchSize < 1 || pageSize < 1) {
            throw new IllegalArgumentException("batch and page sizes must be at least 1");
        }
        this.batchSize = batchSize;
        this.pageSize = pageSize;
    }

    /**
     * Syncs one workspace of the store.
     *
     * @return the round's summary
     * @throws SyncException UNREACHABLE, AUTHENTICATION, NOT_ALLOWED, INCOMPATIBLE, SEQUENCE_GAP or FAILED, with the
     *                       remedy; the error is also recorded in the store for the status bar
     */
    public SyncSummary sync(WorkbenchStore store, Workspace workspace) throws SyncException {
        return sync(store, workspace, SyncProgress.NONE);
    }

    /**
     * As {@link #sync(WorkbenchStore, Workspace)}, telling {@code progress} about each batch and page.
     *
     * @throws SyncException also CANCELLED when {@code progress} asked to stop
     */
    public SyncSummary sync(WorkbenchStore store, Workspace workspace, SyncProgress progress) throws SyncException {
        store.sync().enable(); // from the first attempt on, every change is queued, even while the server is away
        try {
            SyncSummary summary = round(store, workspace, Objects.requireNonNull(progress, "progress"));
            store.sync().recordRound(workspace.id(), null);
            return summary;
        } catch (SyncException e) {
            store.sync().recordRound(workspace.id(), e.getMessage());
            throw e;
        }
    }

    private SyncSummary round(WorkbenchStore store, Workspace workspace, SyncProgress progress) throws SyncException {
        try (TeamServer server = open()) {
            server.checkProtocol(workspace.name(), role);
            TeamServer.RemoteWorkspace remote = server.workspace(workspace.name(), role);
            boolean fullPull = store.sync().bindRemote(workspace.id(), remote.id());

            long t0 = System.nanoTime();
            long cpu0 = threadCpuNanos();
            long uploaded = 0;
            long batches = 0;
            for (Optional<SyncBatch> next = store.sync().nextBatch(workspace.id(), batchSize); next.isPresent();
                 next = store.sync().nextBatch(workspace.id(), batchSize)) {
                SyncBatch batch = next.get();
                TeamServer.UploadAnswer answer = server.upload(remote.id(), batch);
                if (answer.gap()) {
                    throw new SyncException(SyncException.Reason.SEQUENCE_GAP, "The team server expects batch "
                            + answer.expected() + " from this device but this store is at batch " + batch.sequence()
                            + " (the server was restored from an older backup?). Ask the team admin; the changes"
                            + " stay in the outbox.");
                }
                if (answer.renumberAs() > 0) {
                    LOG.warn("The team server has batch {} of this device already under another content: this store"
                            + " lost its latest commits; sending the batch as {}", batch.sequence(), answer.renumberAs());
                    store.sync().resequence(workspace.id(), batch.sequence(), answer.renumberAs());
                    continue;
                }
                store.sync().acknowledge(workspace.id(), answer.acknowledged());
                progress.batchAcknowledged(batch.sequence(), batch.changes().size());
                checkCancelled(progress);
                batches++;
                uploaded += answer.inserted();
            }

            long t1 = System.nanoTime();
            long cpu1 = threadCpuNanos();
            SyncStreamState state = store.sync().stream(workspace.id());
            long cursor = state.downloadCursor();
            if (cursor > 0 && cursor < remote.prunedThrough()) {
                LOG.info("The server pruned changes up to {}; this store's cursor is {}: pulling everything again",
                        remote.prunedThrough(), cursor);
                store.sync().restartDownload(workspace.id());
                cursor = 0;
                fullPull = true;
            }
            fullPull |= cursor == 0;
            SyncApplyResult applied = SyncApplyResult.NONE;
            while (true) {
                TeamServer.Page page = server.download(remote.id(), cursor, pageSize);
                if (page.changes().isEmpty()) {
                    break;
                }
                applied = applied.plus(store.sync().applyPage(workspace.id(), page.changes(), page.lastChangeNo()));
                cursor = page.lastChangeNo();
                progress.pageApplied(cursor, page.changes().size());
                checkCancelled(progress);
            }
            long t2 = System.nanoTime();
            long cpu2 = threadCpuNanos();
            return new SyncSummary(workspace.name(), uploaded, batches, applied.applied(), applied.unchanged(),
                    applied.conflicts(), applied.rejected(), fullPull, store.sync().pendingChanges(workspace.id()),
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (cpu1 - cpu0) / 1e6, (cpu2 - cpu1) / 1e6);
        }
    }

    /** @return the current thread's CPU time, ns, or 0 when the JVM does not measure it */
    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private static void checkCancelled(SyncProgress progress) throws SyncException {
        if (progress.cancelled()) {
            throw new SyncException(SyncException.Reason.CANCELLED, "Sync cancelled; what was sent or received so far"
                    + " is kept, the rest follows on the next round.");
        }
    }

    private TeamServer open() throws SyncException {
        var c = connections.open();
        try {
            return new TeamServer(c);
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // gone
            }
            throw Sql.translate("starting the sync", e);
        }
    }
}
