package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Help, version and exit code 2 for bad usage and unreachable servers; no database needed. */
class UsageTest {

    @Test
    void helpListsTheExplainCommandAndTheExitCodes() {
        CliRun r = CliRun.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("explain +Report the plan and insights of every statement"); // column width varies
        assertThat(r.out()).contains("Usage: planwright", "Exit codes:",
                "1  a statement failed: its error is in the report, the others still ran", "2  bad usage, or no connection");
    }

    @Test
    void explainHelpDescribesEveryOption() {
        CliRun r = CliRun.run("explain", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: planwright explain", "--url=JDBC-URL", "-U, --user=NAME",
                "--password-prompt", "--analyze", "--format=FORMAT", "text, json, markdown",
                "--statement-timeout=DURATION", "SQL-FILE-OR-FOLDER", "~/.pgpass", "skipped");
    }

    /** Picocli formats help text with String.format: a bare "%" (as in "10%") makes it print a warning. */
    @Test
    void everyHelpTextOfEveryCommandIsAValidFormatString() {
        Deque<CommandLine> todo = new ArrayDeque<>(List.of(PlanwrightCommand.commandLine(CliEnvironment.system())));
        int lines = 0;
        while (!todo.isEmpty()) {
            CommandLine cl = todo.pop();
            todo.addAll(cl.getSubcommands().values());
            UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
            List<String> texts = new ArrayList<>();
            texts.addAll(Arrays.asList(usage.header()));
            texts.addAll(Arrays.asList(usage.description()));
            texts.addAll(Arrays.asList(usage.footer()));
            for (ArgSpec arg : cl.getCommandSpec().args()) {
                texts.addAll(Arrays.asList(arg.description()));
            }
            for (String text : texts) {
                assertThatCode(() -> String.format(text)).as(cl.getCommandName() + ": " + text)
                        .doesNotThrowAnyException();
            }
            lines += texts.size();
        }
        assertThat(lines).as("help lines checked").isGreaterThan(40);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun r = CliRun.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(System.getProperty("planwright.project.version")).as("set by the build").isNotBlank();
        assertThat(r.out()).startsWith("planwright " + System.getProperty("planwright.project.version") + "\n");
    }

    @Test
    void noCommandIsBadUsage() {
        CliRun r = CliRun.run();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.err()).contains("Missing command");
    }

    @Test
    void aMissingUrlIsBadUsageInOneLineWithAHint(@TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "select 1");

        CliRun r = CliRun.run("explain", sql.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--url=JDBC-URL'",
                "Try 'planwright explain --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownFormatOrOptionIsBadUsage(@TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "select 1");

        CliRun format = CliRun.run("explain", "--url", "jdbc:postgresql://localhost/x", "--format", "yaml",
                sql.toString());
        CliRun option = CliRun.run("explain", "--url", "jdbc:postgresql://localhost/x", "--analyse", sql.toString());
        CliRun timeout = CliRun.run("explain", "--url", "jdbc:postgresql://localhost/x", "--statement-timeout",
                "soon", sql.toString());

        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("Invalid value for option '--format'", "yaml");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--analyse'", "--analyze");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("'soon' is not a duration");
    }

    @Test
    void aMissingFileIsBadUsage(@TempDir Path dir) {
        CliRun r = CliRun.run("explain", "--url", "jdbc:postgresql://localhost/x", dir.resolve("nope.sql").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no such file or folder", "nope.sql");
    }

    @Test
    void aUrlThatIsNotPostgresIsBadUsageAndItsPasswordIsNotShown(@TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "select 1");

        CliRun r = CliRun.run("explain", "--url", "jdbc:mysql://db/shop?password=s3cret", sql.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--url must be a PostgreSQL JDBC URL", "'jdbc:mysql://db/shop' is not a "
                + "PostgreSQL JDBC URL").doesNotContain("s3cret");
    }

    @Test
    void aClosedPortIsAConnectionFailureInOneLineWithoutStackTrace(@TempDir Path dir) throws IOException {
        Path sql = Files.writeString(dir.resolve("a.sql"), "select 1");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?password=s3cret";

        CliRun r = CliRun.run("explain", "--url", url, "-U", "postgres", sql.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("planwright: cannot connect to jdbc:postgresql://127.0.0.1:" + port
                + "/postgres: ").contains("127.0.0.1:" + port).doesNotContain("\n", "Exception", "\tat ", "s3cret");
    }
}
