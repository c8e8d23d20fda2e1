package org.planwright.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.planwright.store.PlanCapture;
import org.planwright.store.PlanFormat;
import org.planwright.store.PlanMetrics;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.TargetConnector;
import org.planwright.testsupport.Corpus;
import org.planwright.testsupport.PostgresFixture;

/**
 * A team server for one test: a scratch database on the test JVM's embedded PostgreSQL with the team schema, and
 * helpers to make login roles, connect as them (directly or through a port such as a {@link
 * org.planwright.testsupport.TcpRelay}'s), and read the server's tables as the admin.
 */
final class TeamFixture {

    /** Real plans: the generated TPC-H plans of the corpus (JSON). */
    static final List<Path> PLANS = Corpus.files("plans/generated-tpch", 20, ".json");

    final PostgresFixture pg;
    final String database;
    final TeamAdmin admin;

    TeamFixture(PostgresFixture pg) throws SyncException {
        this.pg = pg;
        this.database = pg.createScratchDatabase("team");
        this.admin = new TeamAdmin(as(pg.user()));
        admin.init();
    }

    ConnectionProfile profile(String user, int port) {
        return ConnectionProfile.postgres("team", "127.0.0.1", port, database, user, "disable");
    }

    TeamConnections as(String user) {
        return as(user, pg.sandbox().port());
    }

    TeamConnections as(String user, int port) {
        return new TargetTeamConnections(new TargetConnector(), profile(user, port), null);
    }

    /** @return a new login role with a unique name */
    String role(String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        exec("CREATE ROLE " + name + " LOGIN");
        return name;
    }

    void exec(String sql) throws SQLException {
        try (Connection c = pg.connect(database); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = pg.connect(database); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** @return changes on the server whose (table, key, hlc, device) occurs more than once: must stay 0 */
    long duplicateChanges() throws SQLException {
        return count("SELECT COUNT(*) FROM (SELECT 1 FROM team.change GROUP BY workspace_id, table_name, row_key, hlc,"
                + " device_id HAVING COUNT(*) > 1) d");
    }

    /** Captures {@code n} real plans into the workspace (cycling through the corpus). */
    static List<PlanCapture> capture(WorkbenchStore store, Workspace w, int n, String tag) {
        List<PlanCapture> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path plan = PLANS.get(i % PLANS.size());
            out.add(store.planCaptures().save(PlanCapture.create(w.id(), null,
                    "-- " + tag + " " + i + "\nSELECT /* " + plan.getFileName() + " */ 1",
                    Corpus.read(plan), PlanFormat.JSON, "ANALYZE, BUFFERS", null, "PostgreSQL 18",
                    Instant.parse("2026-12-03T10:00:00Z").plusSeconds(i), PlanMetrics.UNKNOWN)));
        }
        return out;
    }

    /** @return the ids of the live plan captures of a workspace, sorted */
    static List<UUID> captureIds(WorkbenchStore store, Workspace w) {
        return store.planCaptures().list(w.id()).stream().map(s -> s.id()).sorted().toList();
    }
}
