package org.planwright.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The import half of {@link WorkspaceTransfer}, inside its one transaction: checks the whole file against this
 * store's schema first (unknown tables or columns mean a newer Planwright wrote it; a record naming another
 * workspace means a damaged or forged file), then inserts parents before children, each record only when its key is
 * not here yet (a unique constraint that still clashes, e.g. a second model "version 1", keeps the record here).
 * Child records are inserted only under a parent of this workspace, so a file cannot attach rows to another
 * workspace's records.
 */
final class WorkspaceImport {

    private WorkspaceImport() {
    }

    static TransferResult run(Connection c, JsonNode root, Path file, String nameIfTaken, Instant now)
            throws SQLException {
        WorkspaceTables tables = WorkspaceTables.read(c);
        WorkspaceTransfer.FileTable wsRows = WorkspaceTransfer.FileTable.of(root.path("workspace"));
        if (wsRows.rows().size() != 1) {
            throw invalid("it holds " + wsRows.rows().size() + " workspaces instead of one");
        }
        Map<String, WorkspaceTransfer.FileTable> fileTables = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("tables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!tables.recordTables().contains(e.getKey())) {
                throw invalid("it has records of a kind this Planwright does not know (" + e.getKey()
                        + "); it was written by a newer Planwright: update this one");
            }
            fileTables.put(e.getKey(), WorkspaceTransfer.FileTable.of(e.getValue()));
        }
        Map<String, Object> ws = row("workspace", wsRows, 0, columnTypes(c, "workspace", wsRows));
        UUID id = (UUID) ws.get("id");
        if (id == null || ws.get("name") == null) {
            throw invalid("its workspace has no id or name");
        }
        Map<String, Map<String, String>> types = new HashMap<>();
        for (Map.Entry<String, WorkspaceTransfer.FileTable> e : fileTables.entrySet()) {
            types.put(e.getKey(), columnTypes(c, e.getKey(), e.getValue()));
        }
        // every row parsed and checked before anything is written
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : tables.recordTables()) {
            WorkspaceTransfer.FileTable ft = fileTables.get(table);
            if (ft == null) {
                continue;
            }
            List<Map<String, Object>> parsed = new ArrayList<>();
            for (int i = 0; i < ft.rows().size(); i++) {
                Map<String, Object> r = row(table, ft, i, types.get(table));
                if (r.containsKey(SchemaTables.WORKSPACE_COLUMN) && !id.equals(r.get(SchemaTables.WORKSPACE_COLUMN))) {
                    throw invalid("record " + (i + 1) + " of " + table + " belongs to another workspace than the"
                            + " file's; the file is damaged");
                }
                parsed.add(r);
            }
            rows.put(table, parsed);
        }

        boolean merged = Jdbc.one(c, rs -> true, "SELECT 1 FROM workspace WHERE id = ?", id).isPresent();
        if (!merged) {
            String name = (String) ws.get("name");
            if (nameTaken(c, name)) {
                if (nameIfTaken == null) {
                    throw new StoreException(StoreException.Reason.CONFLICT, "This store already has another"
                            + " workspace named \"" + name + "\"; import the file under another name. Nothing was"
                            + " imported.");
                }
                name = Check.name("workspace name", nameIfTaken, Check.NAME_MAX);
                if (nameTaken(c, name)) {
                    throw new StoreException(StoreException.Reason.CONFLICT, "A workspace named \"" + name
                            + "\" already exists too; choose another name. Nothing was imported.");
                }
            }
            ws.put("name", name);
            insert(c, "workspace", ws);
        }
        Map<String, Integer> inserted = new LinkedHashMap<>();
        Map<String, Integer> present = new LinkedHashMap<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : rows.entrySet()) {
            String table = e.getKey();
            List<String> key = SchemaTables.primaryKey(c, table);
            Optional<SchemaTables.ChildTable> parent = tables.parent(table);
            int in = 0;
            int here = 0;
            for (Map<String, Object> r : e.getValue()) {
                if (exists(c, table, key, r) || (parent.isPresent() && !parentIsOurs(c, tables, parent.get(), r, id))) {
                    here++;
                } else if (insert(c, table, r)) {
                    in++;
                } else {
                    here++;
                }
            }
            inserted.put(table, in);
            present.put(table, here);
        }
        Workspace result = Jdbc.one(c, rs -> new Workspace(Jdbc.uuid(rs, "id"), rs.getString("name"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at")),
                "SELECT * FROM workspace WHERE id = ?", id).orElseThrow();
        return new TransferResult(result, file, inserted, present, merged);
    }

    private static boolean nameTaken(Connection c, String name) throws SQLException {
        return Jdbc.one(c, rs -> true, "SELECT 1 FROM workspace WHERE name = ?", name).isPresent();
    }

    private static boolean exists(Connection c, String table, List<String> key, Map<String, Object> r)
            throws SQLException {
        if (key.isEmpty()) {
            return false;
        }
        List<String> where = key.stream().map(k -> k + " = ?").toList();
        return Jdbc.one(c, rs -> true, "SELECT 1 FROM " + table + " WHERE " + String.join(" AND ", where),
                key.stream().map(r::get).toArray()).isPresent();
    }

    private static boolean parentIsOurs(Connection c, WorkspaceTables tables, SchemaTables.ChildTable link,
                                        Map<String, Object> r, UUID workspaceId) throws SQLException {
        return Jdbc.one(c, rs -> true, "SELECT 1 FROM " + link.parentTable() + " WHERE " + link.parentColumn()
                + " = ? AND " + tables.scope(link.parentTable()), r.get(link.column()), workspaceId).isPresent();
    }

    /** @return false when a unique constraint other than the key refused the row (the store's record stays) */
    private static boolean insert(Connection c, String table, Map<String, Object> r) throws SQLException {
        List<String> cols = new ArrayList<>(r.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", Collections.nCopies(cols.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < cols.size(); i++) {
                ps.setObject(i + 1, r.get(cols.get(i)));
            }
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (WorkspaceTransfer.isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    /** @return column name to this store's SQL type, for the file's columns; INVALID for an unknown column */
    private static Map<String, String> columnTypes(Connection c, String table, WorkspaceTransfer.FileTable ft)
            throws SQLException {
        Map<String, String> known = new HashMap<>();
        SchemaTables.columns(c, table).forEach(col -> known.put(col.name(), col.type()));
        Map<String, String> out = new LinkedHashMap<>();
        for (String col : ft.columns()) {
            String type = known.get(col);
            if (type == null) {
                throw invalid("its " + table + " records have a column this Planwright does not know (" + col
                        + "); it was written by a newer Planwright: update this one");
            }
            out.put(col, type);
        }
        return out;
    }

    private static Map<String, Object> row(String table, WorkspaceTransfer.FileTable ft, int index,
                                           Map<String, String> types) {
        JsonNode values = ft.rows().get(index);
        if (!values.isArray() || values.size() != ft.columns().size()) {
            throw invalid("record " + (index + 1) + " of " + table + " does not have its " + ft.columns().size()
                    + " values");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < ft.columns().size(); i++) {
            String col = ft.columns().get(i);
            try {
                r.put(col, value(values.get(i), types.get(col)));
            } catch (IllegalArgumentException | DateTimeParseException | IOException e) {
                throw invalid("record " + (index + 1) + " of " + table + ", column " + col + ": "
                        + values.get(i) + " is not a " + types.get(col).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return r;
    }

    private static Object value(JsonNode v, String type) throws IOException {
        if (v == null || v.isNull()) {
            return null;
        }
        return switch (type) {
            case "UUID" -> UUID.fromString(v.asText());
            case "TIMESTAMP WITH TIME ZONE" -> OffsetDateTime.parse(v.asText());
            case "BINARY LARGE OBJECT", "BINARY VARYING", "BINARY" -> v.binaryValue();
            case "INTEGER", "SMALLINT", "TINYINT" -> number(v).intValue();
            case "BIGINT" -> number(v).longValue();
            case "DOUBLE PRECISION", "REAL", "FLOAT" -> v.isTextual() ? Double.parseDouble(v.asText()) : number(v).doubleValue();
            case "BOOLEAN" -> {
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException("not a boolean");
                }
                yield v.booleanValue();
            }
            default -> {
                if (!v.isValueNode()) {
                    throw new IllegalArgumentException("not a value");
                }
                yield v.asText();
            }
        };
    }

    private static Number number(JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("not a number");
        }
        return v.numberValue();
    }

    static StoreException invalid(String why) {
        return new StoreException(StoreException.Reason.INVALID, "Cannot import the workspace file: " + why
                + ". Nothing was imported.");
    }
}
