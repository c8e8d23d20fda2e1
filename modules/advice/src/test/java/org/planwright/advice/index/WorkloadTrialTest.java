package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Sessions;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * {@link WorkloadTrial} on the embedded PostgreSQL 18 (the rolled-back path): a synthetic table where an index the
 * planner likes makes one statement slower. Rows with {@code a = 1} are 1 % of the table, but all of them have the
 * largest {@code b} values and the rows lie in random physical order, so for {@code WHERE a = 1 ORDER BY b LIMIT 10}
 * the planner — assuming {@code a = 1} rows are spread evenly over {@code b} — walks the index on {@code b} expecting
 * ten matches within the first 1,000 entries, and instead reads almost the whole table in random order; a
 * sequential scan with a top-N sort is much faster. The same index makes a range query on {@code b} fast. The trial
 * must measure both, reject the index for the slowed statement — even when the helped statement weighs so much that
 * the index saves time in total (ADR 0024: no statement may be slower beyond noise) — and leave nothing behind; a set
 * that slows no statement is kept whole.
 */
@ExtendWith(PostgresExtension.class)
class WorkloadTrialTest {

    static final String SLOWED = "SELECT id, b FROM wt_t WHERE a = 1 ORDER BY b LIMIT 10";
    static final String HELPED = "SELECT count(*), sum(a) FROM wt_t WHERE b BETWEEN 1000 AND 1040";
    private static final int ROWS = 200_000;

    static String database(PostgresFixture pg) throws SQLException {
        String db = pg.createScratchDatabase("workload_trial");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            st.execute("CREATE TABLE wt_t (id int PRIMARY KEY, a int NOT NULL, b int NOT NULL, c int NOT NULL, "
                    + "pad text)");
            // b = 1..ROWS in random physical order; a = 1 only for the largest 1 % of b, otherwise 2..100; c = b
            st.execute("INSERT INTO wt_t SELECT row_number() OVER (), CASE WHEN g > " + (ROWS - ROWS / 100)
                    + " THEN 1 ELSE 2 + g % 99 END, g, g, md5(g::text) FROM generate_series(1, " + ROWS
                    + ") g ORDER BY random()");
            st.execute("VACUUM ANALYZE wt_t");
        }
        return db;
    }

    @Test
    void anIndexThePlannerLikesThatSlowsAStatementIsRejectedAndNothingStays(PostgresFixture pg) throws Exception {
        String db = database(pg);
        TableRef table = new TableRef("public", "wt_t", "public.wt_t");
        IndexCandidate onB = new IndexCandidate(table, List.of("b"), List.of(), "");
        // the helped statement runs 1,000 times as often: in total the index saves time (ADR 0019 kept it)
        List<WorkloadStatement> workload = List.of(WorkloadStatement.of("slowed", SLOWED),
                new WorkloadStatement("helped", HELPED, 1000));
        long indexesBefore = indexCount(pg, db);
        WorkloadTrialResult r;
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(30))) {
            r = new WorkloadTrial().run(s, workload, List.of(onB), WorkloadTrial.Options.defaults(),
                    ProgressListener.NONE, Cancellation.create());
            assertThat(s.execute("SELECT 1", 1).rows()).as("usable afterwards, outside a transaction").hasSize(1);
        }
        TrialIndexOutcome outcome = r.indexes().getFirst();
        assertThat(outcome.rejected()).as(r.toString()).isNotNull().contains("slowed").contains("slower");
        assertThat(outcome.warning()).isNull();
        assertThat(r.statements()).as("no statement slower beyond noise with the kept set")
                .noneMatch(TrialStatementTime::slowedBySet);
        assertThat(outcome.hurt()).containsExactly("slowed");
        assertThat(r.kept()).isEmpty();
        // the planner did like it: both statements' plans used it, and together they took longer with it
        assertThat(outcome.afterMs()).isGreaterThan(outcome.beforeMs());
        assertThat(outcome.rejected()).containsPattern("\\d+\\.\\dx slower");
        TrialStatementTime slowed = r.statements().getFirst();
        assertThat(slowed.error()).isNull();
        assertThat(slowed.indexesUsed()).as("after the rejection the statement no longer uses it").isEmpty();
        // (its plan without the index is its "before" plan: a difference left is run-to-run noise, not judged)
        assertThat(r.beforeTotalMs()).isPositive();
        assertThat(indexCount(pg, db)).as("the rollback removed the index").isEqualTo(indexesBefore);
    }

    @Test
    void aSetThatSlowsNoStatementIsKeptWhole(PostgresFixture pg) throws Exception {
        String db = database(pg);
        TableRef table = new TableRef("public", "wt_t", "public.wt_t");
        IndexCandidate onB = new IndexCandidate(table, List.of("b"), List.of(), "");
        IndexCandidate onAb = new IndexCandidate(table, List.of("a", "b"), List.of(), "");
        // with (a, b) the ORDER BY ... LIMIT statement reads its ten rows straight from the index
        List<WorkloadStatement> workload = List.of(WorkloadStatement.of("slowed without (a, b)", SLOWED),
                WorkloadStatement.of("helped", HELPED));
        WorkloadTrialResult r;
        try (TargetSession s = Sessions.readWrite(pg, db, Duration.ofSeconds(30))) {
            r = new WorkloadTrial().run(s, workload, List.of(onB, onAb), WorkloadTrial.Options.defaults(),
                    ProgressListener.NONE, Cancellation.create());
        }
        assertThat(r.kept()).as(r.toString()).containsExactly(onB, onAb);
        assertThat(r.indexes()).allSatisfy(o -> {
            assertThat(o.rejected()).isNull();
            assertThat(o.hurt()).isEmpty();
        });
        assertThat(r.statements()).noneMatch(TrialStatementTime::slowedBySet)
                .allMatch(TrialStatementTime::faster);
        assertThat(r.statements().getFirst().indexesUsed()).containsExactly(onAb.name());
    }

    @Test
    void withoutConsentOffTheSandboxNothingRuns(PostgresFixture pg) throws Exception {
        String db = pg.createScratchDatabase("workload_trial_consent");
        var profile = Sessions.profile(pg, db);
        var notSandbox = new org.planwright.targetdb.ConnectionProfile(profile.id(), profile.name(),
                org.planwright.targetdb.ConnectionProfile.Kind.POSTGRESQL, profile.host(), profile.port(),
                profile.database(), profile.user(), null, null);
        try (TargetSession s = new org.planwright.targetdb.TargetConnector().open(notSandbox, null,
                org.planwright.targetdb.SessionOptions.readWrite())) {
            assertThatThrownBy(() -> new WorkloadTrial().run(s, List.of(WorkloadStatement.of("q", "SELECT 1")),
                    List.of(), WorkloadTrial.Options.defaults(), ProgressListener.NONE, Cancellation.create()))
                    .isInstanceOf(TargetException.class).hasMessageContaining("consent");
        }
    }

    private static long indexCount(PostgresFixture pg, String db) throws SQLException {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
