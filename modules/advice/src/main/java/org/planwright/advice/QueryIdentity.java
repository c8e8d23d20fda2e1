package org.planwright.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlToken;

/**
 * The ONE place that computes a recommendation's {@code target} (the query fingerprint) and its
 * {@code patternSignature} (see {@link Recommendation}). First versions; the learning work replaces the two methods'
 * bodies, everything else calls them.
 */
public final class QueryIdentity {

    private QueryIdentity() {
    }

    /**
     * The query fingerprint: the statement's tokens without comments, whitespace collapsed to one space, keywords and
     * unquoted names lower-cased, every literal (number, string) replaced by {@code $n} in order of appearance —
     * the shape pg_stat_statements normalises to.
     *
     * @param sql one statement
     * @return e.g. {@code select * from film where film_id = $1}
     */
    public static String target(String sql) {
        StringBuilder sb = new StringBuilder(sql.length());
        int n = 0;
        for (SqlToken t : SqlLexer.tokenize(sql)) {
            switch (t.type()) {
                case WHITESPACE, COMMENT -> {
                    if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                        sb.append(' ');
                    }
                }
                case NUMBER, STRING -> sb.append('$').append(++n);
                case QUOTED_IDENTIFIER -> sb.append(t.text());
                default -> sb.append(t.text().toLowerCase(Locale.ROOT));
            }
        }
        String s = sb.toString().strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    /**
     * The query's shape from the JSqlParser tree: statement kind, then the features present, joined by
     * {@code _}, e.g. {@code SELECT_JOIN(2)_SUBQUERY_GROUP_BY_ORDER_BY_LIMIT}.
     *
     * @param sql one statement
     * @return the signature, or empty when JSqlParser does not read the statement
     */
    public static String patternSignature(String sql) {
        Statement st;
        try {
            st = CCJSqlParserUtil.parse(sql);
        } catch (Exception | StackOverflowError e) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        String kind = st.getClass().getSimpleName().toUpperCase(Locale.ROOT);
        if (st instanceof Select select) {
            kind = "SELECT";
            if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
                parts.add("CTE");
            }
            if (select instanceof SetOperationList) {
                parts.add("SET_OPERATION");
            }
            if (select instanceof PlainSelect ps) {
                int joins = ps.getJoins() == null ? 0 : ps.getJoins().size();
                if (joins > 0) {
                    parts.add("JOIN(" + joins + ")");
                }
                if (ps.getDistinct() != null) {
                    parts.add("DISTINCT");
                }
                if (ps.getGroupBy() != null) {
                    parts.add("GROUP_BY");
                }
                if (ps.getHaving() != null) {
                    parts.add("HAVING");
                }
            }
            String lower = sql.toLowerCase(Locale.ROOT);
            if (lower.matches("(?s).*\\(\\s*select\\b.*")) {
                parts.add("SUBQUERY");
            }
            if (select.getOrderByElements() != null || select instanceof ParenthesedSelect) {
                if (select.getOrderByElements() != null) {
                    parts.add("ORDER_BY");
                }
            }
            if (select.getLimit() != null) {
                parts.add("LIMIT");
            }
            if (select.getOffset() != null) {
                parts.add("OFFSET");
            }
        }
        parts.addFirst(kind);
        return String.join("_", parts);
    }
}
