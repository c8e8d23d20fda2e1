package org.planwright.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared server and the Pagila sample database, loaded from the corpus' pg_dump files. */
@ExtendWith(PostgresExtension.class)
class PostgresFixtureTest {

    @Test
    void oneServerPerJvm(PostgresFixture first, PostgresFixture second) {
        assertThat(first).isSameAs(second);
        assertThat(first.user()).isEqualTo("postgres");
        assertThat(first.url()).startsWith("jdbc:postgresql://127.0.0.1:");
    }

    @Test
    void pagilaHasTheDumpsRowCounts(PostgresFixture pg) throws SQLException {
        String url = pg.pagila();
        assertThat(url).endsWith("/pagila");
        try (Connection c = DriverManager.getConnection(url, pg.user(), "")) {
            // counts from the corpus MANIFEST (psql load on PostgreSQL 15) and the dump's sequence values
            assertThat(count(c, "film")).isEqualTo(1000);
            assertThat(count(c, "actor")).isEqualTo(200);
            assertThat(count(c, "customer")).isEqualTo(599);
            assertThat(count(c, "inventory")).isEqualTo(4581);
            assertThat(count(c, "rental")).isEqualTo(16044);
            assertThat(count(c, "payment")).isEqualTo(16049);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_inherits "
                         + "WHERE inhparent = 'public.payment'::regclass")) {
                rs.next();
                assertThat(rs.getInt(1)).as("payment partitions").isEqualTo(7);
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT last_value FROM public.rental_rental_id_seq")) {
                rs.next();
                assertThat(rs.getLong(1)).as("sequence set by the dump").isEqualTo(16049);
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'public.film'::regclass")) {
                rs.next();
                assertThat(rs.getDouble(1)).as("analyzed").isEqualTo(1000);
            }
        }
        assertThat(pg.pagila()).as("loaded once").isEqualTo(url);
    }

    @Test
    void scratchDatabasesAreFreshAndDistinct(PostgresFixture pg) throws SQLException {
        String a = pg.createScratchDatabase("scratch");
        String b = pg.createScratchDatabase("scratch");
        assertThat(a).isNotEqualTo(b);
        try (Connection c = pg.connect(a); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (x int)");
        }
        assertThat(pg.sandbox().dropDatabase(a)).isTrue();
        assertThat(pg.sandbox().dropDatabase(b)).isTrue();
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM public." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
