package org.planwright.cli;

import org.planwright.cli.report.StatementResult;
import org.planwright.sqltext.SqlStatement;

/**
 * Explains one explainable statement and maps the outcome to the CLI's own {@link StatementResult}. Must not
 * throw for a statement's failure: a failed statement is a result with status failed.
 */
interface StatementExplainer {

    /**
     * @param file      the file's display name
     * @param number    1-based statement number within the file
     * @param statement the statement, positioned in its file; its kind is explainable
     * @return the result (ok with plan and insights, or failed with a positioned error)
     */
    StatementResult explain(String file, int number, SqlStatement statement);
}
