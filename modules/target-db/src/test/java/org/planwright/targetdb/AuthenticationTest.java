package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planwright.sandbox.Sandbox;
import org.planwright.targetdb.TargetException.Reason;

/**
 * Password authentication for real: a throw-away server of its own whose pg_hba.conf asks one role for a
 * SCRAM password, lets the superuser in by trust, and has no entry for another role (as a server allowing only
 * SSL connections for it would look to a non-SSL client).
 */
class AuthenticationTest {

    private static Sandbox server;
    private final TargetConnector connector = new TargetConnector();
    private final SessionOptions options = SessionOptions.analysis().withConnectTimeout(Duration.ofSeconds(5));

    @BeforeAll
    static void startServerWithPasswordAuth() throws Exception {
        server = Sandbox.start(Sandbox.Options.temporary());
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("CREATE ROLE pw_user LOGIN PASSWORD 'Right-Pass:1'");
            st.execute("CREATE ROLE ssl_only_user LOGIN PASSWORD 'x'");
            Path hba = Path.of(show(st, "hba_file"));
            Files.writeString(hba, """
                    local all all                  trust
                    host  all postgres 127.0.0.1/32 trust
                    host  all pw_user  127.0.0.1/32 scram-sha-256
                    """);
            st.execute("SELECT pg_reload_conf()");
        }
        waitForHbaReload();
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** pg_reload_conf() only signals the postmaster: wait until a new connection sees the new rules. */
    private static void waitForHbaReload() throws InterruptedException {
        var profile = Targets.profile(server, "postgres", "ssl_only_user", "disable");
        for (int i = 0; i < 100; i++) {
            try {
                new TargetConnector().open(profile, null, SessionOptions.analysis()).close();
            } catch (TargetException e) {
                if ("28000".equals(e.sqlState())) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("pg_hba.conf was not reloaded");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void rightPasswordOpensTheSession() throws Exception {
        var profile = Targets.profile(server, "postgres", "pw_user", null);
        try (TargetSession s = connector.open(profile, "Right-Pass:1".toCharArray(), options)) {
            assertThat(s.serverInfo().user()).isEqualTo("pw_user");
        }
    }

    @Test
    void passwordInAUriOpensTheSessionAndIsNotKeptInTheProfile() throws Exception {
        ConnInfo uri = ConnInfo.parse("postgresql://pw_user:Right-Pass%3A1@127.0.0.1:" + server.port() + "/postgres");
        ConnectionProfile profile = ConnectionProfile.of("uri", uri);
        assertThat(profile.toString()).doesNotContain("Right-Pass");
        try (TargetSession s = connector.open(profile, uri.password().orElseThrow(), options)) {
            assertThat(s.serverInfo().user()).isEqualTo("pw_user");
        }
    }

    @Test
    void wrongPasswordInAJdbcUrlFailsWithoutRepeatingIt() {
        ConnInfo jdbc = ConnInfo.parse("jdbc:postgresql://pw_user:Wrong-s3cr3t@127.0.0.1:" + server.port()
                + "/postgres");
        ConnectionProfile profile = ConnectionProfile.of("jdbc", jdbc);
        assertThatThrownBy(() -> connector.open(profile, jdbc.password().orElseThrow(), options))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
                    assertThat(e.userMessage()).contains("pw_user").doesNotContain("s3cr3t");
                    assertThat(e.getMessage()).doesNotContain("s3cr3t");
                });
    }

    @Test
    void wrongPasswordIsAuthenticationFailedNamingPgpass() {
        var profile = Targets.profile(server, "postgres", "pw_user", null);
        assertThatThrownBy(() -> connector.open(profile, "wrong".toCharArray(), options))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
                    assertThat(e.sqlState()).isEqualTo("28P01");
                    assertThat(e.userMessage()).isEqualTo(
                            "Password authentication failed for user pw_user — check ~/.pgpass or the password");
                });
    }

    @Test
    void missingPasswordIsAuthenticationFailedAskingForOne(@org.junit.jupiter.api.io.TempDir Path empty) {
        String previous = System.getProperty("org.postgresql.pgpassfile");
        // keep PgJDBC from reading a real ~/.pgpass on this machine
        System.setProperty("org.postgresql.pgpassfile", empty.resolve("none").toString());
        try {
            var profile = Targets.profile(server, "postgres", "pw_user", null);
            assertThatThrownBy(() -> connector.open(profile, new char[0], options))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
                        assertThat(e.userMessage()).contains("none was given").contains("~/.pgpass");
                    });
        } finally {
            if (previous == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", previous);
            }
        }
    }

    @Test
    void noHbaEntryWithoutSslSuggestsSslModeRequire() {
        var profile = Targets.profile(server, "postgres", "ssl_only_user", "disable");
        assertThatThrownBy(() -> connector.open(profile, "x".toCharArray(), options))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SSL_REQUIRED);
                    assertThat(e.sqlState()).isEqualTo("28000");
                    assertThat(e.userMessage()).contains("pg_hba.conf").contains("set SSL mode to require");
                });
    }

    @Test
    void passwordFromAPgpassFileOpensTheSession(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        Path pgpass = Files.writeString(home.resolve(".pgpass"),
                "127.0.0.1:" + server.port() + ":postgres:pw_user:Right-Pass\\:1\n");
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        var profile = Targets.profile(server, "postgres", "pw_user", null);
        var found = new PasswordSource(java.util.Map.of("HOME", home.toString())).find(profile).orElseThrow();
        try (TargetSession s = connector.open(profile, found.password(), options)) {
            assertThat(s.serverInfo().user()).isEqualTo("pw_user");
        } finally {
            found.wipe();
        }
    }
}
