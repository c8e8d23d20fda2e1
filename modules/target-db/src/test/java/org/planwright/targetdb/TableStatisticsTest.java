package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.plans.TableStatistics;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * {@link TargetSession#tableStatistics} on the real embedded PostgreSQL: a table never analyzed, one analyzed and
 * then modified. Autovacuum is off for both tables so that it cannot analyze them behind the test's back.
 */
@ExtendWith(PostgresExtension.class)
class TableStatisticsTest {

    private PostgresFixture pg;
    private String db;
    private TargetSession session;

    @BeforeEach
    void open(PostgresFixture pg) throws Exception {
        this.pg = pg;
        db = pg.createScratchDatabase("tablestats");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA shop");
            st.execute("CREATE TABLE shop.never_analyzed (id int) WITH (autovacuum_enabled = false)");
            st.execute("INSERT INTO shop.never_analyzed SELECT g FROM generate_series(1, 1000) g");
            st.execute("CREATE TABLE public.\"Order Items\" (id int, qty int) WITH (autovacuum_enabled = false)");
            st.execute("INSERT INTO \"Order Items\" SELECT g, g % 7 FROM generate_series(1, 2000) g");
            flushStatistics(st); // the inserts must be counted before ANALYZE resets the counter
            st.execute("ANALYZE \"Order Items\"");
            st.execute("UPDATE \"Order Items\" SET qty = qty + 1 WHERE id <= 300");
            flushStatistics(st);
        }
        session = new TargetConnector().open(Targets.profile(pg, db), null, SessionOptions.analysis());
    }

    /**
     * Statistics reach shared memory when a backend is idle (rate-limited) or exits (PostgreSQL 15+): ask for the
     * flush at the next idle moment, i.e. right after this statement.
     */
    private static void flushStatistics(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT pg_stat_force_next_flush()")) {
            rs.next();
        }
    }

    @AfterEach
    void close() throws Exception {
        session.close();
        pg.sandbox().dropDatabase(db);
    }

    /** Reads until the counters of the other session are visible (its flush is asynchronous), at most ~10 s. */
    private TableStatistics read(String name, long expectedModified) throws Exception {
        TableStatistics t = null;
        for (int i = 0; i < 100; i++) {
            Optional<TableStatistics> found = session.tableStatistics(List.of(name)).stream().findFirst();
            t = found.orElse(null);
            if (t != null && t.modifiedSinceAnalyze() == expectedModified) {
                return t;
            }
            Thread.sleep(100);
        }
        return t;
    }

    @Test
    void aTableNeverAnalyzedHasNoAnalyzeTime() throws Exception {
        TableStatistics t = read("shop.never_analyzed", 1000);
        assertThat(t).isNotNull();
        assertThat(t.schema()).isEqualTo("shop");
        assertThat(t.relation()).isEqualTo("never_analyzed");
        assertThat(t.lastAnalyze()).isNull();
        assertThat(t.lastAutoanalyze()).isNull();
        assertThat(t.lastAnalyzed()).isEmpty();
        assertThat(t.modifiedSinceAnalyze()).as("every insert counts until the first ANALYZE").isEqualTo(1000);
    }

    @Test
    void rowsModifiedAfterAnalyzeAreCounted() throws Exception {
        Instant before = Instant.now().minusSeconds(600);
        TableStatistics t = read("Order Items", 300);
        assertThat(t).isNotNull();
        assertThat(t.qualifiedName()).isEqualTo("public.Order Items");
        assertThat(t.lastAnalyze()).isAfter(before);
        assertThat(t.lastAnalyzed()).contains(t.lastAnalyze());
        assertThat(t.modifiedSinceAnalyze()).isEqualTo(300);
        assertThat(t.liveTuples()).isEqualTo(2000);
    }

    @Test
    void unknownAndDuplicateNamesAreHarmless() throws Exception {
        read("shop.never_analyzed", 1000);
        List<TableStatistics> all = session.tableStatistics(List.of("shop.never_analyzed", "shop.never_analyzed",
                "never_analyzed", "nosuch.table", "no_such_table", "pg_class", "public.Order Items"));
        // "never_analyzed" alone is not on the search_path (shop is not in it); pg_class is a system table
        assertThat(all).extracting(TableStatistics::qualifiedName)
                .containsExactlyInAnyOrder("shop.never_analyzed", "public.Order Items");
        assertThat(session.tableStatistics(List.of())).isEmpty();
    }
}
