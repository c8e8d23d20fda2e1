package org.planwright.advice.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * SIGKILL of the client mid-trial: a child JVM ({@link TrialChild}) runs an index trial against the embedded
 * server; once the index exists inside its uncommitted transaction the test kills the JVM with SIGKILL
 * (Process.destroyForcibly on Linux, exit code 137), waits for PostgreSQL to end the orphaned backend, and checks the
 * catalog and the rows.
 */
@ExtendWith(PostgresExtension.class)
class KilledTrialTest {

    private static final String INDEX = "trial_killed_idx";

    @Test
    void aKilledClientLeavesNoIndexAndNoChangedRow(PostgresFixture pg) throws Exception {
        String db = TrialTables.database(pg);
        String before = TrialTables.state(pg, db, INDEX);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                TrialChild.class.getName(), String.valueOf(pg.sandbox().port()), db, INDEX))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("APPLIED"));
                assertThat(line).as("the child applied the index").isEqualTo("APPLIED");
            }
            // the child's open transaction holds the SHARE lock CREATE INDEX takes: the index exists, uncommitted
            assertThat(childHoldsShareLock(pg, db)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (childBackends(pg, db) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(childBackends(pg, db)).as("PostgreSQL ended the orphaned backend").isZero();
        assertThat(TrialTables.state(pg, db, INDEX)).isEqualTo(before).contains(":false:");
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_class WHERE relname = '" + INDEX + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("no trace of the index in pg_class").isZero();
        }
    }

    private static boolean childHoldsShareLock(PostgresFixture pg, String db) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a"
                     + " ON a.pid = l.pid WHERE a.application_name = 'pw-killed-trial'"
                     + " AND l.relation = 'trial_t'::regclass AND l.mode = 'ShareLock' AND l.granted")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static long childBackends(PostgresFixture pg, String db) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE application_name = 'pw-killed-trial'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
