package org.planwright.advice.trial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetException.Reason;
import org.planwright.targetdb.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a recommendation for real, committed — only with the DBA's explicit confirmation. Index changes use
 * {@code CREATE INDEX CONCURRENTLY} / {@code DROP INDEX CONCURRENTLY} (PostgreSQL "Building Indexes Concurrently":
 * writes go on while it builds; it cannot run inside a transaction block), each statement in autocommit. When a
 * concurrent build fails it leaves an INVALID index behind: the undo SQL runs then, so a failed apply leaves nothing.
 * Rewrites and {@code SET LOCAL} settings are not applied to the server (the application's query or transaction
 * changes), so they are refused.
 *
 * <p>Thread rules: blocking; a virtual thread; the session is read-write and used by this thread only.
 */
public final class ChangeApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);
    private static final Pattern INDEX_DDL = Pattern.compile("(?i)^(\\s*(?:CREATE\\s+(?:UNIQUE\\s+)?|DROP\\s+)INDEX)"
            + "(\\s+)(?!CONCURRENTLY\\b)");

    /**
     * @param session   a read-write session, no transaction open
     * @param rec       the recommendation
     * @param confirmed the DBA's explicit confirmation; without it nothing runs
     * @return what ran and how to undo it (store the undo SQL)
     * @throws TargetException {@code UNSUPPORTED_STATEMENT} without confirmation, for a read-only session, a rewrite
     *                         or a setting; {@code SQL_ERROR} / {@code TIMEOUT} when a statement fails (an index
     *                         left INVALID is dropped again first)
     */
    public AppliedChange apply(TargetSession session, Recommendation rec, boolean confirmed) throws TargetException {
        Objects.requireNonNull(rec, "rec");
        if (!confirmed) {
            throw unsupported("Applying changes the database for good: it needs the DBA's explicit confirmation");
        }
        if (rec.kind() == RecommendationKind.REWRITE || rec.kind() == RecommendationKind.SETTING) {
            throw unsupported(rec.kind() == RecommendationKind.REWRITE
                    ? "A rewrite is applied by changing the query in the application — copy the rewritten SQL"
                    : "SET LOCAL belongs in the transaction that runs the query — copy it there");
        }
        if (session.options().readOnly()) {
            throw unsupported("Applying needs a read-write session");
        }
        List<String> applied = new ArrayList<>();
        for (SqlStatement s : SqlScript.split(rec.sql())) {
            String sql = concurrently(s.text());
            try {
                session.execute(sql, 1);
                applied.add(sql);
            } catch (TargetException e) {
                undoQuietly(session, rec);
                throw e;
            }
        }
        return new AppliedChange(rec, String.join(";\n", applied), undoSql(rec), Instant.now());
    }

    /** @return the statement with CONCURRENTLY after CREATE [UNIQUE] INDEX / DROP INDEX, unless it is there */
    static String concurrently(String statement) {
        Matcher m = INDEX_DDL.matcher(statement);
        return m.find() ? m.replaceFirst("$1 CONCURRENTLY$2") : statement;
    }

    private static String undoSql(Recommendation rec) {
        List<String> out = new ArrayList<>();
        for (SqlStatement s : SqlScript.split(rec.undoSql())) {
            out.add(concurrently(s.text()));
        }
        return String.join(";\n", out);
    }

    private static void undoQuietly(TargetSession session, Recommendation rec) {
        for (SqlStatement s : SqlScript.split(rec.undoSql())) {
            try {
                session.execute(concurrently(s.text()), 1);
            } catch (TargetException e) {
                LOG.warn("Undo after a failed apply failed: {}", e.userMessage());
            }
        }
    }

    private static TargetException unsupported(String message) {
        return new TargetException(Reason.UNSUPPORTED_STATEMENT, message, null, null, null);
    }
}
