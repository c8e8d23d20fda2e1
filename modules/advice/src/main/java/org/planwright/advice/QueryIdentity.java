package org.planwright.advice;

import org.planwright.sqltext.fingerprint.QueryPatterns;

/**
 * The ONE place that computes a recommendation's {@code target} (the query fingerprint) and its
 * {@code patternSignature} (see {@link Recommendation}): both from sql-text's {@link QueryPatterns}
 * (docs/query-fingerprints.md), so that advice, trials and the learning loop name a query the same way.
 */
public final class QueryIdentity {

    private QueryIdentity() {
    }

    /**
     * The query fingerprint: pg_stat_statements' normalisation (every constant becomes {@code $n}, comments and
     * whitespace folded, keywords and unquoted names lower-cased), from a token-level pass that also works where
     * JSqlParser cannot parse.
     *
     * @param sql one statement
     * @return e.g. {@code SELECT * FROM film WHERE film_id = $1}
     */
    public static String target(String sql) {
        return QueryPatterns.of(sql).fingerprint().normalizedSql();
    }

    /**
     * The query's shape (statement kind, joins, subqueries, aggregates, ORDER BY/LIMIT, predicates by operator),
     * e.g. {@code SELECT_INNER_JOIN(2)_AGG_GROUP_BY_LIMIT}; from the JSqlParser tree, else from the tokens (then it
     * ends in {@code ~}).
     *
     * @param sql one statement
     * @return the signature
     */
    public static String patternSignature(String sql) {
        return QueryPatterns.of(sql).signature().text();
    }
}
