package org.planwright.app.config;

import java.util.Objects;
import java.util.UUID;
import org.planwright.store.ConfigChangeRecord;
import org.planwright.store.ConfigHistory;
import org.planwright.tuning.apply.ChangeEvent;
import org.planwright.tuning.apply.ChangeJournal;

/**
 * Writes a validation run's {@link ChangeEvent}s into the workspace's append-only config history (store V5), the
 * wiring between the tuning module and the store, which do not know each other. Blocking (a store write per
 * event); the run calls it on its own worker thread.
 */
public final class StoreChangeJournal implements ChangeJournal {

    private final ConfigHistory history;
    private final UUID workspaceId;
    private final UUID connectionId;

    /**
     * @param history      the store's config history
     * @param workspaceId  the workspace the changes belong to
     * @param connectionId the connection profile, or null
     */
    public StoreChangeJournal(ConfigHistory history, UUID workspaceId, UUID connectionId) {
        this.history = Objects.requireNonNull(history, "history");
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
        this.connectionId = connectionId;
    }

    @Override
    public void append(ChangeEvent e) {
        history.append(new ConfigChangeRecord(UUID.randomUUID(), workspaceId, connectionId, e.server(),
                e.parameter(), e.oldValue(), e.newValue(), e.context(), e.action().name(), e.who(), e.at(),
                e.result().isEmpty() ? null : e.result(), e.runId()));
    }
}
