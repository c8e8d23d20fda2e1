package org.planwright.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * One in-process run of the real CLI with captured standard output and error.
 *
 * @param exitCode what {@code execute} returned
 * @param out      standard output (the report)
 * @param err      standard error (messages)
 */
record CliRun(int exitCode, String out, String err) {

    /** No password anywhere: the embedded server trusts local connections. */
    static final Map<String, String> NO_PASSWORD_ENV = Map.of("PGPASSFILE", "/nonexistent/planwright-test-pgpass");

    static CliRun run(String... args) {
        return run(new CliEnvironment(NO_PASSWORD_ENV, PasswordPrompt.none()), args);
    }

    static CliRun run(CliEnvironment environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PlanwrightCommand.commandLine(environment);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
