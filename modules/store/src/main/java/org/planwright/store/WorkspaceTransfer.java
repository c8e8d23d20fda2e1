package org.planwright.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.h2.api.ErrorCode;

/**
 * Carries one workspace between stores as one encrypted file, without a server: {@link #export} writes every record
 * of the workspace (every table {@link WorkspaceTables} finds, so a table added later travels too) as JSON, gzip'd,
 * sealed with AES-256-GCM under a key derived from a passphrase ({@link WorkspaceFileCipher}, ADR 0017);
 * {@link #importFile} opens such a file and merges it into this store by key: a record whose key is already there
 * is left as it is, so importing the same file twice adds nothing. Obtain from {@link WorkbenchStore#transfer()}.
 *
 * <p>Errors: a wrong passphrase, a changed or cut file, or contents this Planwright cannot read give a
 * {@link StoreException} (INVALID) saying so, and nothing is written: the file is decrypted and read completely
 * before the one transaction that imports it. Thread-safe; blocks (key derivation takes about half a second, the
 * rest is proportional to the workspace's size, held in memory twice), so call it off the JavaFX thread.
 */
public final class WorkspaceTransfer {

    /** The {@code format} field of the contents. */
    static final String FORMAT = "planwright-workspace";
    /** The contents' layout version (the JSON inside; the file's own header has its version too). */
    static final int CONTENTS_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Jdbc jdbc;

    WorkspaceTransfer(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the workspace to an encrypted file, replacing the file when it exists (written beside it first, then
     * moved into place, so a failure never leaves half a file).
     *
     * @param workspaceId the workspace (archived ones too)
     * @param file        where to write
     * @param passphrase  at least 8 characters; needed again to import; not kept
     * @return the counts written per table
     * @throws StoreException NOT_FOUND for an unknown workspace, INVALID for a short passphrase, NOT_ACCESSIBLE when
     *                        the file cannot be written
     */
    public TransferResult export(UUID workspaceId, Path file, char[] passphrase) {
        Check.required(workspaceId, "workspaceId");
        Check.required(file, "file");
        Map<String, Integer> counts = new LinkedHashMap<>();
        Workspace[] ws = new Workspace[1];
        byte[] contents = jdbc.read("export the workspace", c -> {
            ws[0] = Jdbc.one(c, WorkspaceTransfer::workspace, "SELECT * FROM workspace WHERE id = ?", workspaceId)
                    .orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND,
                            "There is no workspace with id " + workspaceId + "."));
            try {
                return contents(c, workspaceId, counts);
            } catch (IOException e) {
                throw new SQLException("cannot write the contents: " + e.getMessage(), e);
            }
        });
        byte[] sealed = WorkspaceFileCipher.seal(contents, passphrase);
        writeAtomically(file, sealed);
        return new TransferResult(ws[0], file, counts, Map.of(), false);
    }

    /**
     * Imports a workspace file into this store, in one transaction. The workspace keeps its id: when this store has
     * it (an earlier import, or the store it came from), the records are merged into it; otherwise it is created,
     * under its own name or, when that name is taken by another workspace, under {@code nameIfTaken}.
     *
     * @param file        a file written by {@link #export}
     * @param passphrase  the passphrase given at export
     * @param nameIfTaken the name to use when the file's workspace is new here and its name is taken; null to refuse
     * @return the counts inserted and already present per table
     * @throws StoreException INVALID for a wrong passphrase, a damaged file or contents from a newer Planwright;
     *                        NOT_ACCESSIBLE when the file cannot be read; CONFLICT when the name is taken and no other
     *                        name was given. Nothing is written in any of these cases.
     */
    public TransferResult importFile(Path file, char[] passphrase, String nameIfTaken) {
        Check.required(file, "file");
        byte[] sealed;
        try {
            sealed = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "There is no file " + file + ".", e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "Cannot read " + file + " ("
                    + e.getMessage() + ").", e);
        }
        JsonNode root = parse(WorkspaceFileCipher.open(sealed, passphrase));
        return jdbc.write("import the workspace file " + file.getFileName(), c -> WorkspaceImport.run(c, root, file,
                nameIfTaken, jdbc.now()));
    }

    private static JsonNode parse(byte[] contents) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(contents))) {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw WorkspaceImport.invalid("its contents are not a Planwright workspace");
            }
            int version = root.path("contentsVersion").asInt(-1);
            if (version != CONTENTS_VERSION) {
                throw WorkspaceImport.invalid("its contents are of version " + version + ", which this Planwright does"
                        + " not read (it reads " + CONTENTS_VERSION + "); update Planwright");
            }
            return root;
        } catch (IOException e) {
            throw WorkspaceImport.invalid("its contents cannot be read (" + e.getMessage() + ")");
        }
    }

    private static byte[] contents(Connection c, UUID workspaceId, Map<String, Integer> counts)
            throws SQLException, IOException {
        WorkspaceTables tables = WorkspaceTables.read(c);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes);
             JsonGenerator g = new JsonFactory().createGenerator(zip, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("contentsVersion", CONTENTS_VERSION);
            g.writeFieldName("workspace");
            writeRows(g, c, "SELECT * FROM workspace WHERE id = ?", workspaceId);
            g.writeObjectFieldStart("tables");
            for (String table : tables.recordTables()) {
                g.writeFieldName(table);
                counts.put(table, writeRows(g, c, "SELECT * FROM " + table + " WHERE " + tables.scope(table),
                        workspaceId));
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** Writes {"columns": [...], "rows": [[...], ...]}; returns the row count. */
    private static int writeRows(JsonGenerator g, Connection c, String sql, UUID workspaceId)
            throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, workspaceId);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                g.writeStartObject();
                g.writeArrayFieldStart("columns");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    g.writeString(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
                g.writeEndArray();
                g.writeArrayFieldStart("rows");
                int n = 0;
                while (rs.next()) {
                    g.writeStartArray();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        writeValue(g, rs, i, md.getColumnType(i), md.getColumnTypeName(i));
                    }
                    g.writeEndArray();
                    n++;
                }
                g.writeEndArray();
                g.writeEndObject();
                return n;
            }
        }
    }

    private static void writeValue(JsonGenerator g, ResultSet rs, int i, int type, String typeName)
            throws SQLException, IOException {
        // H2 reports UUID columns as Types.BINARY: by name first
        Object v = "UUID".equals(typeName) ? rs.getObject(i, UUID.class) : switch (type) {
            case Types.CLOB, Types.NCLOB -> rs.getString(i);
            case Types.BLOB, Types.VARBINARY, Types.BINARY, Types.LONGVARBINARY -> rs.getBytes(i);
            default -> rs.getObject(i);
        };
        switch (v) {
            case null -> g.writeNull();
            case byte[] b -> g.writeBinary(b);
            case Boolean b -> g.writeBoolean(b);
            case Integer n -> g.writeNumber(n);
            case Long n -> g.writeNumber(n);
            case Short n -> g.writeNumber(n);
            case Double d when d.isNaN() || d.isInfinite() -> g.writeString(d.toString());
            case Double d -> g.writeNumber(d);
            case Float f -> g.writeNumber(f);
            case java.math.BigDecimal d -> g.writeNumber(d);
            case OffsetDateTime t -> g.writeString(t.toString());
            default -> g.writeString(v.toString());
        }
    }

    private static Workspace workspace(ResultSet rs) throws SQLException {
        return new Workspace(Jdbc.uuid(rs, "id"), rs.getString("name"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Path folder = target.getParent();
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + target.getFileName(), ".part");
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.NOT_ACCESSIBLE, "Cannot write " + target + " ("
                    + e.getMessage() + "); check the folder's permissions and free space.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a leftover .part file holds only ciphertext
                }
            }
        }
    }

    /** @return true when the SQL error is a duplicate key (a unique constraint other than the primary key) */
    static boolean isDuplicate(SQLException e) {
        return e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1;
    }

    /** The rows of one table in the file. */
    record FileTable(List<String> columns, List<JsonNode> rows) {
        static FileTable of(JsonNode node) {
            List<String> cols = new ArrayList<>();
            node.path("columns").forEach(n -> cols.add(n.asText()));
            List<JsonNode> rows = new ArrayList<>();
            node.path("rows").forEach(rows::add);
            return new FileTable(cols, rows);
        }
    }
}
