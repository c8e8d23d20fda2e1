package org.planwright.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A synced row as JSON, the form it travels and waits in: one object, column name (lower case) to value; UUIDs
 * and {@code TIMESTAMP WITH TIME ZONE} as ISO-8601 text, LOBs as text (CLOB) or base64 (BLOB), numbers and booleans
 * as JSON numbers and booleans (NaN and infinities as strings). The {@code workspace_id} column is left out: each
 * end puts its own. Decoding converts back by the receiving table's column types and ignores columns it does not
 * have (a newer Planwright's additions). Thread-safe.
 */
final class RowCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    /** A password parameter in a JDBC URL ({@code password=...} after ?, & or ;), never sent. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;])password=[^&;]*");

    private RowCodec() {
    }

    /**
     * @param shape the table's columns
     * @param row   the values in column order (as a trigger or a result set gives them)
     * @return the JSON text
     */
    static String encode(SyncTable table, TableShape shape, Object[] row) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < shape.columns().size(); i++) {
            String column = shape.columns().get(i);
            if (!column.equals(table.workspaceColumn())) {
                out.put(column, toJson(row[i]));
            }
        }
        if (table.name().equals("connection_profile") && out.get("jdbc_url") instanceof String url) {
            out.put("jdbc_url", URL_PASSWORD.matcher(url).replaceAll("$1"));
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode a row of " + table.name() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** @return the column values of a payload (insertion order), or throws on text that is not a JSON object */
    static Map<String, Object> decode(String payload) throws SQLException {
        try {
            return JSON.readValue(payload, MAP);
        } catch (JsonProcessingException e) {
            throw new SQLException("the change's row is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** Converts a JSON value to what {@code setObject} takes for a column of that H2 data type. */
    static Object toColumn(Object json, String dataType) {
        if (json == null) {
            return null;
        }
        return switch (dataType) {
            case "UUID" -> UUID.fromString(json.toString());
            case "TIMESTAMP WITH TIME ZONE" -> timestamp(json.toString());
            case "BINARY LARGE OBJECT", "BINARY VARYING", "BINARY" -> Base64.getDecoder().decode(json.toString());
            case "DOUBLE PRECISION", "REAL" -> json instanceof Number n ? n.doubleValue() : Double.valueOf(json.toString());
            case "INTEGER", "SMALLINT", "TINYINT" -> ((Number) json).intValue();
            case "BIGINT" -> ((Number) json).longValue();
            case "BOOLEAN" -> (Boolean) json;
            default -> json.toString();
        };
    }

    /**
     * Parses an ISO-8601 offset date-time as {@link OffsetDateTime#toString} writes it
     * ({@code 2026-12-03T21:45:41.123456Z}, {@code ...+01:00}): the common shape by hand, digit by digit, anything
     * else by {@link OffsetDateTime#parse}. The formatter behind {@code parse} was 8 % of a download's CPU (JFR
     * profile of {@code planwright sync-bench}, docs/sync.md), two timestamps a row.
     *
     * @throws java.time.format.DateTimeParseException for text that is not an offset date-time
     */
    static OffsetDateTime timestamp(String text) {
        int n = text.length();
        // yyyy-MM-ddTHH:mm:ss = 19 characters, then an optional fraction, then Z or ±HH:MM
        if (n >= 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int i = 19;
            int nanos = 0;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 9 && Character.isDigit(text.charAt(i))) {
                    nanos = nanos * 10 + (text.charAt(i) - '0');
                    i++;
                }
                int len = i - start;
                if (len == 0 || (i < n && Character.isDigit(text.charAt(i)))) {
                    return OffsetDateTime.parse(text);
                }
                for (int k = len; k < 9; k++) {
                    nanos *= 10;
                }
            }
            java.time.ZoneOffset offset = null;
            if (i == n - 1 && text.charAt(i) == 'Z') {
                offset = java.time.ZoneOffset.UTC;
            } else if (i == n - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
                int h = digits(text, i + 1, i + 3);
                int m = digits(text, i + 4, i + 6);
                if (h >= 0 && m >= 0) {
                    int sign = text.charAt(i) == '-' ? -1 : 1;
                    offset = java.time.ZoneOffset.ofHoursMinutes(sign * h, sign * m);
                }
            }
            if (offset != null && year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                // of(...) checks the ranges (month 13, February 30 ...) and throws DateTimeException
                return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
            }
        }
        return OffsetDateTime.parse(text);
    }

    /** @return the decimal number in text[from, to), or -1 when a character is not a digit */
    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** @return the key of a row: its key columns' values joined by U+001F, as text */
    static String key(SyncTable table, TableShape shape, Object[] row) throws SQLException {
        StringBuilder key = new StringBuilder();
        for (String column : table.keyColumns()) {
            if (!key.isEmpty()) {
                key.append('\u001f');
            }
            Object v = toJson(row[shape.indexOf(column)]);
            key.append(v);
        }
        return key.toString();
    }

    /** @return the key of a decoded payload, as {@link #key} makes it */
    static String key(SyncTable table, Map<String, Object> values) {
        StringBuilder key = new StringBuilder();
        for (String column : table.keyColumns()) {
            if (!key.isEmpty()) {
                key.append('\u001f');
            }
            key.append(values.get(column));
        }
        return key.toString();
    }

    static List<String> counterColumns(SyncTable table) {
        return SyncTables.COUNTER_COLUMNS.getOrDefault(table.name(), List.of());
    }

    private static Object toJson(Object v) throws SQLException {
        return switch (v) {
            case null -> null;
            case UUID u -> u.toString();
            case OffsetDateTime t -> t.toString();
            case Clob clob -> read(clob);
            case Blob blob -> bytes(blob);
            case byte[] b -> Base64.getEncoder().encodeToString(b);
            case Double d when d.isNaN() || d.isInfinite() -> d.toString();
            case Number n -> n;
            case Boolean b -> b;
            default -> v.toString();
        };
    }

    private static String read(Clob clob) throws SQLException {
        try (Reader r = clob.getCharacterStream()) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bytes(Blob blob) throws SQLException {
        try (InputStream in = blob.getBinaryStream()) {
            return Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
