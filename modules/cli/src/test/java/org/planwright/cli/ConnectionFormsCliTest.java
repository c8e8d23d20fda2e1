package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * {@code planwright explain} connects with every form psql users paste, and without --url from the PG* variables
 * and the service file of a test-controlled environment (a map, not the process's own).
 */
@ExtendWith(PostgresExtension.class)
class ConnectionFormsCliTest {

    private static CliRun explain(Map<String, String> env, Path sql, String... connection) {
        Map<String, String> all = new HashMap<>(CliRun.NO_PASSWORD_ENV);
        all.putAll(env);
        String[] args = new String[connection.length + 4];
        args[0] = "explain";
        System.arraycopy(connection, 0, args, 1, connection.length);
        args[connection.length + 1] = "--format";
        args[connection.length + 2] = "json";
        args[connection.length + 3] = sql.toString();
        return CliRun.run(new CliEnvironment(all, PasswordPrompt.none()), args);
    }

    private static JsonNode connection(CliRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).get("connection");
    }

    @Test
    void uriKeywordValueAndJdbcWithUserInfo(PostgresFixture pg, @TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("q.sql"), "select 1;");
        int port = pg.sandbox().port();

        JsonNode uri = connection(explain(Map.of(), sql, "--url",
                "postgresql://" + pg.user() + "@127.0.0.1:" + port + "/postgres?sslmode=disable"));
        assertThat(uri.get("url").asText()).isEqualTo("postgresql://" + pg.user() + "@127.0.0.1:" + port
                + "/postgres?sslmode=disable");
        assertThat(uri.get("user").asText()).isEqualTo(pg.user());

        JsonNode kv = connection(explain(Map.of(), sql, "--url",
                "host=127.0.0.1 port=" + port + " dbname=postgres", "-U", pg.user()));
        assertThat(kv.get("url").asText()).isEqualTo("host=127.0.0.1 port=" + port + " dbname=postgres");

        CliRun jdbc = explain(Map.of(), sql, "--url",
                "jdbc:postgresql://" + pg.user() + ":s3cr3t@127.0.0.1:" + port + "/postgres");
        assertThat(connection(jdbc).get("url").asText()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port
                + "/postgres?user=" + pg.user());
        assertThat(jdbc.out() + jdbc.err()).doesNotContain("s3cr3t");
    }

    @Test
    void withoutUrlThePgVariablesAndTheServiceFileAreUsed(PostgresFixture pg, @TempDir Path home)
            throws IOException {
        Path sql = Files.writeString(home.resolve("q.sql"), "select 1;");
        int port = pg.sandbox().port();
        JsonNode fromVariables = connection(explain(Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(port),
                "PGUSER", pg.user(), "PGDATABASE", "postgres", "HOME", home.toString()), sql));
        assertThat(fromVariables.get("url").asText()).contains("host=127.0.0.1", "port=" + port, "dbname=postgres");

        Files.writeString(home.resolve(".pg_service.conf"), "[fixture]\nhost=127.0.0.1\nport=" + port
                + "\ndbname=postgres\nuser=" + pg.user() + "\n");
        JsonNode fromService = connection(explain(Map.of("PGSERVICE", "fixture", "PGPORT", "1",
                "HOME", home.toString()), sql));
        assertThat(fromService.get("url").asText()).contains("port=" + port); // the service beats PGPORT
    }

    @Test
    void connectionFailureNamesTheServerButNotThePassword(PostgresFixture pg, @TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("q.sql"), "select 1;");
        CliRun r = explain(Map.of(), sql, "--url", "postgres://" + pg.user() + ":s3cr3t@127.0.0.1:"
                + pg.sandbox().port() + "/no_such_db");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.err()).contains("cannot connect to postgresql://" + pg.user() + "@127.0.0.1:"
                + pg.sandbox().port() + "/no_such_db", "no_such_db does not exist").doesNotContain("s3cr3t");
    }
}
