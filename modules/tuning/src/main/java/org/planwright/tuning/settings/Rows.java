package org.planwright.tuning.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * Runs a catalog query on a {@link TargetSession} and returns its rows as maps of lower-case column name to JDBC
 * value. Shared by the readers of this module; blocking, so call it off the FX thread.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * @param session an open session
     * @param sql     one query
     * @return every row
     * @throws TargetException as {@link TargetSession#execute}
     */
    public static List<Map<String, Object>> query(TargetSession session, String sql) throws TargetException {
        QueryResult r = session.execute(sql, Integer.MAX_VALUE);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] values : r.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < r.columns().size(); i++) {
                row.put(r.columns().get(i).name().toLowerCase(Locale.ROOT), values[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** @return the one value of a one-row, one-column query, or null */
    public static Object scalar(TargetSession session, String sql) throws TargetException {
        List<Map<String, Object>> rows = query(session, sql);
        return rows.isEmpty() ? null : rows.getFirst().values().iterator().next();
    }

    /** @return the value as text, or null */
    public static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }

    /** @return the value as a number, 0 when null */
    public static double number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
