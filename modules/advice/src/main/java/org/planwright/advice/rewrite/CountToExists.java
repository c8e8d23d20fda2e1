package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import org.planwright.advice.Evidence;

/**
 * {@code (SELECT count(*) FROM ... WHERE ...) > 0} (or {@code >= 1}) → {@code EXISTS (SELECT 1 FROM ... WHERE ...)}
 * and {@code = 0} → {@code NOT EXISTS}: the count reads every matching row, EXISTS stops at the first. Exact for a
 * subquery without GROUP BY, HAVING, DISTINCT, LIMIT (count over no rows is 0, never NULL).
 */
final class CountToExists implements RewriteRule {

    @Override
    public String name() {
        return "count-to-exists";
    }

    @Override
    public List<RewriteProposal> propose(QueryUnderAdvice q) {
        PlainSelect ps = q.parse().orElse(null);
        if (ps == null) {
            return List.of();
        }
        List<Expression> parts = Trees.conjuncts(ps.getWhere());
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof ComparisonOperator cmp)
                    || !(cmp.getLeftExpression() instanceof ParenthesedSelect sub)
                    || !(sub.getSelect() instanceof PlainSelect inner)
                    || !(cmp.getRightExpression() instanceof LongValue v)) {
                continue;
            }
            Boolean exists = null;
            if (cmp instanceof GreaterThan && v.getValue() == 0 || cmp instanceof GreaterThanEquals && v.getValue() == 1) {
                exists = true;
            } else if (cmp instanceof EqualsTo && v.getValue() == 0) {
                exists = false;
            }
            if (exists == null || inner.getSelectItems().size() != 1 || !Trees.simple(inner)
                    || !(inner.getSelectItems().getFirst().getExpression() instanceof Function f)
                    || !"count".equalsIgnoreCase(f.getName()) || f.isDistinct()) {
                continue;
            }
            String counted = f.toString();
            inner.setSelectItems(new ArrayList<>(List.of(new SelectItem<>(new LongValue(1)))));
            String replacement = (exists ? "EXISTS (" : "NOT EXISTS (") + inner + ")";
            List<String> newParts = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                newParts.add(k == i ? replacement : parts.get(k).toString());
            }
            ps.setWhere(Trees.condition(Trees.and(newParts)));
            List<Evidence> ev = List.of(new Evidence("count(*) compared with 0", counted + " " + cmp.getStringExpression()
                    + " " + v + " counts every matching row; " + (exists ? "EXISTS" : "NOT EXISTS")
                    + " stops at the first"));
            return List.of(new RewriteProposal(name(), counted + " " + cmp.getStringExpression() + " " + v + " as "
                    + (exists ? "EXISTS" : "NOT EXISTS"), ps.toString(), ev));
        }
        return List.of();
    }
}
