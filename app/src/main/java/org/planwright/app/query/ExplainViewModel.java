package org.planwright.app.query;

import java.util.List;
import java.util.function.Supplier;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.app.connection.ConnectionViewModel;
import org.planwright.app.editor.EditorTabViewModel;
import org.planwright.app.editor.EditorTabsViewModel;
import org.planwright.app.error.ErrorReporter;
import org.planwright.app.plan.InsightItem;
import org.planwright.app.plan.PlanViewModel;
import org.planwright.app.results.ResultsViewModel;
import org.planwright.plans.InsightContext;
import org.planwright.plans.InsightEngine;
import org.planwright.plans.InsightThresholds;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import org.planwright.sqltext.SqlStatement;
import org.planwright.targetdb.ExplainOptions;
import org.planwright.targetdb.ExplainResult;
import org.planwright.targetdb.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EXPLAIN commands: Ctrl+E ({@link ExplainOptions#plain()}: estimates only) and Ctrl+Shift+E
 * ({@link ExplainOptions#analyze()}: ANALYZE, BUFFERS, VERBOSE, SETTINGS; the target runs it in a transaction it
 * rolls back) of the statement under the caret. The plan is parsed ({@link PlanParser}), analyzed
 * ({@link InsightEngine} with the thresholds in force at that moment, and for EXPLAIN ANALYZE the scanned tables'
 * statistics from {@code pg_stat_user_tables} for the stale-statistics tip), shown in {@link PlanViewModel} and
 * captured in the store. FX thread only.
 */
public final class ExplainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ExplainViewModel.class);

    private final EditorTabsViewModel editors;
    private final ConnectionViewModel connection;
    private final QueryViewModel queries;
    private final PlanViewModel plan;
    private final ResultsViewModel results;
    private final BackgroundExecutor executor;
    private final PlanCaptureRecorder captures;
    private final Supplier<InsightThresholds> thresholds;

    /**
     * @param editors    the editor tabs
     * @param connection the active connection
     * @param queries    shares the "running" state and cancel with the Query commands
     * @param plan       where the plan shows
     * @param results    where errors go
     * @param executor   background work
     * @param captures   stores each plan
     */
    public ExplainViewModel(EditorTabsViewModel editors, ConnectionViewModel connection, QueryViewModel queries,
                            PlanViewModel plan, ResultsViewModel results, BackgroundExecutor executor,
                            PlanCaptureRecorder captures) {
        this(editors, connection, queries, plan, results, executor, captures, InsightThresholds::defaults);
    }

    /**
     * As above, with the insight thresholds read at each analysis (called on a worker thread).
     *
     * @param thresholds the thresholds in force, e.g. {@code InsightPreferences::current}
     */
    public ExplainViewModel(EditorTabsViewModel editors, ConnectionViewModel connection, QueryViewModel queries,
                            PlanViewModel plan, ResultsViewModel results, BackgroundExecutor executor,
                            PlanCaptureRecorder captures, Supplier<InsightThresholds> thresholds) {
        this.thresholds = thresholds;
        this.editors = editors;
        this.connection = connection;
        this.queries = queries;
        this.plan = plan;
        this.results = results;
        this.executor = executor;
        this.captures = captures;
    }

    /**
     * Explains the statement under the caret of the selected tab.
     *
     * @param analyze true for EXPLAIN ANALYZE (the statement executes; its changes are rolled back)
     */
    public void explain(boolean analyze) {
        SqlStatement statement = editors.selected().flatMap(EditorTabViewModel::statementAtCaret).orElse(null);
        if (statement == null) {
            queries.end("No statement under the cursor");
            return;
        }
        ExplainOptions options = analyze ? ExplainOptions.analyze() : ExplainOptions.plain();
        if (!queries.begin((analyze ? "EXPLAIN ANALYZE of " : "EXPLAIN of ") + statement.command() + "…")) {
            return;
        }
        ActiveConnection c = connection.active().orElseThrow();
        executor.submit(() -> explainInBackground(c, statement, options),
                r -> shown(statement, r),
                e -> failed(statement, e));
    }

    private Explained explainInBackground(ActiveConnection c, SqlStatement statement, ExplainOptions options)
            throws TargetException {
        ExplainResult result = c.with(s -> s.explain(statement.text(), options));
        boolean postgres = result.format() == ExplainResult.PlanFormat.POSTGRES_JSON;
        Plan parsed;
        try {
            parsed = PlanParser.parse(result.planText()); // H2's EXPLAIN too: its tables and access paths
        } catch (PlanParseException e) {
            if (postgres) {
                throw e;
            }
            return new Explained(result, null, List.of()); // an H2 statement without tables: shown as text
        }
        InsightContext context = postgres && options.useAnalyze() ? tableStatistics(c, parsed) : InsightContext.empty();
        List<InsightItem> items = new InsightEngine(thresholds.get()).analyze(parsed, context).stream()
                .map(InsightItem::of).toList();
        if (postgres) {
            captures.capture(c, statement.text(), result, parsed);
        }
        return new Explained(result, parsed, items);
    }

    /** The scanned tables' statistics; a failure only costs the stale-statistics tip, so it is logged. */
    private static InsightContext tableStatistics(ActiveConnection c, Plan plan) {
        try {
            return InsightContext.withTableStatistics(
                    c.with(s -> s.tableStatistics(InsightContext.scannedTables(plan))));
        } catch (TargetException e) {
            LOG.warn("Table statistics not read, no stale-statistics tip: {}", e.getMessage());
            return InsightContext.empty();
        }
    }

    private void shown(SqlStatement statement, Explained e) {
        if (e.plan() == null) {
            results.info("Plan (" + e.result().format() + "):\n" + e.result().planText());
            queries.end("Plan shown as text");
            return;
        }
        plan.show(e.plan(), statement.text(), e.insights(), e.result().planText());
        queries.end((e.result().options().useAnalyze() ? "EXPLAIN ANALYZE" : "EXPLAIN") + " · "
                + PlanViewModel.headerOf(e.plan())
                + (e.result().rolledBack() && e.result().options().useAnalyze() ? " · rolled back" : ""));
    }

    private void failed(SqlStatement statement, Throwable error) {
        Throwable e = ErrorReporter.unwrap(error);
        if (e instanceof TargetException te) {
            queries.showError(statement, te);
            queries.end(te.reason() == TargetException.Reason.CANCELLED ? "Cancelled" : "EXPLAIN failed");
        } else if (e instanceof PlanParseException pe) {
            results.error("The plan could not be read: " + pe.getMessage(), 0, 0);
            queries.end("EXPLAIN failed");
        } else {
            results.error(ErrorReporter.describe(e), 0, 0);
            queries.end("EXPLAIN failed");
        }
    }

    private record Explained(ExplainResult result, Plan plan, List<InsightItem> insights) {
    }
}
