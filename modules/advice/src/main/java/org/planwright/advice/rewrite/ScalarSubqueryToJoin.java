package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import org.planwright.advice.Evidence;

/**
 * A correlated scalar subquery in the SELECT list, {@code (SELECT agg(b.y) FROM b WHERE b.k = a.k AND ...)}, runs
 * once per outer row (a SubPlan). Rewritten as a join with the aggregate grouped once:
 * {@code LEFT JOIN (SELECT b.k AS pw_key, agg(b.y) AS pw_value FROM b WHERE ... GROUP BY b.k) s ON s.pw_key = a.k},
 * so the planner can hash or merge it. Exact: the grouped side has one row per key, so the LEFT JOIN never multiplies
 * outer rows; an outer row without a match gets NULL as the scalar subquery does, and {@code count} gets
 * {@code coalesce(..., 0)} because a count over no rows is 0. Only one-table subqueries with one aggregate
 * ({@code count, sum, min, max, avg}), one correlated equality and no other outer references.
 */
final class ScalarSubqueryToJoin implements RewriteRule {

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "min", "max", "avg");

    @Override
    public String name() {
        return "correlated-subquery-to-join";
    }

    @Override
    public List<RewriteProposal> propose(QueryUnderAdvice q) {
        PlainSelect ps = q.parse().orElse(null);
        if (ps == null || ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) {
            return List.of();
        }
        Map<String, Table> outerTables = Trees.tables(ps);
        List<SelectItem<?>> items = ps.getSelectItems();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i).getExpression() instanceof ParenthesedSelect sub)
                    || !(sub.getSelect() instanceof PlainSelect inner) || inner.getSelectItems().size() != 1
                    || !(inner.getFromItem() instanceof Table innerTable) || !Trees.simple(inner)
                    || (inner.getJoins() != null && !inner.getJoins().isEmpty())
                    || !(inner.getSelectItems().getFirst().getExpression() instanceof Function agg)
                    || !AGGREGATES.contains(agg.getName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String innerRef = Trees.referenceName(innerTable).orElseThrow();
            if (outerTables.containsKey(innerRef)) {
                continue;
            }
            Column innerKey = null;
            Column outerKey = null;
            List<String> rest = new ArrayList<>();
            boolean ok = true;
            for (Expression c : Trees.conjuncts(inner.getWhere())) {
                if (c instanceof EqualsTo eq && eq.getLeftExpression() instanceof Column l
                        && eq.getRightExpression() instanceof Column r && innerKey == null) {
                    if (Trees.qualifier(l).equals(innerRef) && outerTables.containsKey(Trees.qualifier(r))) {
                        innerKey = l;
                        outerKey = r;
                        continue;
                    }
                    if (Trees.qualifier(r).equals(innerRef) && outerTables.containsKey(Trees.qualifier(l))) {
                        innerKey = r;
                        outerKey = l;
                        continue;
                    }
                }
                Set<String> qs = Trees.qualifiers(c);
                qs.remove("");
                qs.remove(innerRef);
                if (!qs.isEmpty() || Trees.hasSubquery(c)) {
                    ok = false;
                }
                rest.add(c.toString());
            }
            if (!ok || innerKey == null) {
                continue;
            }
            String alias = "pw_s" + (i + 1);
            String name = items.get(i).getAlias() != null ? items.get(i).getAlias().getName()
                    : agg.getName().toLowerCase(Locale.ROOT);
            String grouped = "SELECT " + innerKey + " AS pw_key, " + agg + " AS pw_value FROM " + innerTable
                    + (rest.isEmpty() ? "" : " WHERE " + Trees.and(rest)) + " GROUP BY " + innerKey;
            boolean count = "count".equalsIgnoreCase(agg.getName());
            String value = count ? "coalesce(" + alias + ".pw_value, 0)" : alias + ".pw_value";
            String subText = sub.toString();
            String outerKeyText = outerKey.toString();
            String text = ps.toString();
            int at = text.indexOf(subText);
            if (at < 0) {
                continue;
            }
            String replaced = text.substring(0, at) + value + (items.get(i).getAlias() == null ? " AS " + name : "")
                    + text.substring(at + subText.length());
            String join = " LEFT JOIN (" + grouped + ") " + alias + " ON " + alias + ".pw_key = " + outerKeyText;
            String rewritten = insertJoin(replaced, join);
            if (rewritten == null) {
                continue;
            }
            List<Evidence> ev = new ArrayList<>();
            ev.add(new Evidence("correlated scalar subquery", sub + " runs once per outer row"));
            q.plan().ifPresent(p -> p.nodes().stream()
                    .filter(n -> n.parentRelationship().map("SubPlan"::equals).orElse(false)
                            && n.actualLoops().isPresent())
                    .findFirst()
                    .ifPresent(n -> ev.add(new Evidence(n.label(), "SubPlan executed " + n.actualLoops().getAsLong()
                            + " times"))));
            return List.of(new RewriteProposal(name(), "Correlated subquery " + agg + " as a grouped LEFT JOIN",
                    rewritten, ev));
        }
        return List.of();
    }

    /** @return {@code text} with {@code join} after the FROM list (before WHERE/GROUP BY/ORDER BY/LIMIT), or null */
    private static String insertJoin(String text, String join) {
        String lower = text.toLowerCase(Locale.ROOT);
        int from = lower.indexOf(" from ");
        if (from < 0) {
            return null;
        }
        int end = text.length();
        for (String kw : List.of(" where ", " group by ", " having ", " window ", " order by ", " limit ", " offset ")) {
            int k = lower.indexOf(kw, from);
            if (k >= 0 && k < end) {
                end = k;
            }
        }
        if (lower.substring(from, end).contains("(")) {
            return null; // a subquery in FROM: leave it
        }
        return text.substring(0, end) + join + text.substring(end);
    }
}
