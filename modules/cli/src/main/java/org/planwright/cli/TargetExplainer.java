package org.planwright.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.planwright.cli.report.StatementResult;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightContext;
import org.planwright.plans.InsightEngine;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParseException;
import org.planwright.plans.PlanParser;
import org.planwright.sqltext.SqlStatement;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.ExplainOptions;
import org.planwright.targetdb.ExplainResult;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StatementExplainer} on a real target session: EXPLAIN (or EXPLAIN ANALYZE with BUFFERS, VERBOSE,
 * SETTINGS) through {@link TargetSession#explain}, whose safety rules apply (read-only session, every EXPLAIN in a
 * rolled-back transaction), then {@link PlanParser}. One session for the whole run; a JVM shutdown (Ctrl+C) closes
 * it, which cancels a running statement on the server. Used by one thread.
 */
final class TargetExplainer implements StatementExplainer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TargetExplainer.class);

    private final TargetSession session;
    private final ExplainOptions options;
    private final InsightEngine insights = new InsightEngine();
    private final Thread closeOnExit;
    private PlanCaptureSink captures;

    private TargetExplainer(TargetSession session, ExplainOptions options) {
        this.session = session;
        this.options = options;
        this.closeOnExit = new Thread(session::close, "planwright-close-session");
        Runtime.getRuntime().addShutdownHook(closeOnExit);
    }

    /**
     * Connects. The password comes from the terminal when {@code --password-prompt} was given and a terminal is
     * attached, else from the connection string or service file, else from the password file or
     * {@code PGPASSWORD} ({@link PasswordSource}), else none.
     *
     * @param request     URL, user, statement timeout, prompt flag
     * @param environment environment variables and prompt
     * @param err         where to warn (standard error)
     * @param analyze     true for EXPLAIN ANALYZE
     * @return the open explainer; close it
     * @throws TargetException when the connection fails (its {@code userMessage()} is one line)
     */
    static TargetExplainer open(ExplainCommand.ConnectRequest request, CliEnvironment environment, PrintWriter err,
                                boolean analyze) throws TargetException {
        TargetSession session = ConnectionOptions.open(request, environment, err);
        return new TargetExplainer(session, analyze ? ExplainOptions.analyze() : ExplainOptions.plain());
    }

    static char[] password(ExplainCommand.ConnectRequest request, ConnectionProfile profile,
                                   CliEnvironment environment, PrintWriter err) {
        if (request.passwordPrompt()) {
            String who = profile.effectiveUser() == null ? "" : " for " + profile.effectiveUser();
            Optional<char[]> typed = environment.prompt().ask("Password" + who + ": ");
            if (typed.isPresent()) {
                return typed.get();
            }
            err.println("planwright: --password-prompt ignored: no interactive terminal; using ~/.pgpass or "
                    + "PGPASSWORD");
            err.flush();
        }
        if (request.password() != null) {
            return request.password();
        }
        return new PasswordSource(environment.env()).find(profile).map(PasswordSource.Found::password).orElse(null);
    }

    /** Captures every plan from now on into a workspace ({@code --workspace}). */
    void captureInto(PlanCaptureSink sink) {
        this.captures = sink;
    }

    /** @return the session user as the server reports it */
    String sessionUser() {
        return session.serverInfo().user();
    }

    /** @return the server's version text, e.g. "18.1" */
    String serverVersion() {
        return session.serverInfo().version();
    }

    @Override
    public StatementResult explain(String file, int number, SqlStatement statement) {
        ExplainResult result;
        try {
            result = session.explain(statement.text(), options);
        } catch (TargetException e) {
            LOG.debug("{} statement {} failed", file, number, e);
            return ReportMapping.failed(file, number, statement, e);
        }
        try {
            Plan plan = PlanParser.parse(result.planText());
            if (captures != null) {
                captures.capture(statement.text(), result, plan);
            }
            return ReportMapping.ok(file, number, statement, plan, analyze(plan, file, number));
        } catch (PlanParseException e) {
            LOG.warn("{} statement {}: the plan could not be parsed", file, number, e);
            return ReportMapping.planUnreadable(file, number, statement, e);
        }
    }

    /**
     * A failing insight rule must not cost the plan: it is logged (WARN, standard error) and left out. Plans with
     * ANALYZE get the scanned tables' statistics for the stale-statistics tip; if they cannot be read, only that
     * tip is lost.
     */
    private List<Insight> analyze(Plan plan, String file, int number) {
        try {
            return insights.analyze(plan, plan.analyzed() ? tableStatistics(plan) : InsightContext.empty());
        } catch (RuntimeException e) {
            LOG.warn("{} statement {}: insights could not be computed: {}", file, number, e.toString(), e);
            return List.of();
        }
    }

    private InsightContext tableStatistics(Plan plan) {
        try {
            return InsightContext.withTableStatistics(session.tableStatistics(InsightContext.scannedTables(plan)));
        } catch (TargetException e) {
            LOG.warn("Table statistics not read, no stale-statistics tip: {}", e.getMessage());
            return InsightContext.empty();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook closes the session
            return;
        }
        session.close();
    }
}
