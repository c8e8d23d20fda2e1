package org.planwright.tuning.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.tuning.advice.Advice;
import org.planwright.tuning.advice.AdviceRequest;
import org.planwright.tuning.advice.EvidenceCollector;
import org.planwright.tuning.advice.PostgresConfigAdvisor;
import org.planwright.tuning.advice.WorkloadEvidence;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.StorageType;

/**
 * The live configuration and workload evidence of the embedded PostgreSQL 18, read in a read-only analysis
 * session, and advice from them after a sort that spills. Changes nothing on the server (SET is session-local).
 */
@ExtendWith(PostgresExtension.class)
class LiveConfigTest {

    static TargetSession open(PostgresFixture pg, String db) throws Exception {
        return new TargetConnector().open(ConnectionProfile.postgres("test", "127.0.0.1", pg.sandbox().port(), db,
                pg.user(), "disable"), null, SessionOptions.analysis());
    }

    @Test
    void pgSettingsWithContextsUnitsAndFileSettings(PostgresFixture pg) throws Exception {
        try (TargetSession s = open(pg, "postgres")) {
            SettingsSnapshot snap = new PgConfigReader(Clock.systemUTC()).read(s, "embedded");
            assertThat(snap.majorVersion()).isEqualTo(18);
            assertThat(snap.settings()).hasSizeGreaterThan(300);
            ServerSetting sb = snap.setting("shared_buffers").orElseThrow();
            assertThat(sb.unit()).isEqualTo("8kB");
            assertThat(sb.applyMode()).isEqualTo(ApplyMode.RESTART);
            assertThat(sb.baseValue().orElseThrow()).isEqualTo(Double.parseDouble(sb.setting()) * 8192);
            assertThat(snap.setting("work_mem").orElseThrow().applyMode()).isEqualTo(ApplyMode.RELOAD);
            assertThat(snap.setting("max_wal_size").orElseThrow().minVal()).isNotNull();
            assertThat(snap.setting("huge_pages").orElseThrow().enumVals()).contains("on", "off", "try");
            assertThat(snap.fileSettings()).as("superuser reads pg_file_settings").isNotEmpty();
        }
    }

    @Test
    void aSpillingSortShowsInTheEvidenceAndLeadsToWorkMemAdvice(PostgresFixture pg) throws Exception {
        try (TargetSession s = open(pg, "postgres")) {
            WorkloadEvidence before = new EvidenceCollector().collect(s);
            s.execute("SET work_mem = '64kB'", 1);
            s.execute("SELECT count(*) FROM (SELECT g FROM generate_series(1, 200000) g ORDER BY g DESC OFFSET 1) x", 1);
            s.execute("RESET work_mem", 1);
            s.execute("SELECT pg_stat_force_next_flush()", 1);
            WorkloadEvidence after = new EvidenceCollector().collect(s);
            assertThat(after.tempFiles()).isGreaterThan(before.tempFiles());
            assertThat(after.tempBytes()).isGreaterThan(before.tempBytes());
            assertThat(after.databaseBytes()).isPositive();
            assertThat(after.checkpointSeconds()).as("pg_stat_checkpointer on 18").isPositive();
            SettingsSnapshot snap = new PgConfigReader(Clock.systemUTC()).read(s, "embedded");
            Advice advice = new PostgresConfigAdvisor().advise(new AdviceRequest(snap, after,
                    new Hardware(16L << 30, 4, StorageType.SSD, "given"), OsType.LINUX, DbType.MIXED));
            assertThat(advice.recommendations()).anySatisfy(r -> {
                assertThat(r.parameter()).isEqualTo("work_mem");
                assertThat(r.evidence().getFirst()).contains("temporary files");
            });
        }
    }

    @Test
    void aTableReadWholeBySequentialScansTwiceIsTheScannedTable(PostgresFixture pg) throws Exception {
        String db = pg.createScratchDatabase("scanned");
        try (java.sql.Connection c = pg.connect(db); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE big AS SELECT g, md5(g::text) AS s FROM generate_series(1, 50000) g");
            st.execute("CREATE TABLE small AS SELECT g FROM generate_series(1, 100) g");
            st.execute("ANALYZE big, small");
        }
        try (TargetSession s = new TargetConnector().open(ConnectionProfile.postgres("test", "127.0.0.1",
                pg.sandbox().port(), db, pg.user(), "disable"), null, SessionOptions.analysis())) {
            s.execute("SELECT count(*) FROM big", 1);
            s.execute("SELECT pg_stat_force_next_flush()", 1);
            assertThat(new EvidenceCollector().collect(s).scannedTable()).as("read whole once only").isNull();
            s.execute("SELECT count(*) FROM big WHERE s LIKE 'a%'", 1);
            for (int i = 0; i < 5; i++) {
                s.execute("SELECT count(*) FROM small", 1);
            }
            s.execute("SELECT pg_stat_force_next_flush()", 1);
            WorkloadEvidence.ScannedTable t = new EvidenceCollector().collect(s).scannedTable();
            assertThat(t.table()).as("the largest of the tables read whole twice").isEqualTo("public.big");
            assertThat(t.seqScans()).isEqualTo(2);
            assertThat(t.rowsRead()).isEqualTo(100_000);
            assertThat(t.bytes()).isGreaterThan(3_000_000);
        }
    }
}
