package org.planwright.cli;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.planwright.cli.report.InsightResult;
import org.planwright.cli.report.PlanSummary;
import org.planwright.cli.report.StatementError;
import org.planwright.cli.report.StatementResult;
import org.planwright.cli.report.StatementStatus;
import org.planwright.plans.Insight;
import org.planwright.plans.InsightKind;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParseException;
import org.planwright.sqltext.SqlStatement;
import org.planwright.targetdb.ErrorPosition;
import org.planwright.targetdb.TargetException;

/**
 * The one place where the services' types (plans, target-db) become the CLI's report records, so that the JSON
 * contract does not change when the services' classes do. Stateless and thread-safe.
 */
final class ReportMapping {

    private ReportMapping() {
    }

    /**
     * @param file      the file's display name
     * @param number    1-based statement number in the file
     * @param statement the statement
     * @param plan      its parsed plan
     * @param insights  the insight engine's findings on it, ranked
     * @return an ok result
     */
    static StatementResult ok(String file, int number, SqlStatement statement, Plan plan, List<Insight> insights) {
        List<InsightResult> mapped = insights.stream().map(i -> insight(plan, i)).toList();
        return result(file, number, statement, StatementStatus.OK, null, summary(plan), mapped);
    }

    /**
     * @param plan    the plan the insight is about
     * @param insight one finding
     * @return it as a report record
     */
    static InsightResult insight(Plan plan, Insight insight) {
        return new InsightResult(kindLabel(insight.kind()), insight.score(), insight.impact(), insight.title(),
                insight.explanation(), insight.nodeIds(), nodeLabel(plan.node(insight.nodeIds().getFirst())),
                insight.evidence());
    }

    /** @return e.g. "row-misestimate" for ROW_MISESTIMATE */
    static String kindLabel(InsightKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @return the node as EXPLAIN's text format names it, e.g. "Seq Scan on lineitem", "HashAggregate",
     *     "CTE Scan on pay" (Aggregate nodes by their strategy, as EXPLAIN prints them)
     */
    static String nodeLabel(PlanNode node) {
        return node.label();
    }

    /**
     * @param file      the file's display name
     * @param number    1-based statement number in the file
     * @param statement the statement as sent to the server
     * @param e         the server's error, with its position within the statement when it gave one
     * @return a failed result whose error position is in file coordinates
     */
    static StatementResult failed(String file, int number, SqlStatement statement, TargetException e) {
        Integer line = null;
        Integer column = null;
        String message = e.userMessage();
        if (e.position().isPresent()) {
            ErrorPosition p = e.position().get();
            FilePositions.Position inFile = FilePositions.inFile(statement, p.line(), p.column());
            line = inFile.line();
            column = inFile.column();
        }
        if (e.reason() == TargetException.Reason.TIMEOUT) {
            message = "canceled by the statement timeout; raise it with --statement-timeout (0 for no limit)";
        }
        return result(file, number, statement, StatementStatus.FAILED,
                new StatementError(message, e.sqlState(), line, column), null, List.of());
    }

    /**
     * @param e the plan parser's complaint about the server's output (a Planwright bug or an unknown format)
     * @return a failed result without position (the position is inside the plan text, not the file)
     */
    static StatementResult planUnreadable(String file, int number, SqlStatement statement, PlanParseException e) {
        return result(file, number, statement, StatementStatus.FAILED,
                new StatementError("the server's plan could not be read: " + PlanwrightCommand.oneLine(e), null,
                        null, null), null, List.of());
    }

    /**
     * @param plan a parsed plan
     * @return its headline numbers; times in ms as the server reported them
     */
    static PlanSummary summary(Plan plan) {
        PlanNode root = plan.root();
        return new PlanSummary(plan.nodeCount(), root.nodeType(), boxed(root.totalCost()),
                boxed(root.planRows()), boxed(root.actualRows()), boxed(plan.planningTime()),
                boxed(plan.executionTime()));
    }

    private static StatementResult result(String file, int number, SqlStatement statement, StatementStatus status,
                                          StatementError error, PlanSummary plan, List<InsightResult> insights) {
        FilePositions.Position at = FilePositions.firstToken(statement);
        return new StatementResult(file, number, at.line(), at.column(),
                ExplainRun.kindLabel(statement.kind()), statement.text(), status, null, error, plan, insights);
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
