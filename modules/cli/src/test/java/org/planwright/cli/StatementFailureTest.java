package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/** Failing and skipped statements on the real embedded server: exit 1, positioned errors, the rest still runs. */
@ExtendWith(PostgresExtension.class)
class StatementFailureTest {

    private static final String SCRIPT = """
            select 1;
            -- a typing error on the second line of statement 2
            select relname
              form pg_class;
            set work_mem = '64MB';
            select count(*) from no_such_table;
            select 2 as still_runs;
            """;

    @Test
    void aSyntaxErrorFailsItsStatementWithItsPositionInTheFileAndTheOthersStillRun(PostgresFixture pg,
                                                                                    @TempDir Path dir)
            throws IOException {
        Path sql = Files.writeString(dir.resolve("broken.sql"), SCRIPT);

        CliRun r = CliRun.run("explain", "--url", pg.url(), "-U", pg.user(), sql.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.STATEMENT_FAILED);
        assertThat(r.out())
                .contains(sql + " #1 (line 1) ok: select 1")
                .contains(sql + " #2 (line 3) failed: select relname")
                .contains("error 42601 at line 4, column 8: syntax error at or near \"pg_class\"\n")
                .contains(sql + " #3 (line 5) skipped: set work_mem = '64MB'")
                .contains("SET is a utility command, which PostgreSQL cannot EXPLAIN; it was not run")
                .contains(sql + " #4 (line 6) failed: select count(*) from no_such_table")
                .contains("error 42P01 at line 6, column 22: relation \"no_such_table\" does not exist\n")
                .contains(sql + " #5 (line 7) ok: select 2 as still_runs")
                .contains("5 statements: 2 ok, 2 failed, 1 skipped");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonCarriesTheErrorWithSqlStateAndFilePosition(PostgresFixture pg, @TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("broken.sql"), SCRIPT);

        CliRun r = CliRun.run("explain", "--url", pg.url(), "-U", pg.user(), "--format", "json", sql.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode statements = new ObjectMapper().readTree(r.out()).get("statements");
        assertThat(statements).hasSize(5);
        JsonNode syntax = statements.get(1);
        assertThat(syntax.get("status").asText()).isEqualTo("failed");
        assertThat(syntax.get("plan").isNull()).isTrue();
        assertThat(syntax.get("error").get("sqlState").asText()).isEqualTo("42601");
        assertThat(syntax.get("error").get("line").asInt()).isEqualTo(4);
        assertThat(syntax.get("error").get("column").asInt()).isEqualTo(8);
        JsonNode skipped = statements.get(2);
        assertThat(skipped.get("status").asText()).isEqualTo("skipped");
        assertThat(skipped.get("kind").asText()).isEqualTo("utility");
        assertThat(statements.get(4).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void anUnknownDatabaseIsAConnectionFailure(PostgresFixture pg, @TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "select 1");
        String url = pg.url().replace("/postgres", "/no_such_database");

        CliRun r = CliRun.run("explain", "--url", url, "-U", pg.user(), sql.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("planwright: cannot connect to " + url + ": ").contains("no_such_database")
                .doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aStatementTimeoutFailsOnlyThatStatement(PostgresFixture pg, @TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("slow.sql"),
                "select pg_sleep(5);\nselect 1;\n");

        CliRun r = CliRun.run("explain", "--url", pg.url(), "-U", pg.user(), "--analyze", "--statement-timeout",
                "200ms", "--format", "json", sql.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode statements = new ObjectMapper().readTree(r.out()).get("statements");
        assertThat(statements.get(0).get("error").get("sqlState").asText()).isEqualTo("57014");
        assertThat(statements.get(0).get("error").get("message").asText()).contains("--statement-timeout");
        assertThat(statements.get(1).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void passwordPromptWithoutTerminalFallsBackWithAWarning(PostgresFixture pg, @TempDir Path dir)
            throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "select 1");

        CliRun r = CliRun.run("explain", "--url", pg.url(), "-U", pg.user(), "--password-prompt", sql.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("--password-prompt ignored: no interactive terminal");
    }

    @Test
    void aPromptedPasswordIsUsed(PostgresFixture pg, @TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "select 1");
        String[] asked = new String[1];
        CliEnvironment env = new CliEnvironment(CliRun.NO_PASSWORD_ENV, prompt -> {
            asked[0] = prompt;
            return java.util.Optional.of("ignored-by-trust-auth".toCharArray());
        });

        CliRun r = CliRun.run(env, "explain", "--url", pg.url(), "-U", pg.user(), "--password-prompt",
                sql.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(asked[0]).isEqualTo("Password for postgres: ");
        assertThat(r.err()).isEmpty();
    }
}
