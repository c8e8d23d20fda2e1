package org.planwright.tuning.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.settings.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link WorkloadEvidence} from a live PostgreSQL server: {@code pg_stat_database} (all databases),
 * {@code pg_database_size}, {@code pg_stat_activity}, {@code pg_stat_checkpointer} (17+) or
 * {@code pg_stat_bgwriter} (before 17), {@code pg_stat_user_tables} of the connected database and
 * {@code pg_stat_statements} when installed. Read-only catalog queries under the session's statement timeout;
 * blocking (virtual thread). Views the user cannot read leave their fields at 0.
 */
public final class EvidenceCollector {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceCollector.class);

    /**
     * @param session an open session (read-only is enough)
     * @return the evidence now
     * @throws TargetException when pg_stat_database cannot be read
     */
    public WorkloadEvidence collect(TargetSession session) throws TargetException {
        int major = session.serverInfo().majorVersion();
        Map<String, Object> db = Rows.query(session, "SELECT sum(blks_hit) AS hit, sum(blks_read) AS read, "
                + "sum(temp_files) AS temp_files, sum(temp_bytes) AS temp_bytes, "
                + "sum(xact_commit + xact_rollback) AS xacts, "
                + "extract(epoch FROM now() - min(stats_reset)) AS seconds"
                + (major >= 18 ? ", sum(parallel_workers_to_launch) AS pw_to, sum(parallel_workers_launched) AS pw_l"
                : "") + " FROM pg_stat_database WHERE datname IS NOT NULL").getFirst();
        double size = number(session, "SELECT sum(pg_database_size(datname)) FROM pg_database "
                + "WHERE NOT datistemplate AND datallowconn");
        Map<String, Object> act = optionalRow(session, "SELECT count(*) AS total, "
                + "count(*) FILTER (WHERE state = 'active') AS active, "
                + "count(*) FILTER (WHERE state LIKE 'idle%') AS idle, "
                + "coalesce(extract(epoch FROM now() - min(backend_start)), 0) AS oldest "
                + "FROM pg_stat_activity WHERE backend_type = 'client backend'");
        Map<String, Object> cp = optionalRow(session, major >= 17
                ? "SELECT num_timed AS timed, num_requested AS req, extract(epoch FROM now() - stats_reset) AS seconds"
                        + " FROM pg_stat_checkpointer"
                : "SELECT checkpoints_timed AS timed, checkpoints_req AS req, "
                        + "extract(epoch FROM now() - stats_reset) AS seconds FROM pg_stat_bgwriter");
        Map<String, Object> scans = optionalRow(session, "SELECT coalesce(sum(seq_scan), 0) AS seq, "
                + "coalesce(sum(idx_scan), 0) AS idx FROM pg_stat_user_tables");
        List<WorkloadEvidence.TableVacuumLag> lag = vacuumLag(session);
        List<WorkloadEvidence.StatementStat> statements = session.serverInfo().pgStatStatementsInstalled()
                ? statements(session) : List.of();
        return new WorkloadEvidence(Rows.number(db, "seconds"), size, Rows.number(db, "hit"), Rows.number(db, "read"),
                Rows.number(db, "temp_files"), Rows.number(db, "temp_bytes"), Rows.number(db, "xacts"),
                (int) Rows.number(act, "total"), (int) Rows.number(act, "active"), (int) Rows.number(act, "idle"),
                Rows.number(act, "oldest"), Rows.number(cp, "timed"), Rows.number(cp, "req"),
                Rows.number(cp, "seconds"), Rows.number(scans, "seq"), Rows.number(scans, "idx"),
                major >= 18 ? Rows.number(db, "pw_to") : -1, major >= 18 ? Rows.number(db, "pw_l") : -1, lag,
                statements, scannedTable(session));
    }

    /** @return the largest table read whole by sequential scans at least twice ({@code seq_tup_read}), or null */
    private static WorkloadEvidence.ScannedTable scannedTable(TargetSession session) {
        // rows: the planner's reltuples where ANALYZE or VACUUM set it (n_live_tup can count a load twice
        // when its statistics arrive after the ANALYZE), else n_live_tup
        Map<String, Object> r = optionalRow(session, "SELECT * FROM (SELECT t.schemaname || '.' || t.relname AS t, "
                + "pg_relation_size(t.relid) AS bytes, t.seq_scan AS scans, t.seq_tup_read AS rows_read, "
                + "CASE WHEN c.reltuples >= 0 THEN c.reltuples ELSE t.n_live_tup END AS live "
                + "FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid) x "
                + "WHERE live > 0 AND rows_read >= 2 * live ORDER BY bytes DESC LIMIT 1");
        return r.isEmpty() ? null : new WorkloadEvidence.ScannedTable(Rows.text(r, "t"), Rows.number(r, "bytes"),
                Rows.number(r, "scans"), Rows.number(r, "rows_read"), Rows.number(r, "live"));
    }

    private static List<WorkloadEvidence.TableVacuumLag> vacuumLag(TargetSession session) {
        List<WorkloadEvidence.TableVacuumLag> out = new ArrayList<>();
        try {
            for (Map<String, Object> r : Rows.query(session, "SELECT schemaname || '.' || relname AS t, "
                    + "n_live_tup AS live, n_dead_tup AS dead, "
                    + "current_setting('autovacuum_vacuum_threshold')::float8 + "
                    + "current_setting('autovacuum_vacuum_scale_factor')::float8 * n_live_tup AS threshold, "
                    + "coalesce(extract(epoch FROM now() - greatest(last_autovacuum, last_vacuum)), -1) AS since "
                    + "FROM pg_stat_user_tables WHERE n_dead_tup > current_setting('autovacuum_vacuum_threshold')"
                    + "::float8 + current_setting('autovacuum_vacuum_scale_factor')::float8 * n_live_tup "
                    + "ORDER BY n_dead_tup DESC LIMIT 20")) {
                out.add(new WorkloadEvidence.TableVacuumLag(Rows.text(r, "t"), Rows.number(r, "live"),
                        Rows.number(r, "dead"), Rows.number(r, "threshold"), Rows.number(r, "since")));
            }
        } catch (TargetException e) {
            LOG.info("pg_stat_user_tables not read: {}", e.getMessage());
        }
        return out;
    }

    private static List<WorkloadEvidence.StatementStat> statements(TargetSession session) {
        List<WorkloadEvidence.StatementStat> out = new ArrayList<>();
        try {
            for (Map<String, Object> r : Rows.query(session, "SELECT query, calls, total_exec_time AS total, "
                    + "mean_exec_time AS mean, temp_blks_written AS temp, shared_blks_hit AS hit, "
                    + "shared_blks_read AS read FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 200")) {
                out.add(new WorkloadEvidence.StatementStat(Rows.text(r, "query"), Rows.number(r, "calls"),
                        Rows.number(r, "total"), Rows.number(r, "mean"), Rows.number(r, "temp"),
                        Rows.number(r, "hit"), Rows.number(r, "read")));
            }
        } catch (TargetException e) {
            LOG.info("pg_stat_statements not read: {}", e.getMessage());
        }
        return out;
    }

    private static Map<String, Object> optionalRow(TargetSession session, String sql) {
        try {
            List<Map<String, Object>> rows = Rows.query(session, sql);
            return rows.isEmpty() ? Map.of() : rows.getFirst();
        } catch (TargetException e) {
            LOG.info("not read ({}): {}", e.getMessage(), sql);
            return Map.of();
        }
    }

    private static double number(TargetSession session, String sql) {
        try {
            Object v = Rows.scalar(session, sql);
            return v instanceof Number n ? n.doubleValue() : 0;
        } catch (TargetException e) {
            return 0;
        }
    }
}
