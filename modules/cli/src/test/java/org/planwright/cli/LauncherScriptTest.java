package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Runs the real {@code ./planwright} bash script as a process, from another working directory and without
 * JAVA_HOME. {@code PLANWRIGHT_CLI_CLASSPATH} points it at this test JVM's class path, so it does not start a
 * nested Maven build (the build path of the script is exercised by running it by hand).
 */
@ExtendWith(PostgresExtension.class)
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of(System.getProperty("planwright.repository.root", "../.."))
            .toAbsolutePath().normalize().resolve("planwright");

    private record Result(int exitCode, String out, String err) {
    }

    @Test
    void versionWorksFromAnyDirectoryWithoutJavaHome(@TempDir Path elsewhere) throws Exception {
        Result r = launch(elsewhere, List.of("--version"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("planwright " + VersionProvider.version() + "\n").contains("Java 25");
    }

    @Test
    void explainWritesOnlyTheReportToStandardOutput(PostgresFixture pg, @TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("one.sql"), "select 1;\nselect 2 from;\n");

        Result r = launch(elsewhere, List.of("explain", "--url", pg.url(), "-U", pg.user(), "--format", "json",
                "one.sql"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("summary").get("ok").asInt()).isEqualTo(1);
        assertThat(report.get("summary").get("failed").asInt()).isEqualTo(1);
        assertThat(report.get("statements").get(0).get("file").asText()).isEqualTo("one.sql");
    }

    @Test
    void badUsageExitsWith2(@TempDir Path elsewhere) throws Exception {
        Result r = launch(elsewhere, List.of("explain", "--format", "json"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Missing required parameter: 'SQL-FILE-OR-FOLDER'");
    }

    private static Result launch(Path workingDirectory, List<String> args) throws IOException, InterruptedException {
        assertThat(SCRIPT).isExecutable();
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.put("PGPASSFILE", "/nonexistent/planwright-test-pgpass");
        env.put("PLANWRIGHT_CLI_CLASSPATH", System.getProperty("java.class.path"));
        Path out = workingDirectory.resolve("stdout.txt");
        Path err = workingDirectory.resolve("stderr.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
