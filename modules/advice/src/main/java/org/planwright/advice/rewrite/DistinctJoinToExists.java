package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import org.planwright.advice.Evidence;
import org.planwright.targetdb.TargetException;

/**
 * {@code SELECT DISTINCT a.x, a.y FROM a JOIN b ON ... WHERE ...} whose output comes from the first table only →
 * {@code SELECT a.x, a.y FROM a WHERE ... AND EXISTS (SELECT 1 FROM b WHERE ...)}: the join multiplies the rows of
 * {@code a} by their matches and DISTINCT removes the copies again; a semi-join keeps each row of {@code a} once.
 * DISTINCT is dropped only when the output covers a unique key of {@code a} (catalog: primary key or unique index),
 * else kept. Only inner joins (or comma joins) of plain tables; every column qualified.
 */
final class DistinctJoinToExists implements RewriteRule {

    @Override
    public String name() {
        return "distinct-join-to-exists";
    }

    @Override
    public List<RewriteProposal> propose(QueryUnderAdvice q) throws TargetException {
        PlainSelect ps = q.parse().orElse(null);
        if (ps == null || ps.getDistinct() == null || ps.getDistinct().getOnSelectItems() != null
                || ps.getJoins() == null || ps.getJoins().isEmpty() || ps.getGroupBy() != null
                || ps.getHaving() != null || !(ps.getFromItem() instanceof Table keep)) {
            return List.of();
        }
        Map<String, Table> tables = Trees.tables(ps);
        if (tables.size() != ps.getJoins().size() + 1) {
            return List.of(); // a subquery or function in FROM
        }
        String keepRef = Trees.referenceName(keep).orElseThrow();
        Set<String> outputColumns = new LinkedHashSet<>();
        boolean allColumns = false;
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns atc && CatalogFacts.fold(atc.getTable().getName()).equals(keepRef)) {
                allColumns = true;
            } else if (e instanceof Column c && Trees.qualifier(c).equals(keepRef)) {
                outputColumns.add(c.getColumnName());
            } else {
                return List.of();
            }
        }
        List<Expression> conditions = new ArrayList<>(Trees.conjuncts(ps.getWhere()));
        List<String> others = new ArrayList<>();
        for (Join j : ps.getJoins()) {
            if (j.isLeft() || j.isRight() || j.isFull() || j.isOuter() || j.isCross() || j.isNatural() || j.isApply()
                    || j.isSemi() || (j.getUsingColumns() != null && !j.getUsingColumns().isEmpty())) {
                return List.of();
            }
            for (Expression on : j.getOnExpressions()) {
                conditions.addAll(Trees.conjuncts(on));
            }
            others.add(j.getRightItem().toString());
        }
        List<String> outer = new ArrayList<>();
        List<String> inner = new ArrayList<>();
        for (Expression c : conditions) {
            Set<String> qs = Trees.qualifiers(c);
            if (qs.contains("") || Trees.hasSubquery(c)) {
                return List.of();
            }
            (qs.size() == 1 && qs.contains(keepRef) ? outer : inner).add(c.toString());
        }
        if (inner.isEmpty()) {
            return List.of();
        }
        boolean unique = allColumns || q.catalog().coversUniqueKey(Trees.tableText(keep), outputColumns);
        outer.add("EXISTS (SELECT 1 FROM " + String.join(", ", others) + " WHERE " + Trees.and(inner) + ")");
        ps.setJoins(null);
        ps.setWhere(Trees.condition(Trees.and(outer)));
        if (unique) {
            ps.setDistinct(null);
        }
        List<Evidence> ev = List.of(new Evidence("DISTINCT over a join", "the output comes from " + keep
                + " only; the join with " + String.join(", ", others) + " multiplies its rows, DISTINCT removes them"
                + " again" + (unique ? "; the output covers a unique key of " + keep + ", so DISTINCT goes too" : "")));
        return List.of(new RewriteProposal(name(), "DISTINCT over a join as EXISTS (semi-join)", ps.toString(), ev));
    }
}
