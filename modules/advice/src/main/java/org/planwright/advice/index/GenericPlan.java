package org.planwright.advice.index;

import java.util.Optional;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlToken;
import org.planwright.targetdb.ServerInfo;

/**
 * Planning statements with {@code $n} parameters, as pg_stat_statements stores them (its normalised constants):
 * PostgreSQL 16 added {@code EXPLAIN (GENERIC_PLAN)}, which plans such a statement without values, the plan a
 * prepared statement gets once it stops re-planning per value (PostgreSQL docs, "EXPLAIN": GENERIC_PLAN "allows
 * the statement to contain parameter placeholders like $1 ... cannot be used together with ANALYZE"). Plain EXPLAIN
 * stays for statements without parameters. Stateless and thread-safe.
 */
public final class GenericPlan {

    /** {@code server_version_num} of the first release with {@code EXPLAIN (GENERIC_PLAN)}: PostgreSQL 16. */
    public static final int MIN_VERSION_NUM = 160000;

    private GenericPlan() {
    }

    /**
     * @param sql one statement
     * @return true when it holds a {@code $n} positional parameter outside string constants, quoted identifiers and
     *     comments (read with the sql-text tokenizer; {@code $tag$...$tag$} is a string, not a parameter)
     */
    public static boolean hasParameters(String sql) {
        for (SqlToken t : SqlLexer.tokenize(sql)) {
            if (t.type() == SqlToken.Type.PARAMETER) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param versionNum the server's {@code server_version_num} (e.g. 150014)
     * @return true when that server can plan a statement with parameters ({@code EXPLAIN (GENERIC_PLAN)}, 16+)
     */
    public static boolean supported(int versionNum) {
        return versionNum >= MIN_VERSION_NUM;
    }

    /**
     * @param sql    one statement
     * @param server the connected server
     * @return why it cannot be planned there (it has parameters and the server is older than PostgreSQL 16), or
     *     empty when it can
     */
    public static Optional<String> unplannable(String sql, ServerInfo server) {
        if (supported(server.versionNum()) || !hasParameters(sql)) {
            return Optional.empty();
        }
        return Optional.of("has $n parameters (pg_stat_statements replaced its constants); planning it without "
                + "values needs EXPLAIN (GENERIC_PLAN) of PostgreSQL 16 or later, and this server is "
                + server.product() + " " + server.version() + " — run the advice on a folder of statements with "
                + "typical values instead");
    }

    /**
     * @param sql one statement
     * @return the what-if EXPLAIN of it: {@code EXPLAIN (VERBOSE, FORMAT JSON)}, plus {@code GENERIC_PLAN} when it
     *     has parameters (the caller has checked the server is 16+)
     */
    static String explain(String sql) {
        return (hasParameters(sql) ? "EXPLAIN (VERBOSE, FORMAT JSON, GENERIC_PLAN) "
                : "EXPLAIN (VERBOSE, FORMAT JSON) ") + sql;
    }

    /**
     * @param sql the statement
     * @return the cost-only what-if EXPLAIN of it: plain text {@code EXPLAIN}, plus {@code GENERIC_PLAN} when it has
     *     parameters — its first line carries the root's {@code cost=startup..total}; no VERBOSE target lists and no
     *     JSON to build, send and read (see {@link WhatIf#costOfTextPlan})
     */
    static String explainCost(String sql) {
        return (hasParameters(sql) ? "EXPLAIN (GENERIC_PLAN) " : "EXPLAIN ") + sql;
    }
}
