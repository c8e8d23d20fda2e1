package org.planwright.advice.rewrite;

import java.util.Objects;
import org.planwright.advice.Cancellation;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.StatementKind;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * Runs a query and its rewrite on the connected database and compares the rows they return, without fetching
 * them: the server computes, per query, the row count and a checksum over the rows' text form
 * ({@code ROW(r.*)::text}, the row as psql would print it in one value).
 *
 * <ul>
 *   <li>Order-independent checksum (a multiset hash): the sum, as {@code numeric}, of the first 64 bits of each
 *   row's md5 — equal for the same rows in any order, different when a row is missing, added or repeated another
 *   number of times (up to a 2<sup>-64</sup>-per-row collision).</li>
 *   <li>Order-sensitive checksum, for a query that orders its rows: md5 over the rows' md5s in the order the query
 *   returned them (an aggregate over a subquery reads the subquery's output order; PostgreSQL documentation,
 *   "Aggregate Expressions"). Ties of the ORDER BY may come back in another order: then the rewrite is refused,
 *   which errs on the safe side.</li>
 * </ul>
 *
 * The session must be read-only (an analysis session); each query runs under its statement timeout. Only SELECT
 * (and WITH without data-modifying parts) is compared.
 */
public final class ResultEquivalence {

    private ResultEquivalence() {
    }

    /**
     * @param session      a read-only PostgreSQL session with a statement timeout
     * @param original     the query as the DBA wrote it (one statement, a trailing semicolon allowed)
     * @param rewritten    the rewrite
     * @param ordered      true when the original orders its rows (ORDER BY at the top level)
     * @param cancellation stops the work between and during the two queries
     * @return the comparison
     * @throws TargetException {@code UNSUPPORTED_STATEMENT} when the session is not read-only or the statement is not a
     *                         query; {@code TIMEOUT} when a query ran out of the statement timeout; {@code SQL_ERROR}
     *                         when one fails (a rewrite that fails is never offered); {@code CANCELLED}
     */
    public static Verification compare(TargetSession session, String original, String rewritten, boolean ordered,
                                       Cancellation cancellation) throws TargetException {
        Objects.requireNonNull(session, "session");
        if (!session.options().readOnly()) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED_STATEMENT,
                    "Rewrites are verified in a read-only session only", null, null, null);
        }
        cancellation.attach(session);
        cancellation.check();
        long t0 = System.nanoTime();
        Object[] a = checksum(session, original, ordered);
        double ma = (System.nanoTime() - t0) / 1e6;
        cancellation.check();
        long t1 = System.nanoTime();
        Object[] b = checksum(session, rewritten, ordered);
        double mb = (System.nanoTime() - t1) / 1e6;
        long rowsA = ((Number) a[0]).longValue();
        long rowsB = ((Number) b[0]).longValue();
        String sumA = String.valueOf(a[1]);
        String sumB = String.valueOf(b[1]);
        boolean same = rowsA == rowsB && sumA.equals(sumB) && (!ordered || String.valueOf(a[2]).equals(String.valueOf(b[2])));
        return new Verification(same, ordered, rowsA, rowsB, shorten(sumA), shorten(sumB), ma, mb);
    }

    /** @return the SQL that computes count, order-independent and ordered checksums of {@code query}'s rows */
    static String checksumSql(String query) {
        return "SELECT count(*),"
                + " md5(coalesce(sum(('x' || substr(md5(ROW(pw_r.*)::text), 1, 16))::bit(64)::bigint::numeric),"
                + " 0)::text),"
                + " md5(coalesce(string_agg(md5(ROW(pw_r.*)::text), ','), ''))"
                + " FROM (\n" + body(query) + "\n) pw_r";
    }

    private static Object[] checksum(TargetSession session, String query, boolean ordered) throws TargetException {
        SqlStatement st = SqlStatement.of(query);
        if (st.kind() != StatementKind.QUERY) {
            throw new TargetException(TargetException.Reason.UNSUPPORTED_STATEMENT,
                    "Only queries are compared row by row, not " + st.command(), null, null, null);
        }
        QueryResult r = session.execute(checksumSql(query), 1);
        return r.rows().getFirst();
    }

    /** @return the statement without trailing semicolons */
    static String body(String query) {
        String s = query.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static String shorten(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) : checksum;
    }
}
