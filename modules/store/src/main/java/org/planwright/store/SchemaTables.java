package org.planwright.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What the store's own schema says about its tables, read from H2's {@code INFORMATION_SCHEMA} so that code which
 * must reach every table of a workspace (delete, export, counts) cannot forget one added by a later migration.
 * Names are the schema's (lower case here), never user input.
 */
final class SchemaTables {

    /** The column that ties a row to its workspace (V1's rule). */
    static final String WORKSPACE_COLUMN = "workspace_id";

    private SchemaTables() {
    }

    /** @return the tables of the PUBLIC schema that have a {@code workspace_id} column, by name */
    static List<String> withWorkspaceColumn(Connection c) throws SQLException {
        return tablesWithColumn(c, WORKSPACE_COLUMN);
    }

    /** @return the tables of the PUBLIC schema that have a column of this name, by name */
    static List<String> tablesWithColumn(Connection c, String column) throws SQLException {
        return Jdbc.list(c, rs -> rs.getString(1).toLowerCase(Locale.ROOT),
                "SELECT c.TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t"
                        + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                        + " WHERE c.TABLE_SCHEMA = 'PUBLIC' AND t.TABLE_TYPE = 'BASE TABLE' AND c.COLUMN_NAME = ?"
                        + " AND c.TABLE_NAME <> 'WORKSPACE' ORDER BY c.TABLE_NAME",
                column.toUpperCase(Locale.ROOT));
    }

    /** @return true when the table has a column of this name */
    static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        return Jdbc.one(c, rs -> true, "SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                        + " AND TABLE_NAME = ? AND COLUMN_NAME = ?", table.toUpperCase(Locale.ROOT),
                column.toUpperCase(Locale.ROOT)).isPresent();
    }

    /** A column: its name (lower case), SQL type name as H2 reports it, and whether it may be NULL. */
    record Column(String name, String type, boolean nullable) {
    }

    /** @return the table's columns in their order */
    static List<Column> columns(Connection c, String table) throws SQLException {
        return Jdbc.list(c, rs -> new Column(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2),
                        "YES".equals(rs.getString(3))),
                "SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
                table.toUpperCase(Locale.ROOT));
    }

    /**
     * The tables whose rows belong to a workspace through a parent instead of a column of their own (e.g.
     * {@code advice_evidence} under {@code advice_recommendation}): each with the foreign key column and the parent.
     */
    record ChildTable(String table, String column, String parentTable, String parentColumn) {
    }

    /** @return every foreign key of the PUBLIC schema, child side first */
    static List<ChildTable> foreignKeys(Connection c) throws SQLException {
        return Jdbc.list(c, rs -> new ChildTable(rs.getString(1).toLowerCase(Locale.ROOT),
                        rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(3).toLowerCase(Locale.ROOT),
                        rs.getString(4).toLowerCase(Locale.ROOT)),
                "SELECT fk.TABLE_NAME, fk.COLUMN_NAME, pk.TABLE_NAME, pk.COLUMN_NAME"
                        + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
                        + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE fk ON fk.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
                        + "  AND fk.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
                        + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE pk ON pk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
                        + "  AND pk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME AND pk.ORDINAL_POSITION = fk.POSITION_IN_UNIQUE_CONSTRAINT"
                        + " WHERE rc.CONSTRAINT_SCHEMA = 'PUBLIC' ORDER BY fk.TABLE_NAME, fk.COLUMN_NAME");
    }

    /** @return the primary key's columns of the table, in key order (empty when it has none) */
    static List<String> primaryKey(Connection c, String table) throws SQLException {
        return Jdbc.list(c, rs -> rs.getString(1).toLowerCase(Locale.ROOT),
                "SELECT k.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                        + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                        + "  AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                        + " WHERE tc.TABLE_SCHEMA = 'PUBLIC' AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'PRIMARY KEY'"
                        + " ORDER BY k.ORDINAL_POSITION", table.toUpperCase(Locale.ROOT));
    }
}
