package org.planwright.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.planwright.store.StoreException;
import org.planwright.store.StoredWorkloadWindow;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.workload.LoadHistory;
import org.planwright.workload.LoadPoint;
import org.planwright.workload.ServerLabel;
import org.planwright.workload.StatisticsFiles;
import org.planwright.workload.StatisticsFormatException;
import org.planwright.workload.StatisticsReader;
import org.planwright.workload.WorkloadAnalyzer;
import org.planwright.workload.WorkloadReport;
import org.planwright.workload.WorkloadSnapshot;
import org.planwright.workload.WorkloadWindow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code planwright workload}: what a server's workload is made of, from {@code pg_stat_statements}: the
 * OLTP/OLAP classification with its confidence, the top statements by total time, mean time and I/O, the
 * read/write ratio, and, from stored windows, the peaks, a workload shift and the next day's forecast.
 */
@Command(name = "workload", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Analyse a server's workload from pg_stat_statements.",
        description = {
            "Reads pg_stat_statements (and pg_stat_database) and reports the workload's class (OLTP, OLAP or mixed, "
                    + "with a confidence), the top statements by total time, mean time and I/O, and the read/write "
                    + "ratio.",
            "Source, in this order: --csv (an export, no connection); else the server of --url (or PGSERVICE, PGHOST... as psql uses them); with --workspace, the windows stored there "
                    + "for this server in the last --since (the app records one every 5 minutes while connected), "
                    + "which adds peaks, a shift test and a forecast; else the server's counters now: since their "
                    + "last reset, or, with --interval, what ran during that interval (stored in --workspace when "
                    + "given, so that runs from cron build a history).",
            "The session is read-only with a statement timeout; pg_stat_statements must be in "
                    + "shared_preload_libraries and installed (CREATE EXTENSION) in the database connected to.",
            ""},
        footer = {"Exit codes: 0 analysed; 2 bad usage, no connection or pg_stat_statements missing.",
                  "",
                  "Examples:",
                  "  planwright workload --url jdbc:postgresql://db:5432/shop -U dba --top 5",
                  "  planwright workload --url jdbc:postgresql://db:5432/shop --interval 5min --workspace Acme",
                  "  planwright workload --csv pgss.csv --format json"})
final class WorkloadCommand implements Callable<Integer> {

    @ParentCommand
    private PlanwrightCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions target;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "A pg_stat_statements CSV export with header (\\copy (SELECT s.*, d.datname FROM "
                    + "pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid) TO 'f.csv' CSV HEADER)")
    private Path csv;

    @Option(names = "--tables-csv", paramLabel = "FILE",
            description = "With --csv: a pg_stat_user_tables export taken at the same time")
    private Path tablesCsv;

    @Option(names = "--indexes-csv", paramLabel = "FILE",
            description = "With --csv: a pg_stat_user_indexes export taken at the same time")
    private Path indexesCsv;

    @Option(names = "--all-databases", description = "Every database's statements (default: the connected one's)")
    private boolean allDatabases;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Take two snapshots this far apart and analyse what ran in between, e.g. 60s, 5min")
    private Duration interval;

    @Option(names = "--workspace", paramLabel = "NAME",
            description = "Workspace of the store (PLANWRIGHT_HOME or -Dplanwright.home) whose windows to read, "
                    + "and where an --interval window is saved")
    private String workspace;

    @Option(names = "--since", defaultValue = "168h", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How far back stored windows count (default: 168h, a week)")
    private Duration since;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Statements per top list (default: 10)")
    private int top;

    @Mixin
    private FormatOption output;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (top < 1) {
            throw new CommandLine.ParameterException(cl, "--top must be at least 1");
        }
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        WorkloadAnalyzer analyzer = new WorkloadAnalyzer();
        if (csv != null) {
            try {
                WorkloadSnapshot s = new WorkloadSnapshot(Files.getLastModifiedTime(csv).toInstant(), 0,
                        StatisticsFiles.readStatements(csv), List.of(),
                        tablesCsv == null ? List.of() : StatisticsFiles.readTables(tablesCsv),
                        indexesCsv == null ? List.of() : StatisticsFiles.readIndexes(indexesCsv));
                write(out, csv.getFileName().toString(), analyzer.analyze(WorkloadWindow.sinceReset(s), top), null);
                return ExitCodes.OK;
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, "cannot read " + e.getMessage());
            } catch (StatisticsFormatException e) {
                err.println("planwright: " + e.getMessage());
                err.flush();
                return ExitCodes.USAGE_OR_CONNECTION;
            }
        }
        ExplainCommand.ConnectRequest request = target.request(parent.environment(), cl);
        String label = ServerLabel.of(request.profile());
        try (TargetSession session = ConnectionOptions.open(request, parent.environment(), err)) {
            StatisticsReader reader = new StatisticsReader(session);
            var unavailable = reader.unavailableReason();
            if (unavailable.isPresent()) {
                err.println("planwright: " + unavailable.get());
                err.flush();
                return ExitCodes.USAGE_OR_CONNECTION;
            }
            Set<String> databases = allDatabases ? Set.of() : Set.of(session.serverInfo().database());
            try (WorkbenchStore store = workspace == null ? null : StoreWorkspace.open(parent.environment())) {
                Workspace ws = store == null ? null : findWorkspace(store, cl);
                if (ws != null && interval == null) {
                    List<StoredWorkloadWindow> stored = store.workloadWindows().list(ws.id(), label,
                            Instant.now().minus(since), Instant.now());
                    if (!stored.isEmpty()) {
                        List<WorkloadWindow> windows = stored.stream().map(StoredWorkloadWindow::window).toList();
                        LoadHistory history = new LoadHistory(windows.stream().map(LoadPoint::of).toList(),
                                ZoneId.systemDefault());
                        write(out, label, analyzer.analyze(WorkloadWindow.combine(windows), top), history);
                        return ExitCodes.OK;
                    }
                }
                WorkloadWindow window;
                if (interval != null) {
                    WorkloadSnapshot before = reader.take(databases);
                    Thread.sleep(interval.toMillis());
                    window = WorkloadWindow.between(before, reader.take(databases));
                    if (ws != null) {
                        store.workloadWindows().save(new StoredWorkloadWindow(UUID.randomUUID(), ws.id(), null, label,
                                session.serverInfo().versionNum(), window));
                    }
                } else {
                    window = WorkloadWindow.sinceReset(reader.take(databases));
                }
                write(out, label, analyzer.analyze(window, top), null);
                return ExitCodes.OK;
            }
        } catch (TargetException e) {
            err.println("planwright: cannot connect to " + request.shown() + ": " + e.userMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (StoreException e) {
            err.println("planwright: the store: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
    }

    private Workspace findWorkspace(WorkbenchStore store, CommandLine cl) {
        try {
            return StoreWorkspace.pick(store, workspace);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    private void write(PrintWriter out, String source, WorkloadReport report, LoadHistory history) {
        switch (output.format()) {
            case JSON -> WorkloadReportWriters.json(out, source, report, history);
            case MARKDOWN -> WorkloadReportWriters.markdown(out, source, report, history);
            default -> WorkloadReportWriters.text(out, source, report, history);
        }
        out.flush();
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
