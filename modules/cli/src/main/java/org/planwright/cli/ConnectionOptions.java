package org.planwright.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import org.planwright.targetdb.ConnInfoException;
import org.planwright.targetdb.PgEnvironment;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The connection options every command that talks to a server shares (a picocli {@code @Mixin}): {@code --url}
 * (libpq URI, keyword=value string, JDBC URL or database name; PG* variables and service files as psql uses them
 * when absent), {@code --user}, {@code --password-prompt} and {@code --statement-timeout}. Read-only analysis
 * sessions only. Picocli fills the fields.
 */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "CONNECTION",
            description = "The database as a libpq URI (postgresql://user@host:5432/shop), keyword=value string "
                    + "('host=db dbname=shop'), JDBC URL or database name (default: PGSERVICE, PGHOST, PGPORT, "
                    + "PGDATABASE, PGUSER ... as psql uses them; a password in it is never printed)")
    private String url;

    @Option(names = {"-U", "--user"}, paramLabel = "NAME",
            description = "User name (default: the connection's user, else PGUSER, else the operating-system user)")
    private String user;

    @Option(names = "--password-prompt",
            description = "Ask for the password on the terminal (only when interactive; otherwise ~/.pgpass and "
                    + "PGPASSWORD are used)")
    private boolean passwordPrompt;

    @Option(names = "--statement-timeout", defaultValue = "60s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Longest a statement may run, e.g. 500ms, 60s, 5min; 0 for no limit (default: 60s)")
    private Duration statementTimeout;

    /** @return the {@code --url} as given, or null */
    String url() {
        return url;
    }

    /** @return the statement timeout; ZERO for none */
    Duration statementTimeout() {
        return statementTimeout;
    }

    /**
     * Resolves what to connect to as psql would.
     *
     * @param environment the command's environment (PG* variables, service files)
     * @param cl          for the bad-usage error
     * @return the request
     * @throws CommandLine.ParameterException when the string, a variable or the service file cannot be used (the
     *                                        message never holds a password)
     */
    ExplainCommand.ConnectRequest request(CliEnvironment environment, CommandLine cl) {
        try {
            return ExplainCommand.ConnectRequest.of(url, user, PgEnvironment.of(environment.env()), statementTimeout,
                    passwordPrompt);
        } catch (ConnInfoException e) {
            throw new CommandLine.ParameterException(cl, (url == null ? "The PG* environment variables: "
                    : "--url: ") + e.getMessage() + ". Accepted: postgresql://user@host:5432/db, "
                    + "'host=... dbname=...', jdbc:postgresql://host:5432/db (see --help)");
        }
    }

    /**
     * Warns about keywords the driver cannot apply, finds the password ({@link TargetExplainer#password}) and opens
     * a read-only analysis session with the statement timeout.
     *
     * @param request     from {@link #request}
     * @param environment the command's environment
     * @param err         standard error, for warnings
     * @return the open session; close it
     * @throws TargetException when the connection fails (its {@code userMessage()} is one line)
     */
    static TargetSession open(ExplainCommand.ConnectRequest request, CliEnvironment environment, PrintWriter err)
            throws TargetException {
        warnUnsupported(request, err);
        return open(request, environment, err, SessionOptions.analysis());
    }

    /**
     * Opens a read-write session with the statement timeout, for trials that change something inside a transaction
     * that is always rolled back ({@code advise --trial}). No warning printed (the analysis session printed it).
     *
     * @throws TargetException when the connection fails
     */
    static TargetSession openReadWrite(ExplainCommand.ConnectRequest request, CliEnvironment environment,
                                       PrintWriter err) throws TargetException {
        return open(request, environment, err, SessionOptions.readWrite());
    }

    private static TargetSession open(ExplainCommand.ConnectRequest request, CliEnvironment environment,
                                      PrintWriter err, SessionOptions options) throws TargetException {
        char[] password = TargetExplainer.password(request, request.profile(), environment, err);
        try {
            return new TargetConnector().open(request.profile(), password,
                    options.withStatementTimeout(request.statementTimeout()));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Tells, on standard error, which libpq keywords the JDBC driver cannot apply. */
    static void warnUnsupported(ExplainCommand.ConnectRequest request, PrintWriter err) {
        if (!request.unsupported().isEmpty()) {
            err.println("planwright: not applied (the PostgreSQL JDBC driver has no such setting): "
                    + String.join(", ", request.unsupported()));
            err.flush();
        }
    }
}
