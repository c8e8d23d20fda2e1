package org.planwright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.planwright.cli.report.ConnectionInfo;
import org.planwright.cli.report.ReportHeader;
import org.planwright.cli.report.ReportWriter;
import org.planwright.cli.report.RunOptions;
import org.planwright.cli.report.Summary;
import org.planwright.cli.report.Urls;
import org.planwright.plans.report.JsonReport;
import org.planwright.targetdb.TargetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code planwright explain}: the plan and insights of every statement of SQL files, from a real PostgreSQL.
 * Picocli creates it; options are fields. Returns an exit code of {@link ExitCodes}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Report the plan and insights of every statement of SQL files.",
        description = {
            "Explains every statement of SQL files on a PostgreSQL database and prints each plan's summary and "
                    + "insights. A folder stands for its *.sql files in name order (q2.sql before q10.sql).",
            "Statements PostgreSQL cannot EXPLAIN (CREATE, ALTER, SET, VACUUM, psql meta-commands...) are reported "
                    + "as skipped and are not run.",
            "The session is read-only. With --analyze, INSERT, UPDATE, DELETE and MERGE run inside a transaction "
                    + "that is always rolled back (sequences advanced by nextval() stay advanced).",
            ""},
        footerHeading = "%nPassword:%n",
        footer = {"~/.pgpass (or the file named by PGPASSFILE), then PGPASSWORD, as libpq reads them; "
                        + "--password-prompt asks on the terminal instead. Passwords are never stored or printed.",
                  "",
                  "Exit codes: 0 all explained or skipped; 1 some statement failed (the others still ran); "
                        + "2 bad usage or no connection.",
                  "",
                  "Example:",
                  "  planwright explain --url jdbc:postgresql://localhost:5432/shop -U dba \\",
                  "      --analyze --format markdown queries/ > report.md"})
final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    private PlanwrightCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "JDBC-URL",
            description = "The database, e.g. jdbc:postgresql://localhost:5432/shop (a password in it is never printed)")
    private String url;

    @Option(names = {"-U", "--user"}, paramLabel = "NAME",
            description = "User name (default: the URL's user=, else PGUSER, else the operating-system user)")
    private String user;

    @Option(names = "--password-prompt",
            description = "Ask for the password on the terminal (only when interactive; otherwise ~/.pgpass and "
                    + "PGPASSWORD are used)")
    private boolean passwordPrompt;

    @Option(names = "--analyze",
            description = "EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS): run each statement for real timings "
                    + "(data changes are rolled back)")
    private boolean analyze;

    @Mixin
    private FormatOption output;

    @Option(names = "--statement-timeout", defaultValue = "60s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Longest a statement may run, e.g. 500ms, 60s, 5min; 0 for no limit (default: 60s)")
    private Duration statementTimeout;

    @Parameters(arity = "1..*", paramLabel = "SQL-FILE-OR-FOLDER",
            description = "SQL files, or folders of *.sql files; every statement of each file is explained")
    private List<Path> paths;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PostgresUrl target;
        try {
            if (!url.strip().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
            }
            target = PostgresUrl.parse(url.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--url must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://localhost:5432/mydb; '" + Urls.withoutPassword(url) + "' is "
                    + e.getMessage());
        }
        List<SqlFiles.SqlFile> files;
        try {
            files = SqlFiles.load(paths);
        } catch (SqlFiles.SqlFileException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        PrintWriter err = cl.getErr();
        ConnectRequest request = new ConnectRequest(target, user, statementTimeout, passwordPrompt);
        try (TargetExplainer explainer = TargetExplainer.open(request, parent.environment(), err, analyze)) {
            ConnectionInfo connection = new ConnectionInfo(Urls.withoutPassword(target.url()),
                    explainer.sessionUser(), explainer.serverVersion());
            ReportHeader header = new ReportHeader(JsonReport.FORMAT_VERSION, VersionProvider.version(),
                    connection, new RunOptions(analyze, statementTimeout.toMillis()));
            Summary summary = new ExplainRun(explainer, output.format().writer(cl.getOut())).run(header, files);
            return summary.failed() > 0 ? ExitCodes.STATEMENT_FAILED : ExitCodes.OK;
        } catch (TargetException e) {
            err.println("planwright: cannot connect to " + Urls.withoutPassword(target.url()) + ": "
                    + e.userMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    /**
     * What to connect to.
     *
     * @param url              the JDBC URL (may hold a password; never print it unredacted)
     * @param user             the {@code --user}, or null
     * @param statementTimeout per statement; ZERO for none
     * @param passwordPrompt   true to ask on the terminal first
     */
    record ConnectRequest(PostgresUrl url, String user, Duration statementTimeout, boolean passwordPrompt) {
    }
}
