package org.planwright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.planwright.cli.report.ConnectionInfo;
import org.planwright.cli.report.ReportHeader;
import org.planwright.cli.report.ReportWriter;
import org.planwright.cli.report.RunOptions;
import org.planwright.cli.report.Summary;
import org.planwright.plans.report.JsonReport;
import org.planwright.store.StoreException;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnInfo;
import org.planwright.targetdb.ConnInfoException;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.PgEnvironment;
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
        footerHeading = "%nConnection:%n",
        footer = {"--url takes what psql, pg_dump and DATABASE_URL take:",
                  "  postgresql://user@host:5432/db?sslmode=require",
                  "      also postgres://, several hosts (h1:5432,h2:5433), [::1], percent-encoding",
                  "  'host=db port=5432 dbname=shop user=dba sslmode=require'",
                  "      libpq keyword=value; quote a value with spaces in '...'",
                  "  jdbc:postgresql://host:5432/db?user=dba&sslmode=require",
                  "      PgJDBC's URL; user:password@host is read too",
                  "  service=NAME     a pg_service.conf entry",
                  "  shop             a database name",
                  "Without --url, and for what it leaves out, as psql: the service of PGSERVICE",
                  "(PGSERVICEFILE, ~/.pg_service.conf, PGSYSCONFDIR/pg_service.conf), then",
                  "PGHOST, PGPORT, PGDATABASE, PGUSER, PGSSLMODE and libpq's other PG*",
                  "variables, then libpq's defaults: localhost, port 5432, user = your login",
                  "name, database = the user. A socket directory as host means localhost (TCP).",
                  "",
                  "Password: one in --url is used for this run only; else ~/.pgpass (or the",
                  "file named by PGPASSFILE), then PGPASSWORD, as libpq reads them;",
                  "--password-prompt asks on the terminal first. Passwords are never stored",
                  "or printed.",
                  "",
                  "Exit codes: 0 all explained or skipped; 1 some statement failed (the others still ran); "
                        + "2 bad usage or no connection.",
                  "",
                  "Example:",
                  "  planwright explain --url postgresql://dba@localhost:5432/shop \\",
                  "      --analyze --format markdown queries/ > report.md"})
final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    private PlanwrightCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions target;

    @Option(names = "--analyze",
            description = "EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS): run each statement for real timings "
                    + "(data changes are rolled back)")
    private boolean analyze;

    @Mixin
    private FormatOption output;

    @Option(names = "--workspace", paramLabel = "NAME",
            description = "Capture every plan into this workspace of the Planwright store (PLANWRIGHT_HOME), "
                    + "creating it when missing, as the app does")
    private String workspace;

    @Parameters(arity = "1..*", paramLabel = "SQL-FILE-OR-FOLDER",
            description = "SQL files, or folders of *.sql files; every statement of each file is explained")
    private List<Path> paths;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        ConnectRequest request = target.request(parent.environment(), cl);
        List<SqlFiles.SqlFile> files;
        try {
            files = SqlFiles.load(paths);
        } catch (SqlFiles.SqlFileException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        PrintWriter err = cl.getErr();
        ConnectionOptions.warnUnsupported(request, err);
        WorkbenchStore store = null;
        try {
            if (workspace != null) {
                store = StoreWorkspace.open(parent.environment());
            }
        } catch (StoreException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        try (WorkbenchStore closing = store;
             TargetExplainer explainer = TargetExplainer.open(request, parent.environment(), err, analyze)) {
            if (closing != null) {
                explainer.captureInto(new PlanCaptureSink(closing, ensure(closing, cl)));
            }
            ConnectionInfo connection = new ConnectionInfo(request.shown(),
                    explainer.sessionUser(), explainer.serverVersion());
            ReportHeader header = new ReportHeader(JsonReport.FORMAT_VERSION, VersionProvider.version(),
                    connection, new RunOptions(analyze, target.statementTimeout().toMillis()));
            Summary summary = new ExplainRun(explainer, output.format().writer(cl.getOut())).run(header, files);
            return summary.failed() > 0 ? ExitCodes.STATEMENT_FAILED : ExitCodes.OK;
        } catch (TargetException e) {
            err.println("planwright: cannot connect to " + request.shown() + ": "
                    + e.userMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (StoreException e) {
            err.println("planwright: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    /** The --workspace by name (exact, else the one differing in letter case only), created when missing. */
    private Workspace ensure(WorkbenchStore store, CommandLine cl) {
        try {
            return StoreWorkspace.pick(store, workspace, true);
        } catch (IllegalArgumentException missing) {
            if (missing.getMessage().contains("ambiguous")) {
                throw new CommandLine.ParameterException(cl, missing.getMessage());
            }
            return store.workspaces().ensure(workspace);
        }
    }

    /**
     * What to connect to, resolved as psql resolves it.
     *
     * @param profile          the connection without password (fields, plus the connection string when needed)
     * @param password         the password the connection string or service file carried, for this run only;
     *                         null when none — never print it
     * @param shown            the connection as reports and messages show it: the {@code --url} in its own form
     *                         without password, or the resolved keywords when {@code --url} is absent
     * @param unsupported      libpq keywords given that the JDBC driver cannot apply (warned about)
     * @param statementTimeout per statement; ZERO for none
     * @param passwordPrompt   true to ask on the terminal first
     */
    record ConnectRequest(ConnectionProfile profile, char[] password, String shown, List<String> unsupported,
                          Duration statementTimeout, boolean passwordPrompt) {

        /**
         * @param url         the {@code --url}, or null to take everything from the environment
         * @param user        the {@code --user}, or null; the connection string's own user wins, as in psql
         * @param environment PG* variables, service files, defaults
         * @throws ConnInfoException when the string, a variable or the service file cannot be used (no password
         *                           in the message)
         */
        static ConnectRequest of(String url, String user, PgEnvironment environment, Duration statementTimeout,
                                 boolean passwordPrompt) {
            ConnInfo given = ConnInfo.parse(url);
            ConnInfo resolved = given.withDefault("user", user).resolve(environment);
            resolved.validate(); // ports, sslmode, host lists: refused now, as bad usage
            String shown = url == null || url.isBlank() ? resolved.render() : given.render();
            return new ConnectRequest(ConnectionProfile.of("planwright explain", resolved),
                    resolved.password().orElse(null), shown, resolved.unsupportedKeywords(), statementTimeout,
                    passwordPrompt);
        }

        @Override
        public String toString() {
            return "ConnectRequest[" + shown + "]";
        }
    }
}
