package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.sandbox.Sandbox;
import org.planwright.targetdb.TargetException.Reason;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** Connection failures against the real embedded PostgreSQL and a real closed port. */
@ExtendWith(PostgresExtension.class)
class ConnectErrorsTest {

    private final TargetConnector connector = new TargetConnector();
    private final SessionOptions options = SessionOptions.analysis().withConnectTimeout(Duration.ofSeconds(5));

    @Test
    void opensTheSandboxAndReportsItsVersion(PostgresFixture pg) throws Exception {
        try (TargetSession s = connector.open(Targets.profile(pg, "postgres"), null, options)) {
            assertThat(s.serverInfo().product()).isEqualTo("PostgreSQL");
            assertThat(s.serverInfo().majorVersion()).isGreaterThanOrEqualTo(12);
            assertThat(s.serverInfo().database()).isEqualTo("postgres");
        }
    }

    @Test
    void closedPortIsConnectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var profile = ConnectionProfile.postgres("closed", "127.0.0.1", closedPort, "postgres", "postgres", null);
        assertThatThrownBy(() -> connector.open(profile, null, options))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONNECTION_REFUSED);
                    assertThat(e.userMessage()).contains("127.0.0.1:" + closedPort).contains("listen_addresses");
                });
    }

    @Test
    void serverThatNeverAnswersIsTimeoutAfterTheConnectTimeout() throws IOException {
        // a listening socket nobody accepts from: TCP connects (kernel backlog), the login never gets an answer
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var profile = ConnectionProfile.postgres("silent", "127.0.0.1", silent.getLocalPort(), "postgres",
                    "postgres", null);
            var oneSecond = options.withConnectTimeout(Duration.ofSeconds(1));
            assertThatThrownBy(() -> connector.open(profile, null, oneSecond))
                    .isInstanceOfSatisfying(TargetException.class, e -> {
                        assertThat(e.reason()).as(e.getMessage() + " / " + e.getCause()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.userMessage()).contains("within 1 s").contains("connect timeout");
                    });
        }
    }

    @Test
    void unresolvableHostIsHostUnreachable() {
        // RFC 2606 reserves .invalid: it never resolves
        var profile = ConnectionProfile.postgres("nowhere", "planwright-test.invalid", 5432, "postgres", "u", null);
        assertThatThrownBy(() -> connector.open(profile, null, options))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.HOST_UNREACHABLE);
                    assertThat(e.userMessage()).contains("planwright-test.invalid");
                });
    }

    @Test
    void missingDatabaseIsDatabaseNotFoundWithSqlstate3D000(PostgresFixture pg) {
        assertThatThrownBy(() -> connector.open(Targets.profile(pg, "no_such_db"), null, options))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DATABASE_NOT_FOUND);
                    assertThat(e.sqlState()).isEqualTo("3D000");
                    assertThat(e.userMessage()).contains("no_such_db").doesNotContain("\n");
                });
    }

    @Test
    void sslRequireAgainstTheNonSslServerIsSslRequired(PostgresFixture pg) {
        var profile = Targets.profile(pg.sandbox(), "postgres", Sandbox.SUPERUSER, "require");
        assertThatThrownBy(() -> connector.open(profile, null, options))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SSL_REQUIRED);
                    assertThat(e.userMessage()).contains("SSL mode");
                });
    }

    @Test
    void unknownRoleIsAuthenticationFailed(PostgresFixture pg) {
        var profile = Targets.profile(pg.sandbox(), "postgres", "nobody_here", null);
        assertThatThrownBy(() -> connector.open(profile, null, options))
                .isInstanceOfSatisfying(TargetException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
                    assertThat(e.sqlState()).isEqualTo("28000");
                    assertThat(e.userMessage()).contains("nobody_here");
                });
    }
}
