package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.targetdb.ConnInfo.Endpoint;

/**
 * libpq's precedence (libpq "Environment Variables", "The Connection Service File"; {@code conninfo_add_defaults}
 * and {@code parseServiceInfo} in fe-connect.c): the string, then the service, then PG* variables, then the
 * defaults. The environment is a map and the files live in a temporary folder: the process environment is never
 * touched.
 */
class PgEnvironmentTest {

    @TempDir
    Path dir;
    private Path home;
    private Path sysconf;

    @BeforeEach
    void folders() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        sysconf = Files.createDirectories(dir.resolve("etc"));
    }

    private PgEnvironment env(Map<String, String> vars) {
        return new PgEnvironment(vars, home, sysconf, "osuser");
    }

    @Test
    void nothingGivenMeansLibpqDefaults() {
        ConnInfo c = ConnInfo.empty().resolve(env(Map.of()));
        assertThat(c.user()).isEqualTo("osuser");
        assertThat(c.dbname()).isEqualTo("osuser");
        assertThat(c.primary()).isEqualTo(new Endpoint("", "", 5432));
        assertThat(c.primary().connectHost()).isEqualTo("localhost");
        assertThat(c.sslmode()).isEqualTo("prefer");
    }

    @Test
    void psqlVariablesFillWhatTheStringLeavesOut() {
        Map<String, String> vars = Map.of("PGHOST", "db.example.com", "PGPORT", "6432", "PGDATABASE", "shop",
                "PGUSER", "dba", "PGSSLMODE", "require", "PGAPPNAME", "nightly", "PGCONNECT_TIMEOUT", "4");
        ConnInfo fromEnv = ConnInfo.empty().resolve(env(vars));
        assertThat(fromEnv.primary()).isEqualTo(new Endpoint("db.example.com", "", 6432));
        assertThat(fromEnv.dbname()).isEqualTo("shop");
        assertThat(fromEnv.user()).isEqualTo("dba");
        assertThat(fromEnv.sslmode()).isEqualTo("require");
        assertThat(fromEnv.toJdbc().properties()).containsEntry("ApplicationName", "nightly")
                .containsEntry("connectTimeout", "4");

        ConnInfo explicit = ConnInfo.parse("postgresql://other@h2/otherdb?sslmode=disable").resolve(env(vars));
        assertThat(explicit.primary()).isEqualTo(new Endpoint("h2", "", 6432));
        assertThat(explicit.user()).isEqualTo("other");
        assertThat(explicit.dbname()).isEqualTo("otherdb");
        assertThat(explicit.sslmode()).isEqualTo("disable");
    }

    @Test
    void databaseDefaultsToTheUserFromPguser() {
        ConnInfo c = ConnInfo.parse("host=h").resolve(env(Map.of("PGUSER", "carol")));
        assertThat(c.dbname()).isEqualTo("carol");
    }

    @Test
    void serviceFromPgserviceInTheHomeServiceFile() throws IOException {
        // the documentation's example service file
        Files.writeString(home.resolve(".pg_service.conf"), """
                # comment
                [mydb]
                host=somehost
                port=5433
                user=admin
                """);
        ConnInfo c = ConnInfo.empty().resolve(env(Map.of("PGSERVICE", "mydb", "PGUSER", "envuser",
                "PGDATABASE", "envdb")));
        assertThat(c.primary()).isEqualTo(new Endpoint("somehost", "", 5433));
        assertThat(c.user()).isEqualTo("admin"); // the service beats PGUSER
        assertThat(c.dbname()).isEqualTo("envdb"); // what the service leaves out comes from the environment
    }

    @Test
    void serviceKeywordAndExplicitKeywordsWin() throws IOException {
        Files.writeString(home.resolve(".pg_service.conf"), """
                [other]
                host=wrong
                [mydb]
                  host=somehost  \s
                port=5433
                port=9999
                dbname=svcdb
                [later]
                host=wrong-too
                """);
        ConnInfo c = ConnInfo.parse("service=mydb dbname=mine").resolve(env(Map.of("PGSERVICE", "other")));
        assertThat(c.primary()).isEqualTo(new Endpoint("somehost", "", 5433)); // first value in the group wins
        assertThat(c.dbname()).isEqualTo("mine");
        assertThat(ConnInfo.parse("postgresql:///?service=mydb").resolve(env(Map.of())).dbname()).isEqualTo("svcdb");
    }

    @Test
    void pgservicefileAndSystemServiceFile() throws IOException {
        Path named = Files.writeString(dir.resolve("services.conf"), "[a]\nhost=from-named\n");
        Files.writeString(sysconf.resolve("pg_service.conf"), "[b]\nhost=from-system\n");
        Files.writeString(home.resolve(".pg_service.conf"), "[c]\nhost=from-home\n");
        assertThat(ConnInfo.parse("service=a").resolve(env(Map.of("PGSERVICEFILE", named.toString())))
                .primary().host()).isEqualTo("from-named");
        assertThat(ConnInfo.parse("service=b").resolve(env(Map.of("PGSERVICEFILE", named.toString())))
                .primary().host()).isEqualTo("from-system");
        assertThat(ConnInfo.parse("service=c").resolve(env(Map.of())).primary().host()).isEqualTo("from-home");
        assertThat(ConnInfo.parse("service=b servicefile=" + named).resolve(env(Map.of()))
                .primary().host()).isEqualTo("from-system");
        PgEnvironment viaVariable = PgEnvironment.of(Map.of("HOME", home.toString(),
                "PGSYSCONFDIR", sysconf.toString(), "PGSERVICE", "b"));
        assertThat(viaVariable.sysconfDir()).isEqualTo(sysconf);
        assertThat(ConnInfo.empty().resolve(viaVariable).primary().host()).isEqualTo("from-system");
    }

    @Test
    void serviceErrorsNameTheFileAndLineNeverItsText() throws IOException {
        assertThatThrownBy(() -> ConnInfo.parse("service=nope").resolve(env(Map.of())))
                .isInstanceOf(ConnInfoException.class).hasMessageContaining("Service \"nope\" is not defined");
        assertThatThrownBy(() -> ConnInfo.empty().resolve(env(Map.of("PGSERVICE", "x",
                "PGSERVICEFILE", dir.resolve("missing.conf").toString()))))
                .hasMessageContaining("missing.conf not found").hasMessageContaining("PGSERVICEFILE");
        Files.writeString(home.resolve(".pg_service.conf"), "[x]\nhost=h\npassword s3cr3t\n");
        assertThatThrownBy(() -> ConnInfo.parse("service=x").resolve(env(Map.of())))
                .hasMessageContaining("line 3").hasMessageNotContaining("s3cr3t");
        Files.writeString(home.resolve(".pg_service.conf"), "[x]\nservice=y\n");
        assertThatThrownBy(() -> ConnInfo.parse("service=x").resolve(env(Map.of())))
                .hasMessageContaining("line 2");
    }

    @Test
    void servicePasswordIsUsedForTheSessionOnly() throws IOException {
        Files.writeString(home.resolve(".pg_service.conf"), "[x]\nhost=h\npassword=s3cr3t\n");
        ConnInfo c = ConnInfo.parse("service=x").resolve(env(Map.of()));
        assertThat(new String(c.password().orElseThrow())).isEqualTo("s3cr3t");
        assertThat(c.toString()).doesNotContain("s3cr3t");
        assertThat(ConnectionProfile.of("p", c).toString()).doesNotContain("s3cr3t");
    }

    @Test
    void pgpasswordIsLeftToThePasswordSource() {
        Map<String, String> vars = new HashMap<>();
        vars.put("PGPASSWORD", "s3cr3t");
        assertThat(ConnInfo.empty().resolve(env(vars)).hasPassword()).isFalse();
    }

    @Test
    void badPortFromTheEnvironmentIsNamedWithoutItsValue() {
        ConnInfo c = ConnInfo.empty().resolve(env(Map.of("PGPORT", "fivefourthree")));
        assertThatThrownBy(c::endpoints).isInstanceOf(ConnInfoException.class).hasMessageContaining("port")
                .hasMessageNotContaining("fivefourthree");
    }
}
