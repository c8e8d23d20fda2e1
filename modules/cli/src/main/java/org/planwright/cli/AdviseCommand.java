package org.planwright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.planwright.advice.Recommendation;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.trial.TrialMode;
import org.planwright.advice.trial.TrialOptions;
import org.planwright.advice.trial.TrialResult;
import org.planwright.advice.trial.TrialRunner;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.index.IndexAdvice;
import org.planwright.advice.index.IndexAdviceOptions;
import org.planwright.advice.index.IndexAdvisor;
import org.planwright.advice.index.TrialedIndexAdvice;
import org.planwright.advice.index.WorkloadStatement;
import org.planwright.advice.parameters.Binding;
import org.planwright.advice.parameters.ParameterBinder;
import org.planwright.cli.report.ConnectionInfo;
import org.planwright.plans.report.JsonReport;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code planwright advise}: one index set for the statements of SQL files (a folder is a workload), from
 * what-if costing on a real PostgreSQL ({@link IndexAdvisor}), plus drop-index advice for the tables they use.
 */
@Command(name = "advise", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Recommend indexes for a workload of SQL files (and indexes to drop).",
        description = {
            "Costs candidate indexes for every statement of the SQL files with hypothetical indexes (HypoPG) and "
                    + "plain EXPLAIN, and chooses one index set for all of them together: an index is kept only "
                    + "when it cuts some statement's estimated cost by --min-cost-cut. A folder stands for its "
                    + "*.sql files in name order.",
            "Nothing is executed and nothing is changed: the session is read-only. Without HypoPG in the "
                    + "database, --allow-locking-builds lets Planwright build the candidates for real inside a "
                    + "transaction that is rolled back (this locks the tables while it runs).",
            ""},
        footerHeading = "%nPassword:%n",
        footer = {"~/.pgpass (or the file named by PGPASSFILE), then PGPASSWORD, as libpq reads them; "
                        + "--password-prompt asks on the terminal instead.",
                  "",
                  "Exit codes: 0 advice given (statements that could not be costed are listed); "
                        + "2 bad usage, no connection, or no HypoPG without --allow-locking-builds.",
                  "",
                  "Example:",
                  "  planwright advise --url jdbc:postgresql://localhost:5432/shop -U dba --format json queries/"})
final class AdviseCommand implements Callable<Integer> {

    /** What {@code --trial} reports at the top: how the trials ran. */
    static final String TRIAL_METHOD = "each index tried on the statement it helps most: CREATE INDEX inside one "
            + "transaction that is always rolled back, 1 warm-up + 5 timed runs per side, Mann-Whitney U";
    /** Why a trial did not run without consent. */
    static final String TRIAL_NEEDS_CONSENT = "not tried: a CREATE INDEX inside a rolled-back transaction holds a "
            + "SHARE lock on the table (writes wait) while it runs; give --allow-locking-builds to consent";

    @ParentCommand
    private PlanwrightCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions target;

    @Mixin
    private FormatOption output;

    @Option(names = "--min-cost-cut", defaultValue = "50", paramLabel = "PERCENT",
            description = "Keep an index only when it cuts some statement's estimated cost by this percent "
                    + "(default: 50, as dexter)")
    private double minCostCut;

    @Option(names = "--budget-mb", defaultValue = "0", paramLabel = "MB",
            description = "Most megabytes the recommended indexes may take together (estimated); 0 = no budget")
    private long budgetMb;

    @Option(names = "--allow-locking-builds",
            description = "Without HypoPG: build candidate indexes for real inside a transaction that is rolled "
                    + "back. Locks each table (writers wait, and readers while a configuration is costed) until "
                    + "the advice ends: use it on a sandbox or with consent")
    private boolean allowLockingBuilds;

    @Option(names = "--trial",
            description = "Measure the advice for real, inside a transaction that is always rolled back (needs "
                    + "--allow-locking-builds: the tables are locked while it runs). One statement: each index is "
                    + "tried on it (medians of 5 runs, Mann-Whitney U). A workload: the whole set is built, every "
                    + "statement timed without and with it (best of 2), and an index that made a statement slower "
                    + "beyond noise is dropped from the advice, saying why, and a replacement set measured")
    private boolean trial;

    @Option(names = "--workspace", paramLabel = "NAME",
            description = "With --trial: record the trials in this workspace of the store for the learning loop "
                    + "(default: the only one)")
    private String workspace;

    @Parameters(arity = "1..*", paramLabel = "SQL-FILE-OR-FOLDER",
            description = "SQL files, or folders of *.sql files; together they are the workload")
    private List<Path> paths;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (!(minCostCut > 0 && minCostCut < 100)) {
            throw new CommandLine.ParameterException(cl, "--min-cost-cut must be a percent between 0 and 100, not "
                    + minCostCut);
        }
        if (budgetMb < 0) {
            throw new CommandLine.ParameterException(cl, "--budget-mb must not be negative");
        }
        ExplainCommand.ConnectRequest request = target.request(parent.environment(), cl);
        List<SqlFiles.SqlFile> files;
        try {
            files = SqlFiles.load(paths);
        } catch (SqlFiles.SqlFileException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        List<WorkloadStatement> workload = new ArrayList<>();
        List<AdviseReport.Skipped> notExplainable = new ArrayList<>();
        statements(files, workload, notExplainable);
        PrintWriter err = cl.getErr();
        IndexAdviceOptions options = IndexAdviceOptions.defaults().withMinCostCutPercent(minCostCut)
                .withBudgetBytes(budgetMb * 1024 * 1024).withRolledBackBuilds(allowLockingBuilds);
        TargetSession session;
        try {
            session = ConnectionOptions.open(request, parent.environment(), err);
        } catch (TargetException e) {
            err.println("planwright: cannot connect to " + request.shown() + ": " + e.userMessage());
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        }
        Thread closeOnExit = new Thread(session::close, "planwright-close-session");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
        try {
            IndexAdvice advice = new IndexAdvisor(session, options, m -> { }).advise(workload);
            ConnectionInfo connection = new ConnectionInfo(request.shown(),
                    session.serverInfo().user(), session.serverInfo().version());
            AdviseReport report = report(advice, connection, workload.size(), notExplainable);
            if (trial && workload.size() > 1) {
                try (TargetSession readWrite = allowLockingBuilds
                        ? ConnectionOptions.openReadWrite(request, parent.environment(), err) : null) {
                    AdviseReport notTried = AdviseWorkloadTrial.skipped(report, advice, readWrite);
                    if (notTried != null) {
                        report = notTried;
                    } else {
                        TrialedIndexAdvice.Outcome outcome = AdviseWorkloadTrial.measure(session, readWrite,
                                workload, options, advice, err);
                        report = AdviseWorkloadTrial.apply(report(outcome.best().advice(), connection,
                                workload.size(), notExplainable), outcome, err);
                    }
                }
            } else if (trial) {
                report = report.withRecommendations(trials(request, advice, workload, err));
            }
            AdviseWriter.write(report, output.format(), cl.getOut());
            return ExitCodes.OK;
        } catch (TargetException e) {
            err.println("planwright: advise failed: " + e.userMessage()
                    + (e.reason() == TargetException.Reason.UNSUPPORTED_STATEMENT ? " (--allow-locking-builds)" : ""));
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        } catch (CancellationException e) {
            err.println("planwright: advise cancelled");
            err.flush();
            return ExitCodes.USAGE_OR_CONNECTION;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
                session.close();
            } catch (IllegalStateException e) {
                // the JVM is shutting down; the hook closes the session
            }
        }
    }

    /**
     * Tries each recommended index on the statement whose estimated cost it cuts most, in a read-write session of
     * its own, each inside a transaction that is always rolled back ({@link TrialRunner}). A failed trial is reported
     * on its item and the others go on; nothing is left changed either way.
     */
    private List<AdviseReport.Item> trials(ExplainCommand.ConnectRequest request, IndexAdvice advice,
                                           List<WorkloadStatement> workload, PrintWriter err) throws TargetException {
        List<AdviseReport.Item> items = new ArrayList<>();
        List<Recommendation> recs = advice.recommendations();
        int chosen = 0;
        try (TargetSession readWrite = allowLockingBuilds
                ? ConnectionOptions.openReadWrite(request, parent.environment(), err) : null;
             TrialRecorder recorder = readWrite == null ? null
                     : TrialRecorder.open(parent.environment(), workspace, err)) {
            for (Recommendation r : recs) {
                IndexAdvice.ChosenIndex c = r.kind() == RecommendationKind.INDEX && chosen < advice.chosen().size()
                        ? advice.chosen().get(chosen++) : null;
                AdviseReport.Item item = AdviseReport.item(r, c);
                if (c == null || c.helps().isEmpty()) {
                    items.add(item.withTrial(AdviseReport.Trial.skipped(null, "only index recommendations are tried")));
                    continue;
                }
                String label = c.helps().getFirst();
                String sql = workload.stream().filter(w -> w.label().equals(label)).map(WorkloadStatement::sql)
                        .findFirst().orElse(null);
                if (sql == null || readWrite == null) {
                    items.add(item.withTrial(AdviseReport.Trial.skipped(label, sql == null
                            ? "the statement it helps was not found" : TRIAL_NEEDS_CONSENT)));
                    continue;
                }
                Binding binding = new ParameterBinder().bind(readWrite, sql);
                if (!binding.bound()) {
                    items.add(item.withTrial(AdviseReport.Trial.skipped(label, "not tried: " + binding.reason())));
                    continue;
                }
                err.println("planwright: trying " + r.title() + " on " + label
                        + (binding.hasParameters() ? " with " + binding.summary() : "") + " ...");
                err.flush();
                try {
                    TrialResult t = new TrialRunner().run(readWrite, r, binding.boundSql().orElseThrow(),
                            TrialMode.ROLLED_BACK,
                            TrialOptions.defaults().withLockConsent(true), ProgressListener.NONE, Cancellation.create());
                    recorder.record(sql, t);
                    items.add(item.withTrial(new AdviseReport.Trial(label, "rolled-back",
                            round1(t.actualImprovementPercent()), round3(t.beforeSummary().medianMillis()),
                            round3(t.afterSummary().medianMillis()), t.after().size(), t.pValue(), t.significant(),
                            null, AdviseReport.BoundValue.of(binding.parameters()))));
                } catch (TargetException e) {
                    items.add(item.withTrial(AdviseReport.Trial.skipped(label, "trial failed, nothing changed: "
                            + e.userMessage())));
                }
            }
        }
        return items;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Every explainable statement of every file; the others are reported as skipped with the reason. */
    static void statements(List<SqlFiles.SqlFile> files, List<WorkloadStatement> out,
                           List<AdviseReport.Skipped> skipped) {
        for (SqlFiles.SqlFile f : files) {
            List<SqlStatement> all = SqlScript.split(f.text());
            for (int i = 0; i < all.size(); i++) {
                SqlStatement s = all.get(i);
                String label = all.size() == 1 ? f.display() : f.display() + "#" + (i + 1);
                if (s.kind().isExplainable()) {
                    out.add(WorkloadStatement.of(label, s.text()));
                } else {
                    skipped.add(new AdviseReport.Skipped(label, (s.command().isEmpty() ? "this statement"
                            : s.command()) + " has no plan to improve (line " + s.line() + ")"));
                }
            }
        }
    }

    private AdviseReport report(IndexAdvice advice, ConnectionInfo connection, int statements,
                                List<AdviseReport.Skipped> notExplainable) {
        List<AdviseReport.Item> items = new ArrayList<>();
        int chosen = 0;
        for (Recommendation r : advice.recommendations()) {
            IndexAdvice.ChosenIndex c = r.kind() == RecommendationKind.INDEX && chosen < advice.chosen().size()
                    ? advice.chosen().get(chosen++) : null;
            AdviseReport.Item item = AdviseReport.item(r, c);
            if (c != null) {
                List<AdviseReport.CostedWith> with = new ArrayList<>();
                for (IndexAdvice.StatementCost sc : advice.statements()) {
                    if (c.helps().contains(sc.label()) && !sc.boundParameters().isEmpty()) {
                        with.add(new AdviseReport.CostedWith(sc.label(),
                                AdviseReport.BoundValue.of(sc.boundParameters())));
                    }
                }
                item = item.withCostedWith(with);
            }
            items.add(item);
        }
        List<AdviseReport.Skipped> skipped = new ArrayList<>(notExplainable);
        advice.skipped().forEach(s -> skipped.add(new AdviseReport.Skipped(s.label(), s.reason())));
        AdviseReport.Workload workload = new AdviseReport.Workload(statements, advice.statements().size(),
                advice.candidates(), advice.explainCalls(), Math.round(advice.elapsedMillis()), advice.totalBytes(),
                Math.round(advice.geomeanCostRatio() * 1000) / 1000.0);
        return new AdviseReport(JsonReport.FORMAT_VERSION, VersionProvider.version(), connection, advice.method(),
                advice.lockNote().isEmpty() ? null : advice.lockNote(),
                !trial ? null : statements > 1 ? AdviseWorkloadTrial.METHOD : TRIAL_METHOD, workload,
                advice.statements().stream().map(s -> new AdviseReport.StatementCost(s.label(),
                        Math.round(s.costBefore() * 100) / 100.0, Math.round(s.costAfter() * 100) / 100.0,
                        AdviseReport.BoundValue.of(s.boundParameters()))).toList(),
                skipped, items, null);
    }
}
