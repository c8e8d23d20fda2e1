package org.planwright.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every table that holds a workspace's records, read from the schema: the tables with a {@code workspace_id}
 * column, and the tables below them through foreign keys (e.g. {@code advice_trial_run} under {@code advice_trial}).
 * For each, a SQL condition with one {@code ?} (the workspace id) that selects exactly that workspace's rows, and an
 * order in which parents come before their children (for inserting) — so export, import, delete and counting reach
 * a table added by a later migration without being told.
 *
 * <p>Tables outside any workspace (preferences, this installation's learning device, Flyway's history) are left
 * out, as are {@link #NOT_RECORDS}.
 */
record WorkspaceTables(Map<String, String> scopes, Map<String, SchemaTables.ChildTable> parentOf) {

    /**
     * Tables that hold a workspace's data but are not records to carry to another store (a sync outbox is this
     * machine's queue, not a record). Deleted with the workspace all the same.
     */
    static final Set<String> NOT_RECORDS = Set.of(
            "sync_outbox", "sync_row_version", "sync_stream", "sync_history", "sync_rejected", "sync_state");

    /** @return the tables in insert order: every table after the tables its foreign keys point to */
    List<String> tables() {
        return List.copyOf(scopes.keySet());
    }

    /** @return the tables to export and import: {@link #tables()} without {@link #NOT_RECORDS} */
    List<String> recordTables() {
        return tables().stream().filter(t -> !NOT_RECORDS.contains(t)).toList();
    }

    /** @return the condition selecting the workspace's rows of this table, with one {@code ?} for its id */
    String scope(String table) {
        String s = scopes.get(table);
        if (s == null) {
            throw new IllegalArgumentException("not a workspace table: " + table);
        }
        return s;
    }

    /** @return for a table without a workspace column, the foreign key that ties it to its parent; else empty */
    java.util.Optional<SchemaTables.ChildTable> parent(String table) {
        return java.util.Optional.ofNullable(parentOf.get(table));
    }

    /** Reads the schema. */
    static WorkspaceTables read(Connection c) throws SQLException {
        Map<String, String> scopes = new LinkedHashMap<>();
        for (String t : SchemaTables.withWorkspaceColumn(c)) {
            scopes.put(t, SchemaTables.WORKSPACE_COLUMN + " = ?");
        }
        List<SchemaTables.ChildTable> keys = SchemaTables.foreignKeys(c);
        // tables with a workspace column first, in an order that keeps parents before children among them
        List<String> ordered = new ArrayList<>();
        List<String> pending = new ArrayList<>(scopes.keySet());
        while (!pending.isEmpty()) {
            boolean moved = false;
            for (String t : List.copyOf(pending)) {
                boolean parentsPlaced = keys.stream().filter(k -> k.table().equals(t) && !k.parentTable().equals(t)
                                && !k.parentTable().equals("workspace") && scopes.containsKey(k.parentTable()))
                        .allMatch(k -> ordered.contains(k.parentTable()));
                if (parentsPlaced) {
                    ordered.add(t);
                    pending.remove(t);
                    moved = true;
                }
            }
            if (!moved) { // a cycle: keep the rest in name order
                ordered.addAll(pending);
                pending.clear();
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        ordered.forEach(t -> result.put(t, scopes.get(t)));
        // then children without a workspace column, level by level
        Map<String, SchemaTables.ChildTable> parents = new LinkedHashMap<>();
        boolean added = true;
        while (added) {
            added = false;
            for (SchemaTables.ChildTable k : keys) {
                if (!result.containsKey(k.table()) && result.containsKey(k.parentTable())) {
                    parents.put(k.table(), k);
                    result.put(k.table(), k.column() + " IN (SELECT " + k.parentColumn() + " FROM " + k.parentTable()
                            + " WHERE " + result.get(k.parentTable()) + ")");
                    added = true;
                }
            }
        }
        return new WorkspaceTables(Collections.unmodifiableMap(result), Collections.unmodifiableMap(parents));
    }
}
