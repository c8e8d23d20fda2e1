package org.planwright.targetdb;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/** Reads result sets and warnings into Planwright's own records, detached from the connection. */
final class ResultReader {

    private ResultReader() {
    }

    /** Columns, then up to {@code maxRows} rows plus one more to tell whether the result was truncated. */
    record Rows(List<ResultColumn> columns, List<Object[]> rows, boolean truncated) {
    }

    static Rows read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<ResultColumn> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(new ResultColumn(md.getColumnLabel(i), md.getColumnTypeName(i)));
        }
        List<Object[]> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() >= maxRows) {
                truncated = true;
                break;
            }
            Object[] row = new Object[n];
            for (int i = 1; i <= n; i++) {
                Object value = rs.getObject(i);
                // driver objects (interval, json, arrays ...) as the server printed them
                row[i - 1] = value instanceof PGobject || value instanceof Array ? rs.getString(i) : detach(value);
            }
            rows.add(row);
        }
        return new Rows(columns, rows, truncated);
    }

    /** Values that need the connection later (arrays, LOBs) or are driver types become text or bytes now. */
    static Object detach(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case PGobject pg -> pg.getValue();
            case Array a -> a.toString();
            case SQLXML x -> x.getString();
            case Clob c -> c.getSubString(1, (int) Math.min(Integer.MAX_VALUE, c.length()));
            case Blob b -> b.getBytes(1, (int) Math.min(Integer.MAX_VALUE, b.length()));
            default -> value;
        };
    }

    /** Server NOTICE/WARNING messages attached to a statement, oldest first. */
    static List<ServerNotice> notices(Statement st) throws SQLException {
        List<ServerNotice> out = new ArrayList<>();
        for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
            if (w instanceof PSQLWarning pw && pw.getServerErrorMessage() != null) {
                ServerErrorMessage m = pw.getServerErrorMessage();
                out.add(new ServerNotice(m.getSeverity() == null ? "WARNING" : m.getSeverity(), m.getSQLState(),
                        m.getMessage()));
            } else {
                out.add(new ServerNotice("WARNING", w.getSQLState(), w.getMessage()));
            }
        }
        return out;
    }
}
