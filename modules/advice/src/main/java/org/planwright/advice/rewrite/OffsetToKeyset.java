package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.planwright.advice.Evidence;
import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;

/**
 * {@code ... ORDER BY k LIMIT n OFFSET m} → keyset paging {@code ... AND k > :last ORDER BY k LIMIT n}: OFFSET reads
 * and throws away m rows for every page, a keyset page starts at the index entry after the previous page's last key.
 * Needs a single-table query ordered by one NOT NULL column with a unique index (so "after the last key" is exact).
 * The rewrite shown is this page's: {@code :last} is read from the database (the key of row m, one read-only query)
 * and written as a literal; the application keeps the last key of the page it showed instead.
 */
final class OffsetToKeyset implements RewriteRule {

    /** Offsets below this are cheap enough to leave (PostgreSQL reads m + n rows; 100 rows is a few ms at most). */
    static final long MIN_OFFSET = 100;

    @Override
    public String name() {
        return "offset-to-keyset";
    }

    @Override
    public List<RewriteProposal> propose(QueryUnderAdvice q) throws TargetException {
        PlainSelect ps = q.parse().orElse(null);
        if (ps == null || ps.getOffset() == null || ps.getLimit() == null || ps.getOrderByElements() == null
                || ps.getOrderByElements().size() != 1 || (ps.getJoins() != null && !ps.getJoins().isEmpty())
                || ps.getDistinct() != null || ps.getGroupBy() != null || ps.getHaving() != null
                || !(ps.getFromItem() instanceof Table table)
                || !(ps.getOffset().getOffset() instanceof LongValue offsetValue)
                || offsetValue.getValue() < MIN_OFFSET) {
            return List.of();
        }
        OrderByElement order = ps.getOrderByElements().getFirst();
        if (!(order.getExpression() instanceof Column key) || order.getNullOrdering() != null) {
            return List.of();
        }
        String ref = Trees.referenceName(table).orElseThrow();
        String qualifier = Trees.qualifier(key);
        if (!(qualifier.isEmpty() || qualifier.equals(ref))) {
            return List.of();
        }
        String tableName = Trees.tableText(table);
        if (!q.catalog().column(tableName, key.getColumnName()).notNull()
                || !q.catalog().coversUniqueKey(tableName, Set.of(key.getColumnName()))) {
            return List.of();
        }
        long m = offsetValue.getValue();
        Expression where = ps.getWhere();
        String k = ref + "." + key.getColumnName();
        String lastKeySql = "SELECT quote_literal(" + k + ") FROM " + table + (where == null ? "" : " WHERE " + where)
                + " ORDER BY " + k + (order.isAsc() ? "" : " DESC") + " LIMIT 1 OFFSET " + (m - 1);
        QueryResult r = q.catalog().session().execute(lastKeySql, 1);
        if (r.rows().isEmpty() || r.rows().getFirst()[0] == null) {
            return List.of();
        }
        String last = String.valueOf(r.rows().getFirst()[0]);
        List<String> parts = new ArrayList<>();
        Trees.conjuncts(where).forEach(e -> parts.add(e.toString()));
        parts.add(k + (order.isAsc() ? " > " : " < ") + last);
        ps.setWhere(Trees.condition(Trees.and(parts)));
        ps.setOffset(null);
        List<Evidence> ev = new ArrayList<>();
        ev.add(new Evidence("OFFSET " + m, "every page reads and discards " + m + " rows before returning "
                + ps.getLimit().getRowCount()));
        ev.add(new Evidence("keyset", k + " is NOT NULL with a unique index; this page starts after " + last
                + " (the key of row " + m + "): the application passes the previous page's last key"));
        q.plan().flatMap(p -> p.nodesOfType("Limit").stream().findFirst()).ifPresent(n ->
                ev.add(new Evidence(n.label(), "rows read below the Limit node: " + n.children().stream()
                        .mapToDouble(c -> c.actualRows().orElse(c.planRows().orElse(0))).sum())));
        return List.of(new RewriteProposal(name(), "OFFSET " + m + " paging as keyset paging on " + k,
                ps.toString(), ev));
    }
}
