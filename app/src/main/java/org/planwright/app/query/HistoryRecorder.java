package org.planwright.app.query;

import java.time.Instant;
import java.util.function.Supplier;
import org.planwright.app.AppServices;
import org.planwright.app.connection.ActiveConnection;
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

    private final AppServices services;
    private final Supplier<Workspace> workspace;

    /**
     * @param services  gives the store once open
     * @param workspace the active workspace (null while the store is not open: nothing is recorded)
     */
    public HistoryRecorder(AppServices services, Supplier<Workspace> workspace) {
        this.services = services;
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
        if (ws == null || services.store().isEmpty()) {
            return;
        }
        try {
            services.store().get().queryHistory().record(entry.apply(ws));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the statement in the query history: {}", e.getMessage());
        }
    }
}
