package org.planwright.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of one table in ordinal order (as H2 hands rows to triggers), lower case, with their H2 data types
 * ({@code INFORMATION_SCHEMA.COLUMNS.DATA_TYPE}: UUID, CHARACTER VARYING, TIMESTAMP WITH TIME ZONE ...).
 *
 * @param columns column names, lower case
 * @param types   data types, same order
 */
record TableShape(List<String> columns, List<String> types) {

    static TableShape of(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String[] row : Jdbc.list(c, rs -> new String[] {rs.getString(1), rs.getString(2)},
                "SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                        + " AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", table.toUpperCase(Locale.ROOT))) {
            columns.add(row[0].toLowerCase(Locale.ROOT));
            types.add(row[1]);
        }
        if (columns.isEmpty()) {
            throw new SQLException("no table " + table);
        }
        return new TableShape(List.copyOf(columns), List.copyOf(types));
    }

    /** @return the position of a column, or -1 */
    int indexOf(String column) {
        return columns.indexOf(column);
    }

    /** @return the data type of a column, or null when the table has no such column */
    String typeOf(String column) {
        int i = indexOf(column);
        return i < 0 ? null : types.get(i);
    }
}
