package org.planwright.cli;

import java.util.List;
import java.util.UUID;
import org.planwright.store.ConfigChangeRecord;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.tuning.apply.Approval;
import org.planwright.tuning.apply.ChangeEvent;
import org.planwright.tuning.apply.ChangeJournal;

/**
 * The workspace's configuration history (store V5, run ids V11) as the {@code config apply} and {@code config
 * revert} commands use it: a {@link ChangeJournal} that appends to it and the events read back. The store and
 * workspace come from {@link StoreWorkspace}; when the store has no workspace yet, one named
 * {@value #DEFAULT_WORKSPACE} is made, so that a change made from the command line is never unrecorded.
 * Blocking; not thread-safe (one command at a time).
 */
final class ConfigHistoryStore implements ChangeJournal, AutoCloseable {

    /** The workspace made when the store has none. */
    static final String DEFAULT_WORKSPACE = "Command line";

    private final WorkbenchStore store;
    private final Workspace workspace;

    private ConfigHistoryStore(WorkbenchStore store, Workspace workspace) {
        this.store = store;
        this.workspace = workspace;
    }

    /**
     * @param environment for the store's folder
     * @param name        the workspace, or null for the only one (made when there is none)
     * @return the open history; close it
     * @throws IllegalArgumentException naming the workspaces when the name matches none or several exist
     * @throws org.planwright.store.StoreException when the store cannot be opened
     */
    static ConfigHistoryStore open(CliEnvironment environment, String name) {
        WorkbenchStore store = StoreWorkspace.open(environment);
        try {
            Workspace ws = name == null && store.workspaces().list().isEmpty()
                    ? store.workspaces().ensure(DEFAULT_WORKSPACE) : StoreWorkspace.pick(store, name);
            return new ConfigHistoryStore(store, ws);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** @return true when the store's preference {@link Approval#PREFERENCE} asks for an administrator's approval */
    boolean approvalRequired() {
        return required(store);
    }

    /**
     * Reads the approval preference without creating anything: false when there is no store yet.
     *
     * @throws org.planwright.store.StoreException when the store exists but cannot be opened
     */
    static boolean approvalRequired(CliEnvironment environment) {
        java.nio.file.Path dir = StoreWorkspace.location(environment);
        if (!java.nio.file.Files.exists(dir.resolve(WorkbenchStore.FILE_NAME))) {
            return false;
        }
        try (WorkbenchStore store = StoreWorkspace.open(environment)) {
            return required(store);
        }
    }

    private static boolean required(WorkbenchStore store) {
        return store.preferences().getBoolean(Approval.PREFERENCE).orElse(false);
    }

    /** @return the workspace written to */
    Workspace workspace() {
        return workspace;
    }

    @Override
    public void append(ChangeEvent e) {
        store.configHistory().append(new ConfigChangeRecord(UUID.randomUUID(), workspace.id(), null, e.server(),
                e.parameter(), e.oldValue(), e.newValue(), e.context(), e.action().name(), e.who(), e.at(),
                e.result().isEmpty() ? null : e.result(), e.runId()));
    }

    /** @return the workspace's events, oldest first */
    List<ChangeEvent> events() {
        return store.configHistory().changes(workspace.id(), org.planwright.store.ConfigHistory.MAX_RECENT).stream()
                .map(r -> new ChangeEvent(r.changedAt(), r.changedBy(), r.server(), r.parameter(), r.oldValue(),
                        r.newValue(), r.settingContext(), ChangeEvent.Action.valueOf(r.action()),
                        r.measuredResult() == null ? "" : r.measuredResult(), r.runId()))
                .toList();
    }

    @Override
    public void close() {
        store.close();
    }
}
