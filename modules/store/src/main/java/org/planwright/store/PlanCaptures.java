package org.planwright.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The captured execution plans of each workspace. Obtain from {@link WorkbenchStore#planCaptures()}.
 *
 * <p>Thread-safe; calls block on the database, so call them off the JavaFX application thread. Every method
 * throws {@link StoreException} when the database fails.
 */
public final class PlanCaptures {

    /** Length, in characters, of {@link PlanCaptureSummary#queryPreview()}. */
    public static final int PREVIEW_LENGTH = 200;

    private static final String TABLE = "plan_capture";
    private static final String SUMMARY_COLUMNS = "id, workspace_id, connection_id, plan_format, server_version,"
            + " captured_at, node_count, total_cost, execution_time_ms, planning_time_ms";

    private final Jdbc jdbc;

    PlanCaptures(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the capture, or replaces the one with the same id in its workspace (keeping {@code createdAt}).
     *
     * @return the capture as stored, with its timestamps
     * @throws StoreException INVALID for blank query or plan text or too long options or version, NOT_FOUND when
     *                        the workspace does not exist, CONFLICT when the id belongs to another workspace
     */
    public PlanCapture save(PlanCapture capture) {
        Check.required(capture, "capture");
        Check.text("query text of the plan", capture.queryText());
        Check.text("plan text", capture.planText());
        Check.limit("EXPLAIN options", capture.explainOptions(), 500);
        Check.limit("server version", capture.serverVersion(), 200);
        return jdbc.write("save the captured plan", c -> {
            Instant now = jdbc.now();
            PlanCapture p = capture;
            PlanMetrics m = p.metrics();
            int rows = Jdbc.update(c, "UPDATE " + TABLE + " SET connection_id = ?, query_text = ?, plan_text = ?,"
                            + " plan_format = ?, explain_options = ?, settings_json = ?, server_version = ?,"
                            + " captured_at = ?, node_count = ?, total_cost = ?, execution_time_ms = ?,"
                            + " planning_time_ms = ?, updated_at = ?, deleted_at = NULL WHERE id = ? AND workspace_id = ?",
                    p.connectionId(), p.queryText(), p.planText(), p.format(), p.explainOptions(), p.settingsJson(),
                    p.serverVersion(), p.capturedAt(), m.nodeCount(), m.totalCost(), m.executionTimeMs(),
                    m.planningTimeMs(), now, p.id(), p.workspaceId());
            if (rows == 0) {
                WorkspaceRows.requireWorkspace(c, p.workspaceId());
                WorkspaceRows.requireNotElsewhere(c, TABLE, "captured plan", p.workspaceId(), p.id());
                Jdbc.update(c, "INSERT INTO " + TABLE + " (id, workspace_id, connection_id, query_text, plan_text,"
                                + " plan_format, explain_options, settings_json, server_version, captured_at,"
                                + " node_count, total_cost, execution_time_ms, planning_time_ms, created_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        p.id(), p.workspaceId(), p.connectionId(), p.queryText(), p.planText(), p.format(),
                        p.explainOptions(), p.settingsJson(), p.serverVersion(), p.capturedAt(), m.nodeCount(),
                        m.totalCost(), m.executionTimeMs(), m.planningTimeMs(), now, now);
            }
            return Jdbc.one(c, PlanCaptures::mapFull, "SELECT * FROM " + TABLE + " WHERE id = ?", p.id()).orElseThrow();
        });
    }

    /**
     * @return summaries of the live captures of the workspace, newest {@code capturedAt} first (without plan text)
     */
    public List<PlanCaptureSummary> list(UUID workspaceId) {
        Check.required(workspaceId, "workspaceId");
        return jdbc.read("list the captured plans", c -> Jdbc.list(c, PlanCaptures::mapSummary,
                "SELECT " + SUMMARY_COLUMNS + ", SUBSTRING(query_text, 1, " + PREVIEW_LENGTH + ") AS query_preview"
                        + " FROM " + TABLE + " WHERE workspace_id = ? AND deleted_at IS NULL"
                        + " ORDER BY captured_at DESC, created_at DESC", workspaceId));
    }

    /** @return the full live capture with this id in this workspace, or empty (also when it belongs to another) */
    public Optional<PlanCapture> load(UUID workspaceId, UUID id) {
        Check.required(workspaceId, "workspaceId");
        Check.required(id, "id");
        return jdbc.read("load the captured plan", c -> Jdbc.one(c, PlanCaptures::mapFull,
                "SELECT * FROM " + TABLE + " WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL",
                workspaceId, id));
    }

    /**
     * Deletes the capture (a tombstone, for sync).
     *
     * @return true when a live capture of this workspace was deleted
     */
    public boolean delete(UUID workspaceId, UUID id) {
        Check.required(workspaceId, "workspaceId");
        Check.required(id, "id");
        return jdbc.write("delete the captured plan", c -> WorkspaceRows.tombstone(c, TABLE, workspaceId, id, jdbc.now()));
    }

    private static PlanMetrics metrics(ResultSet rs) throws SQLException {
        return new PlanMetrics(Jdbc.intOrNull(rs, "node_count"), Jdbc.doubleOrNull(rs, "total_cost"),
                Jdbc.doubleOrNull(rs, "execution_time_ms"), Jdbc.doubleOrNull(rs, "planning_time_ms"));
    }

    private static PlanCaptureSummary mapSummary(ResultSet rs) throws SQLException {
        return new PlanCaptureSummary(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"),
                Jdbc.uuid(rs, "connection_id"), rs.getString("query_preview"),
                PlanFormat.valueOf(rs.getString("plan_format")), rs.getString("server_version"),
                Jdbc.instant(rs, "captured_at"), metrics(rs));
    }

    private static PlanCapture mapFull(ResultSet rs) throws SQLException {
        return new PlanCapture(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "workspace_id"), Jdbc.uuid(rs, "connection_id"),
                rs.getString("query_text"), rs.getString("plan_text"), PlanFormat.valueOf(rs.getString("plan_format")),
                rs.getString("explain_options"), rs.getString("settings_json"), rs.getString("server_version"),
                Jdbc.instant(rs, "captured_at"), metrics(rs), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }
}
