package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import org.planwright.advice.Evidence;

/**
 * {@code WHERE w AND (A OR B)} with A and B on different columns → one branch per disjunct joined by UNION ALL:
 * {@code ... WHERE w AND A UNION ALL ... WHERE w AND B AND (A) IS NOT TRUE}. Each branch can use its own index (an
 * OR across columns of different tables cannot). {@code IS NOT TRUE} keeps rows where A is false or NULL, so every row
 * comes exactly once — exact, duplicates included, unlike a plain UNION. Only queries whose output is plain columns
 * (no aggregates), without DISTINCT, GROUP BY, ORDER BY, LIMIT or OFFSET; at most four disjuncts.
 */
final class OrToUnionAll implements RewriteRule {

    private static final int MAX_BRANCHES = 4;

    @Override
    public String name() {
        return "or-to-union-all";
    }

    @Override
    public List<RewriteProposal> propose(QueryUnderAdvice q) {
        PlainSelect ps = q.parse().orElse(null);
        if (ps == null || ps.getDistinct() != null || !Trees.simple(ps) || ps.getWhere() == null) {
            return List.of();
        }
        for (SelectItem<?> item : ps.getSelectItems()) {
            if (!(item.getExpression() instanceof Column || item.getExpression() instanceof AllColumns)) {
                return List.of();
            }
        }
        List<Expression> parts = Trees.conjuncts(ps.getWhere());
        for (int i = 0; i < parts.size(); i++) {
            List<Expression> disjuncts = new ArrayList<>();
            disjuncts(unwrap(parts.get(i)), disjuncts);
            if (disjuncts.size() < 2 || disjuncts.size() > MAX_BRANCHES || !acrossColumns(disjuncts)) {
                continue;
            }
            List<String> rest = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                if (k != i) {
                    rest.add(parts.get(k).toString());
                }
            }
            List<String> branches = new ArrayList<>();
            for (int d = 0; d < disjuncts.size(); d++) {
                List<String> where = new ArrayList<>(rest);
                where.add(disjuncts.get(d).toString());
                for (int e = 0; e < d; e++) {
                    where.add("(" + disjuncts.get(e) + ") IS NOT TRUE");
                }
                ps.setWhere(Trees.condition(Trees.and(where)));
                branches.add(ps.toString());
            }
            List<Evidence> ev = List.of(new Evidence("OR across columns", parts.get(i)
                    + " — one index cannot serve both sides; each UNION ALL branch can use its own"));
            return List.of(new RewriteProposal(name(), "OR across columns as UNION ALL (" + disjuncts.size()
                    + " branches)", String.join("\nUNION ALL\n", branches), ev));
        }
        return List.of();
    }

    private static Expression unwrap(Expression e) {
        if (e instanceof Parenthesis p) {
            return unwrap(p.getExpression());
        }
        if (e instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
            return unwrap(l.getFirst());
        }
        return e;
    }

    private static void disjuncts(Expression e, List<Expression> out) {
        Expression u = unwrap(e);
        if (u instanceof OrExpression or) {
            disjuncts(or.getLeftExpression(), out);
            disjuncts(or.getRightExpression(), out);
        } else {
            out.add(u);
        }
    }

    /** @return true when the disjuncts do not all test the same single column (that is an IN list's job) */
    private static boolean acrossColumns(List<Expression> disjuncts) {
        Set<String> first = null;
        for (Expression d : disjuncts) {
            if (Trees.hasSubquery(d)) {
                return false;
            }
            List<Column> cols = Trees.columns(d);
            if (cols.isEmpty()) {
                return false;
            }
            Set<String> names = new java.util.TreeSet<>();
            cols.forEach(c -> names.add(Trees.qualifier(c) + "." + CatalogFacts.fold(c.getColumnName())));
            if (first == null) {
                first = names;
            } else if (!first.equals(names)) {
                return true;
            }
        }
        return false;
    }
}
