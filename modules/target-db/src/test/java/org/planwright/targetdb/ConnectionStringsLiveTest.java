package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Each connection-string form opens a real session on the test run's PostgreSQL, and the keywords it carries
 * reach the server (application_name and options are read back with current_setting). The environment and the
 * service file are a map and a temporary folder, never the process's own.
 */
@ExtendWith(PostgresExtension.class)
class ConnectionStringsLiveTest {

    private final TargetConnector connector = new TargetConnector();

    /** Opens the connection as the profile a pasted string becomes, and reads a setting back. */
    private String setting(ConnInfo info, String setting) throws Exception {
        ConnectionProfile profile = ConnectionProfile.of("live", info);
        assertThat(profile.toString()).doesNotContain("s3cr3t");
        char[] password = info.password().orElse(null);
        try (TargetSession s = connector.open(profile, password, SessionOptions.analysis())) {
            QueryResult r = s.execute("SELECT current_setting('" + setting + "')", 1);
            return String.valueOf(r.rows().getFirst()[0]);
        }
    }

    @Test
    void libpqUri(PostgresFixture pg) throws Exception {
        ConnInfo uri = ConnInfo.parse("postgresql://" + pg.user() + "@127.0.0.1:" + pg.sandbox().port()
                + "/postgres?application_name=pw-uri&connect_timeout=5");
        assertThat(setting(uri, "application_name")).isEqualTo("pw-uri");
        ConnInfo postgresScheme = ConnInfo.parse("postgres://" + pg.user() + "@127.0.0.1:" + pg.sandbox().port()
                + "/postgres?options=-c%20search_path%3Dpw_uri");
        assertThat(setting(postgresScheme, "search_path")).isEqualTo("pw_uri");
    }

    @Test
    void keywordValueString(PostgresFixture pg) throws Exception {
        ConnInfo kv = ConnInfo.parse("host=127.0.0.1 port=" + pg.sandbox().port() + " dbname=postgres user="
                + pg.user() + " options='-c search_path=pw_kv' application_name = 'pw kv'");
        assertThat(setting(kv, "search_path")).isEqualTo("pw_kv");
        assertThat(setting(kv, "application_name")).isEqualTo("pw kv");
    }

    @Test
    void jdbcUrlsWithAndWithoutUserInfo(PostgresFixture pg) throws Exception {
        ConnInfo jdbc = ConnInfo.parse("jdbc:postgresql://127.0.0.1:" + pg.sandbox().port() + "/postgres?user="
                + pg.user() + "&ApplicationName=pw-jdbc");
        assertThat(setting(jdbc, "application_name")).isEqualTo("pw-jdbc");
        // the server trusts local connections: the password is sent to no one, but the user is taken from it
        ConnInfo userInfo = ConnInfo.parse("jdbc:postgresql://" + pg.user() + ":s3cr3t@127.0.0.1:"
                + pg.sandbox().port() + "/postgres");
        assertThat(setting(userInfo, "application_name")).isEqualTo("Planwright");
    }

    @Test
    void environmentVariablesAsPsqlUsesThem(PostgresFixture pg) throws Exception {
        PgEnvironment env = new PgEnvironment(Map.of("PGHOST", "127.0.0.1", "PGPORT",
                Integer.toString(pg.sandbox().port()), "PGUSER", pg.user(), "PGDATABASE", "postgres", "PGAPPNAME",
                "pw-env", "PGSSLMODE", "disable"), Path.of("/nonexistent"), Path.of("/nonexistent"), "nobody");
        assertThat(setting(ConnInfo.empty().resolve(env), "application_name")).isEqualTo("pw-env");
    }

    @Test
    void serviceFile(PostgresFixture pg, @TempDir Path home) throws Exception {
        Files.writeString(home.resolve(".pg_service.conf"), """
                [fixture]
                host=127.0.0.1
                port=%d
                user=%s
                dbname=postgres
                application_name=pw-service
                """.formatted(pg.sandbox().port(), pg.user()));
        PgEnvironment env = new PgEnvironment(Map.of("PGSERVICE", "fixture"), home, home.resolve("etc"), "nobody");
        assertThat(setting(ConnInfo.empty().resolve(env), "application_name")).isEqualTo("pw-service");
        assertThat(setting(ConnInfo.parse("service=fixture application_name=pw-explicit").resolve(
                new PgEnvironment(Map.of(), home, home, "nobody")), "application_name")).isEqualTo("pw-explicit");
    }

    @Test
    void savedProfileNamingAServiceReadsTheServiceFileButNoOtherVariable(PostgresFixture pg, @TempDir Path home)
            throws Exception {
        Files.writeString(home.resolve(".pg_service.conf"), """
                [fixture]
                host=127.0.0.1
                port=%d
                user=%s
                dbname=postgres
                """.formatted(pg.sandbox().port(), pg.user()));
        PgEnvironment env = new PgEnvironment(Map.of("PGAPPNAME", "not-for-profiles", "PGPORT", "1"), home,
                home.resolve("etc"), "nobody");
        ConnectionProfile saved = ConnectionProfile.of("service", ConnInfo.parse("service=fixture"));
        assertThat(saved.jdbcUrl()).isEqualTo("service=fixture");
        try (TargetSession s = new TargetConnector(env).open(saved, null, SessionOptions.analysis())) {
            QueryResult r = s.execute("SELECT current_setting('application_name'), current_user", 1);
            assertThat(r.rows().getFirst()).containsExactly("Planwright", pg.user());
        }
    }

    @Test
    void secondHostIsTriedWhenTheFirstRefuses(PostgresFixture pg) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ConnInfo twoHosts = ConnInfo.parse("postgresql://127.0.0.1:" + closed + ",127.0.0.1:" + pg.sandbox().port()
                + "/postgres?user=" + pg.user() + "&application_name=pw-second");
        assertThat(setting(twoHosts, "application_name")).isEqualTo("pw-second");
    }

    @Test
    void socketDirectoryHostReachesTheLocalServerOverTcp(PostgresFixture pg) throws Exception {
        ConnInfo socket = ConnInfo.parse("postgresql://%2Fvar%2Frun%2Fpostgresql:" + pg.sandbox().port()
                + "/postgres?user=" + pg.user() + "&hostaddr=127.0.0.1&application_name=pw-socket");
        assertThat(setting(socket, "application_name")).isEqualTo("pw-socket");
    }
}
