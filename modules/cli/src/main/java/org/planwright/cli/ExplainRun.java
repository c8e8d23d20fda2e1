package org.planwright.cli;

import java.util.List;
import java.util.Locale;
import org.planwright.cli.SqlFiles.SqlFile;
import org.planwright.cli.report.ReportHeader;
import org.planwright.cli.report.ReportWriter;
import org.planwright.cli.report.StatementResult;
import org.planwright.cli.report.StatementStatus;
import org.planwright.cli.report.Summary;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.StatementKind;

/**
 * One run of {@code planwright explain}: every statement of every file, in order, through a
 * {@link StatementExplainer}, into a {@link ReportWriter}. A failing statement does not stop the run.
 * Statements PostgreSQL cannot EXPLAIN (DDL, SET and other utility commands, psql meta-commands, EXPLAIN
 * itself) are reported as skipped and are not run, so nothing they would create exists for later statements.
 */
final class ExplainRun {

    private final StatementExplainer explainer;
    private final ReportWriter writer;

    ExplainRun(StatementExplainer explainer, ReportWriter writer) {
        this.explainer = explainer;
        this.writer = writer;
    }

    /**
     * @param header the report header
     * @param files  the files, in order
     * @return the counts; {@link Summary#failed()} above zero means exit code 1
     */
    Summary run(ReportHeader header, List<SqlFile> files) {
        writer.start(header);
        Summary summary = Summary.empty();
        for (SqlFile file : files) {
            int number = 0;
            for (SqlStatement statement : SqlScript.split(file.text())) {
                if (statement.kind() == StatementKind.EMPTY) {
                    continue;
                }
                number++;
                StatementResult result = statement.kind().isExplainable()
                        ? explainer.explain(file.display(), number, statement)
                        : skipped(file.display(), number, statement);
                writer.statement(result);
                summary = summary.plus(result);
            }
        }
        writer.finish(summary);
        return summary;
    }

    static StatementResult skipped(String file, int number, SqlStatement statement) {
        FilePositions.Position at = FilePositions.firstToken(statement);
        return new StatementResult(file, number, at.line(), at.column(), kindLabel(statement.kind()),
                statement.text(), StatementStatus.SKIPPED, skipReason(statement), null, null, List.of());
    }

    /** @return the statement kind as reports spell it: lower case with hyphens, e.g. "data-modifying-with" */
    static String kindLabel(StatementKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String skipReason(SqlStatement statement) {
        String command = statement.command().isEmpty() ? "this statement" : statement.command();
        return switch (statement.kind()) {
            case DDL -> command + " is DDL, which PostgreSQL cannot EXPLAIN; it was not run";
            case EXPLAIN -> "already an EXPLAIN; give the statement itself and planwright adds EXPLAIN";
            default -> statement.text().startsWith("\\")
                    ? "psql meta-command; it was not run"
                    : command + " is a utility command, which PostgreSQL cannot EXPLAIN; it was not run";
        };
    }
}
