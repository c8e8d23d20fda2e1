package org.planwright.sync;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.planwright.store.SavedQuery;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;

/**
 * The sync throughput benchmark ({@code planwright sync-bench}): N saved queries (about 200 bytes of SQL each) are
 * written into a fresh store in a scratch folder, uploaded to the team server in one round, then downloaded into a
 * second fresh store. Prints records/s each way beside a baseline measured in the same run on the same server:
 * the same rows through plain multi-row INSERTs into a temporary table (upload), and a plain read of the uploaded
 * rows (download) — what the JDBC path costs without any sync bookkeeping. Target (issue 12): at least 10,000
 * records/s each way (SymmetricDS-class throughput). Run as a role that may create schemas and owns the team schema.
 */
public final class SyncBenchmark {

    /** Issue 12's target, records per second each way. */
    public static final double TARGET_PER_SECOND = 10_000;

    /** The figures of one run. */
    public record Result(int records, double uploadMs, double downloadMs, double uploadBaselineMs,
                         double downloadBaselineMs, double uploadCpuMs, double downloadCpuMs) {

        public double uploadPerSecond() {
            return records / (uploadMs / 1000);
        }

        public double downloadPerSecond() {
            return records / (downloadMs / 1000);
        }
    }

    private SyncBenchmark() {
    }

    /**
     * @param admin   connections as the admin (schema owner)
     * @param role    the admin's role name (granted the bench workspace)
     * @param records how many records (≥ 1)
     * @param scratch an empty folder for the two stores
     * @param out     where progress and figures go
     * @throws SyncException when the server fails
     */
    public static Result run(TeamConnections admin, String role, int records, Path scratch, PrintWriter out)
            throws SyncException {
        TeamAdmin team = new TeamAdmin(admin);
        team.init();
        String name = "sync-bench-" + UUID.randomUUID().toString().substring(0, 8);
        team.grant(name, role);
        SyncClient client = new SyncClient(admin, role);
        SyncSummary up;
        SyncSummary down;
        try (WorkbenchStore a = WorkbenchStore.open(scratch.resolve("a"))) {
            Workspace wa = a.workspaces().create(name);
            out.printf(Locale.ROOT, "writing %,d saved queries into a fresh store ...%n", records);
            out.flush();
            List<SavedQuery> chunk = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                chunk.add(SavedQuery.create(wa.id(), "query " + i, sql(i)));
                if (chunk.size() == 5000 || i == records - 1) {
                    a.savedQueries().saveAll(chunk);
                    chunk.clear();
                }
            }
            up = client.sync(a, wa);
        }
        try (WorkbenchStore b = WorkbenchStore.open(scratch.resolve("b"))) {
            Workspace wb = b.workspaces().create(name);
            down = client.sync(b, wb);
        }
        if (up.uploaded() != records || down.downloaded() != records) {
            throw new SyncException(SyncException.Reason.FAILED, "the benchmark moved " + up.uploaded() + " up and "
                    + down.downloaded() + " down instead of " + records);
        }
        double[] baseline = baseline(admin, name, records);
        Result r = new Result(records, up.uploadMs(), down.downloadMs(), baseline[0], baseline[1], up.uploadCpuMs(),
                down.downloadCpuMs());
        out.printf(Locale.ROOT, "upload   (H2 outbox -> PostgreSQL): %,10.0f records/s  (%,.0f ms; baseline plain"
                        + " multi-row INSERT %,.0f records/s; ratio %.2f)%n", r.uploadPerSecond(), r.uploadMs(),
                records / (r.uploadBaselineMs() / 1000), r.uploadMs() / r.uploadBaselineMs());
        out.printf(Locale.ROOT, "download (PostgreSQL -> H2 merge):  %,10.0f records/s  (%,.0f ms; baseline plain"
                        + " SELECT %,.0f records/s; ratio %.2f)%n", r.downloadPerSecond(), r.downloadMs(),
                records / (r.downloadBaselineMs() / 1000), r.downloadMs() / r.downloadBaselineMs());
        out.printf(Locale.ROOT, "syncing thread CPU: upload %,.0f ms, download %,.0f ms (%,.1f and %,.1f us per record;"
                        + " load average %s)%n", r.uploadCpuMs(), r.downloadCpuMs(), 1000 * r.uploadCpuMs() / records,
                1000 * r.downloadCpuMs() / records, loadAverage());
        out.printf(Locale.ROOT, "target: >= %,.0f records/s each way: %s%n", TARGET_PER_SECOND,
                r.uploadPerSecond() >= TARGET_PER_SECOND && r.downloadPerSecond() >= TARGET_PER_SECOND ? "met"
                        : "NOT met");
        out.flush();
        return r;
    }

    /** @return the 1-minute load average (other work on the machine bends the figures), or "unknown" */
    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static String sql(int i) {
        return "SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price"
                + " FROM lineitem WHERE l_shipdate <= date '1998-12-01' - interval '" + (i % 120) + "' day"
                + " GROUP BY l_returnflag, l_linestatus -- " + i;
    }

    /** @return {upload ms, download ms} of the plain JDBC baseline over the same rows */
    private static double[] baseline(TeamConnections admin, String workspace, int records) throws SyncException {
        try (Connection c = admin.open()) {
            c.setAutoCommit(false);
            List<String[]> rows = new ArrayList<>(records);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("SELECT c.table_name, c.row_key, c.payload FROM team.change c"
                    + " JOIN team.workspace w ON w.id = c.workspace_id WHERE w.name = ? ORDER BY c.change_no")) {
                ps.setString(1, workspace);
                ps.setFetchSize(SyncClient.PAGE_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            long t1 = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE bench_baseline (table_name TEXT, row_key TEXT, payload TEXT)");
            }
            long t2 = System.nanoTime();
            for (int from = 0; from < rows.size(); from += TeamServer.ROWS_PER_INSERT) {
                int to = Math.min(rows.size(), from + TeamServer.ROWS_PER_INSERT);
                StringBuilder sql = new StringBuilder("INSERT INTO bench_baseline VALUES ");
                for (int i = from; i < to; i++) {
                    sql.append(i == from ? "" : ", ").append("(?, ?, ?)");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (int i = from; i < to; i++) {
                        for (String v : rows.get(i)) {
                            ps.setString(p++, v);
                        }
                    }
                    ps.executeUpdate();
                }
                c.commit();
            }
            long t3 = System.nanoTime();
            c.rollback();
            return new double[] {(t3 - t2) / 1e6, (t1 - t0) / 1e6};
        } catch (SQLException e) {
            throw Sql.translate("running the baseline", e);
        }
    }
}
