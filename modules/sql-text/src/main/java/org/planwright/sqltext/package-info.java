/**
 * PostgreSQL SQL text without a server: {@link org.planwright.sqltext.SqlLexer} tokens (psql scripts included),
 * {@link org.planwright.sqltext.SqlScript} statement splitting and the statement under the caret,
 * {@link org.planwright.sqltext.StatementKind}, {@link org.planwright.sqltext.SyntaxChecker} (lexical checks plus
 * JSqlParser), {@link org.planwright.sqltext.SqlHighlighting} style runs and
 * {@link org.planwright.sqltext.ExplainStatements}. Pure Java; no JavaFX, no JDBC.
 */
package org.planwright.sqltext;
