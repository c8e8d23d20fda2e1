package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.planwright.advice.Evidence;
import org.planwright.plans.PlanNode;
import org.planwright.targetdb.TargetException;

/**
 * {@code x NOT IN (SELECT c FROM t WHERE w)} → {@code NOT EXISTS (SELECT 1 FROM t WHERE w AND c = x)}. PostgreSQL
 * cannot plan NOT IN as an anti-join because of its NULL semantics: one NULL {@code c} makes NOT IN yield no row,
 * and a NULL {@code x} drops the row unless the subquery is empty. The rewrite keeps those semantics exactly: when the
 * catalog says {@code c} may be NULL it matches {@code (c = x OR c IS NULL)}; when {@code x} may be NULL it adds
 * {@code (x IS NOT NULL OR NOT EXISTS (SELECT 1 FROM t WHERE w))}. With both columns NOT NULL the result is the plain
 * NOT EXISTS a DBA writes. Only a top-level AND-ed NOT IN over a one-table subquery with one plain column is taken.
 */
final class NotInToNotExists implements RewriteRule {

    @Override
    public String name() {
        return "not-in-to-not-exists";
    }

    @Override
    public List<RewriteProposal> propose(QueryUnderAdvice q) throws TargetException {
        PlainSelect ps = q.parse().orElse(null);
        if (ps == null) {
            return List.of();
        }
        List<Expression> parts = Trees.conjuncts(ps.getWhere());
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof InExpression in) || !in.isNot()
                    || !(in.getRightExpression() instanceof ParenthesedSelect sub)
                    || !(sub.getSelect() instanceof PlainSelect inner)
                    || !(in.getLeftExpression() instanceof Column outerCol)) {
                continue;
            }
            if (inner.getSelectItems().size() != 1 || !(inner.getFromItem() instanceof Table innerTable)
                    || (inner.getJoins() != null && !inner.getJoins().isEmpty()) || !Trees.simple(inner)
                    || !(inner.getSelectItems().getFirst().getExpression() instanceof Column innerCol)) {
                continue;
            }
            var outerTables = Trees.tables(ps);
            String outerRef = Trees.qualifier(outerCol);
            if (outerRef.isEmpty() && outerTables.size() == 1) {
                outerRef = outerTables.keySet().iterator().next();
            }
            Table outerTable = outerTables.get(outerRef);
            String innerRef = Trees.referenceName(innerTable).orElse("");
            String innerQualifier = Trees.qualifier(innerCol);
            if (outerTable == null || innerRef.isEmpty() || innerRef.equals(outerRef)
                    || !(innerQualifier.isEmpty() || innerQualifier.equals(innerRef))) {
                continue;
            }
            boolean innerNotNull = q.catalog().column(Trees.tableText(innerTable), innerCol.getColumnName()).notNull();
            boolean outerNotNull = q.catalog().column(Trees.tableText(outerTable), outerCol.getColumnName()).notNull();
            String x = outerRef + "." + outerCol.getColumnName();
            String c = innerRef + "." + innerCol.getColumnName();
            String match = innerNotNull ? c + " = " + x : "(" + c + " = " + x + " OR " + c + " IS NULL)";
            String w = inner.getWhere() == null ? null : inner.getWhere().toString();
            String notExists = "NOT EXISTS (SELECT 1 FROM " + innerTable + " WHERE "
                    + (w == null ? match : "(" + w + ") AND " + match) + ")";
            if (!outerNotNull) {
                notExists = "(" + notExists + " AND (" + x + " IS NOT NULL OR NOT EXISTS (SELECT 1 FROM " + innerTable
                        + (w == null ? "" : " WHERE " + w) + ")))";
            }
            List<String> newParts = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                newParts.add(k == i ? notExists : parts.get(k).toString());
            }
            ps.setWhere(Trees.condition(Trees.and(newParts)));
            List<Evidence> ev = new ArrayList<>();
            ev.add(new Evidence("NOT IN (subquery)", in + " — PostgreSQL runs NOT IN as a SubPlan per row (hashed"
                    + " only while the subquery's rows fit in work_mem), never as an anti-join"));
            ev.add(new Evidence("NULL semantics", c + (innerNotNull ? " is NOT NULL" : " may be NULL (kept: c IS NULL"
                    + " matches)") + "; " + x + (outerNotNull ? " is NOT NULL" : " may be NULL (kept: IS NOT NULL"
                    + " OR empty subquery)")));
            subPlan(q).ifPresent(n -> ev.add(new Evidence(n.label(), "filter " + n.filter().orElse("")
                    + (n.actualLoops().isPresent() ? ", " + n.actualLoops().getAsLong() + " loops" : ""))));
            return List.of(new RewriteProposal(name(), "NOT IN (subquery) on " + x + " as NOT EXISTS (anti-join)",
                    ps.toString(), ev));
        }
        return List.of();
    }

    private static Optional<PlanNode> subPlan(QueryUnderAdvice q) {
        return q.plan().flatMap(p -> p.nodes().stream()
                .filter(n -> n.filter().map(f -> f.contains("SubPlan") || f.contains("ANY")).orElse(false))
                .findFirst());
    }
}
