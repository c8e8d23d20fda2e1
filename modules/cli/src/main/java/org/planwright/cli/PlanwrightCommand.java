package org.planwright.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code planwright} command: the entry point of the launcher script. Its sub-commands do the work:
 * {@code explain} ({@link ExplainCommand}), {@code advise} ({@link AdviseCommand}), {@code plan} ({@link PlanCommand}), {@code bench} ({@link BenchCommand}).
 *
 * <p>Use {@link #commandLine(CliEnvironment)} to run it in-process (tests): it returns a picocli
 * {@link CommandLine} whose {@code execute(args)} gives the exit code ({@link ExitCodes}) and whose
 * {@code setOut}/{@code setErr} capture the output. The report goes to out; messages go to err.
 */
@Command(name = "planwright", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, versionProvider = VersionProvider.class,
        subcommands = {ExplainCommand.class, AdviseCommand.class, PlanCommand.class, BenchCommand.class,
                WorkloadCommand.class, LearningCommand.class, FeedbackCommand.class, TeamCommand.class, SyncCommand.class, SyncBenchCommand.class,
                WorkspaceCommand.class, StoreCommand.class,
                CommandLine.HelpCommand.class},
        description = "Planwright: real PostgreSQL execution plans and what to do about them.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every statement was explained (or skipped as not explainable)",
                  "  1  a statement failed: its error is in the report, the others still ran",
                  "  2  bad usage, or no connection to the database",
                  "",
                  "Run 'planwright explain --help', 'planwright plan --help' or 'planwright bench --help' for "
                          + "their options."})
public final class PlanwrightCommand implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PlanwrightCommand.class);

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    /** @param environment environment variables and password prompt */
    public PlanwrightCommand(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** @return the environment the sub-commands use */
    CliEnvironment environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: try 'planwright explain' or 'planwright plan'");
    }

    /**
     * @param environment environment variables and password prompt
     * @return a configured command line: case-insensitive enum values ({@code --format JSON}), one-line usage
     *     errors (exit 2), one-line unexpected errors (exit 2, details at DEBUG level in the log)
     */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cl = new CommandLine(new PlanwrightCommand(environment));
        cl.addSubcommand(new ConfigCommand()); // config pgtune | advise (issue 11)
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(PlanwrightCommand::usageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            LOG.debug("unexpected error", ex);
            commandLine.getErr().println("planwright: unexpected error: " + oneLine(ex)
                    + " (run with JAVA_OPTS=-Dplanwright.log.level=DEBUG for details)");
            commandLine.getErr().flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        });
        return cl;
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("planwright: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE_OR_CONNECTION;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        return (m == null || m.isBlank() ? t.getClass().getSimpleName() : m).replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /**
     * Runs the CLI and exits the JVM with its exit code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(commandLine(CliEnvironment.system()).execute(args));
    }
}
