package org.planwright.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** psql-script subset: COPY blocks, meta-commands, variables, positioned errors. */
@ExtendWith(PostgresExtension.class)
class SqlScriptsTest {

    @Test
    void substitutesKnownVariablesOnly() {
        Map<String, String> vars = Map.of("sf", "0.5", "name", "O'Brien");
        assertThat(SqlScripts.substitute("SELECT (10000 * :sf)::int", vars)).isEqualTo("SELECT (10000 * 0.5)::int");
        assertThat(SqlScripts.substitute("SELECT :'name', :other, '10:30'", vars))
                .isEqualTo("SELECT 'O''Brien', :other, '10:30'");
    }

    @Test
    void runsCopyBlocksAndSkipsMetaCommands(PostgresFixture pg) throws SQLException {
        String db = pg.createScratchDatabase("scripts");
        try (Connection c = pg.connect(db)) {
            SqlScripts.run(c, "t.sql", List.of(
                    "\\set ON_ERROR_STOP on",
                    "CREATE TABLE t (id int, label text);",
                    "COPY public.t (id, label) FROM stdin;",
                    "1\tone",
                    "2\t\\N",
                    "\\.",
                    "\\timing on",
                    "INSERT INTO t SELECT g, 'x' FROM generate_series(3, :n) g;"), Map.of("n", "5"));
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), count(label), max(id) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
                assertThat(rs.getInt(2)).as("\\N is NULL").isEqualTo(4);
                assertThat(rs.getInt(3)).isEqualTo(5);
            }
        } finally {
            pg.sandbox().dropDatabase(db);
        }
    }

    @Test
    void failuresNameTheScriptAndLine(PostgresFixture pg) throws SQLException {
        String db = pg.createScratchDatabase("scripts");
        try (Connection c = pg.connect(db)) {
            assertThatThrownBy(() -> SqlScripts.run(c, "broken.sql", List.of(
                    "CREATE TABLE t (id int);",
                    "",
                    "COPY t (id) FROM stdin;",
                    "not a number",
                    "\\."), Map.of()))
                    .isInstanceOf(SQLException.class).hasMessageStartingWith("broken.sql:3: ");
            assertThatThrownBy(() -> SqlScripts.run(c, "typo.sql", List.of("-- c", "", "SELEC 1;"), Map.of()))
                    .isInstanceOf(SQLException.class).hasMessageStartingWith("typo.sql: the SQL starting at line 1");
            assertThatThrownBy(() -> SqlScripts.run(c, "open.sql", List.of("COPY t (id) FROM stdin;", "1"), Map.of()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("no end marker");
        } finally {
            pg.sandbox().dropDatabase(db);
        }
    }
}
