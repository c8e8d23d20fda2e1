package org.planwright.store;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One table of the workbench schema that sync replicates, registered once in {@link SyncTables}: its key columns,
 * how a row finds its workspace, and how concurrent versions merge.
 *
 * @param name            the table name (lower case, as in the migrations)
 * @param merge           how two versions of a row merge
 * @param keyColumns      the primary key columns, {@code workspace_id} left out (the server keys workspaces by
 *                        name, each store by its own id)
 * @param workspaceColumn {@code workspace_id} when the table has one, else null
 * @param parentTable     for child rows without {@code workspace_id}: the table whose {@code id} the
 *                        {@code parentColumn} points at and whose {@code workspace_id} they share; else null
 * @param parentColumn    the child's column holding the parent's id; else null
 */
record SyncTable(String name, Merge merge, List<String> keyColumns, String workspaceColumn, String parentTable,
                 String parentColumn) {

    /** How concurrent versions of one row merge. */
    enum Merge {
        /**
         * Last writer wins by hybrid logical clock, device id breaking ties; a concurrent loser goes to
         * {@code sync_history}. Append-only records (captures, history, trials) are inserted once by UUID under
         * the same rule: only their own device ever writes them, so they never conflict.
         */
        LAST_WRITER_WINS,
        /** One row per device (the key holds {@code device_id}); each counter column merges by max. */
        COUNTER_MAX
    }

    SyncTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(merge, "merge");
        keyColumns = List.copyOf(keyColumns);
        if (workspaceColumn != null && parentTable != null) {
            throw new IllegalArgumentException(name + ": a workspace column or a parent, not both");
        }
    }

    static SyncTable ofWorkspace(String name, Merge merge, String... keyColumns) {
        return new SyncTable(name, merge, List.of(keyColumns), "workspace_id", null, null);
    }

    static SyncTable child(String name, String parentTable, String parentColumn, String... keyColumns) {
        return new SyncTable(name, Merge.LAST_WRITER_WINS, List.of(keyColumns), null, parentTable, parentColumn);
    }

    static SyncTable global(String name, String... keyColumns) {
        return new SyncTable(name, Merge.LAST_WRITER_WINS, List.of(keyColumns), null, null, null);
    }

    /** @return true for rows that belong to no workspace (preferences) */
    boolean isGlobal() {
        return workspaceColumn == null && parentTable == null;
    }

    /** @return the trigger's name in H2 */
    String triggerName() {
        return "SYNC_OUTBOX_" + name.toUpperCase(Locale.ROOT);
    }
}
