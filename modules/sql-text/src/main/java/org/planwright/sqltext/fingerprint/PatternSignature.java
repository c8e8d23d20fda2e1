package org.planwright.sqltext.fingerprint;

import java.util.Objects;

/**
 * A statement's pattern signature: its shape (statement kind, CTEs, joins by type and count, derived tables,
 * subqueries, aggregates, GROUP BY, HAVING, window functions, set operations, ORDER BY, LIMIT/OFFSET,
 * predicates by operator), e.g. {@code SELECT_INNER_JOIN(2)_AGG_GROUP_BY_ORDER_BY_LIMIT_PRED(EQ,GE)}.
 * Statements that differ only in constants, names or spelling share it. Grammar: {@code docs/query-fingerprints.md}.
 *
 * @param text         the signature; ends in {@code ~} when it comes from tokens
 * @param fromSyntaxTree true when JSqlParser parsed the statement and the signature comes from its tree; false
 *                     when it was read from the tokens (an approximation, for statements JSqlParser rejects, and
 *                     for utility and DDL statements, whose signature is their command words and needs no tree)
 */
public record PatternSignature(String text, boolean fromSyntaxTree) {

    public PatternSignature {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
