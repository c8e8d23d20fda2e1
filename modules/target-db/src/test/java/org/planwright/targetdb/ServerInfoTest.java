package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** Server facts, checked against what the server itself says. */
@ExtendWith(PostgresExtension.class)
class ServerInfoTest {

    private final TargetConnector connector = new TargetConnector();

    @Test
    void versionNumberIsServerVersionNum(PostgresFixture pg) throws Exception {
        int expected;
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            expected = Integer.parseInt(rs.getString(1));
        }
        try (TargetSession s = connector.open(Targets.profile(pg, "postgres"), null, SessionOptions.analysis())) {
            assertThat(s.serverInfo().versionNum()).isEqualTo(expected);
            assertThat(s.serverInfo().majorVersion()).isEqualTo(expected / 10000);
            assertThat(s.serverInfo().version()).startsWith(Integer.toString(expected / 10000));
            assertThat(s.serverInfo().inRecovery()).isFalse();
        }
    }

    @Test
    void pgStatStatementsInstalledOnlyWhereTheExtensionWasCreated(PostgresFixture pg) throws Exception {
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS target_no_pgss");
            st.execute("CREATE DATABASE target_no_pgss");
        }
        try (TargetSession with = connector.open(Targets.profile(pg, "postgres"), null, SessionOptions.analysis());
             TargetSession without = connector.open(Targets.profile(pg, "target_no_pgss"), null,
                     SessionOptions.analysis())) {
            assertThat(with.serverInfo().pgStatStatementsInstalled()).isTrue();
            assertThat(without.serverInfo().pgStatStatementsInstalled()).isFalse();
            // the sandbox preloads the library for the whole server
            assertThat(with.serverInfo().pgStatStatementsLoaded()).isTrue();
            assertThat(without.serverInfo().pgStatStatementsLoaded()).isTrue();
        }
    }
}
