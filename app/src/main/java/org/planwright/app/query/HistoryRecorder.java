package org.planwright.app.query;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.store.QueryHistory;
import org.planwright.store.QueryHistoryEntry;
import org.planwright.store.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each statement run in the workbench store's query history of the active workspace. A failure to
 * record is logged, never shown: it must not spoil the statement's result. Called on worker threads.
 */
public final class HistoryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

    private final Supplier<Optional<QueryHistory>> history;
    private final Supplier<Workspace> workspace;

    /**
     * @param history   the store's query history once the store is open (empty before)
     * @param workspace the active workspace (null while the store is not open: nothing is recorded)
     */
    public HistoryRecorder(Supplier<Optional<QueryHistory>> history, Supplier<Workspace> workspace) {
        this.history = history;
        this.workspace = workspace;
    }

    void succeeded(ActiveConnection c, String sql, double elapsedMs, long rowCount) {
        record(c, ws -> QueryHistoryEntry.succeeded(ws.id(), c.session().profile().id(), sql,
                Instant.now(), elapsedMs, rowCount < 0 ? null : rowCount));
    }

    void failed(ActiveConnection c, String sql, double elapsedMs, String message) {
        record(c, ws -> QueryHistoryEntry.failed(ws.id(), c.session().profile().id(), sql, Instant.now(),
                elapsedMs, message));
    }

    private void record(ActiveConnection c, java.util.function.Function<Workspace, QueryHistoryEntry> entry) {
        Workspace ws = workspace.get();
        Optional<QueryHistory> store = history.get();
        if (ws == null || store.isEmpty()) {
            return;
        }
        try {
            store.get().record(entry.apply(ws));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the statement in the query history: {}", e.getMessage());
        }
    }
}
