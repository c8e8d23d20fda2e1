package org.planwright.advice.parameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Finds, in a parsed statement, what each {@code $n} parameter is compared with: one {@link ParameterUse} per
 * occurrence. Scopes follow SQL's: a column is looked up in the FROM list of its own SELECT first, then in the
 * enclosing ones (correlated sub-queries). A comparison's parameter side may be parenthesised or cast
 * ({@code $1::date}); its column side may be cast too ({@code o_orderdate::text = $1}). Not thread-safe; one
 * instance per statement.
 */
final class ParameterUses {

    private final List<ParameterUse> uses = new ArrayList<>();
    private final Set<JdbcParameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private ParameterUses() {
    }

    /**
     * @param statement a parsed statement
     * @return every occurrence of a {@code $n} parameter with what it is compared with, in tree order
     */
    static List<ParameterUse> of(Statement statement) {
        ParameterUses u = new ParameterUses();
        List<Map<String, String>> none = List.of();
        switch (statement) {
            case Select s -> u.select(s, none, true);
            case Insert i -> u.insert(i);
            case Update up -> u.update(up);
            case Delete d -> u.delete(d);
            default -> {
                // other statements have no plan to improve: their parameters stay unclassified
            }
        }
        return u.uses;
    }

    private void withItems(List<WithItem<?>> items, List<Map<String, String>> outer) {
        if (items != null) {
            for (WithItem<?> w : items) {
                if (w.getSelect() != null) {
                    select(w.getSelect(), outer);
                }
            }
        }
    }

    private void select(Select s, List<Map<String, String>> outer) {
        select(s, outer, false);
    }

    /**
     * @param top true for the statement's own result (not a sub-query, derived table or CTE): only a parameter in
     *            its select list is output alone, one in a sub-query's select list is compared by the outer query
     */
    private void select(Select s, List<Map<String, String>> outer, boolean top) {
        withItems(s.getWithItemsList(), outer);
        switch (s) {
            case PlainSelect ps -> plain(ps, outer, top);
            case SetOperationList sol -> sol.getSelects().forEach(x -> select(x, outer, top));
            case ParenthesedSelect p -> select(p.getSelect(), outer, top);
            case Values v -> expression(v.getExpressions(), outer, false);
            default -> {
                // other select kinds (LATERAL VIEW, TABLE ...): nothing to read
            }
        }
        limit(s.getLimit(), s.getOffset(), s instanceof PlainSelect ps ? ps.getLimit() : null);
    }

    private void limit(Limit limit, Offset offset, Limit plainLimit) {
        for (Limit l : new Limit[] {limit, plainLimit}) {
            if (l != null) {
                JdbcParameter p = parameter(l.getRowCount());
                if (p != null && seen.add(p)) {
                    uses.add(new ParameterUse(p.getIndex(), ParameterUse.Kind.LIMIT, null, null, List.of(), null, 0,
                            "LIMIT " + p, false, false));
                }
                JdbcParameter o = parameter(l.getOffset());
                if (o != null && seen.add(o)) {
                    uses.add(new ParameterUse(o.getIndex(), ParameterUse.Kind.OFFSET, null, null, List.of(), null, 0,
                            "OFFSET " + o, false, false));
                }
            }
        }
        if (offset != null) {
            JdbcParameter o = parameter(offset.getOffset());
            if (o != null && seen.add(o)) {
                uses.add(new ParameterUse(o.getIndex(), ParameterUse.Kind.OFFSET, null, null, List.of(), null, 0,
                        "OFFSET " + o, false, false));
            }
        }
    }

    private void plain(PlainSelect ps, List<Map<String, String>> outer, boolean top) {
        Map<String, String> tables = new LinkedHashMap<>();
        List<Map<String, String>> scope = new ArrayList<>();
        scope.add(tables);
        scope.addAll(outer);
        from(ps.getFromItem(), tables, scope, outer);
        if (ps.getJoins() != null) {
            for (Join j : ps.getJoins()) {
                from(j.getFromItem(), tables, scope, outer);
            }
            for (Join j : ps.getJoins()) {
                if (j.getOnExpressions() != null) {
                    j.getOnExpressions().forEach(e -> expression(e, scope, false));
                }
            }
        }
        expression(ps.getWhere(), scope, false);
        expression(ps.getHaving(), scope, false);
        if (ps.getGroupBy() != null && ps.getGroupBy().getGroupByExpressionList() != null) {
            expression(ps.getGroupBy().getGroupByExpressionList(), scope, false);
        }
        if (ps.getOrderByElements() != null) {
            for (OrderByElement o : ps.getOrderByElements()) {
                expression(o.getExpression(), scope, false);
            }
        }
        if (ps.getSelectItems() != null) {
            for (SelectItem<?> item : ps.getSelectItems()) {
                expression(item.getExpression(), scope, top);
            }
        }
    }

    private void from(FromItem item, Map<String, String> tables, List<Map<String, String>> scope,
                      List<Map<String, String>> outer) {
        switch (item) {
            case null -> {
            }
            case Table t -> tables.put(referenceName(t), t.getFullyQualifiedName());
            case ParenthesedSelect p -> {
                select(p.getSelect(), outer);
                if (p.getAlias() != null) {
                    // a derived table: its columns are no table's; looking them up finds nothing
                    tables.put(fold(p.getAlias().getName()), "");
                }
            }
            case ParenthesedFromItem pf -> {
                from(pf.getFromItem(), tables, scope, outer);
                if (pf.getJoins() != null) {
                    for (Join j : pf.getJoins()) {
                        from(j.getFromItem(), tables, scope, outer);
                        if (j.getOnExpressions() != null) {
                            j.getOnExpressions().forEach(e -> expression(e, scope, false));
                        }
                    }
                }
            }
            default -> {
                // table functions, VALUES lists, ...: no statistics to read
            }
        }
    }

    private void insert(Insert ins) {
        List<Map<String, String>> outer = List.of();
        withItems(ins.getWithItemsList(), outer);
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put(referenceName(ins.getTable()), ins.getTable().getFullyQualifiedName());
        List<Map<String, String>> scope = List.of(tables);
        Select source = ins.getSelect();
        if (source instanceof Values v && ins.getColumns() != null) {
            for (Expression row : v.getExpressions()) {
                List<?> items = row instanceof ExpressionList<?> l ? l : List.of(row);
                for (int i = 0; i < items.size() && i < ins.getColumns().size(); i++) {
                    target(ins.getColumns().get(i), (Expression) items.get(i), scope);
                }
            }
            expression(v.getExpressions(), scope, false);
        } else if (source != null) {
            select(source, outer);
        }
    }

    private void update(Update up) {
        List<Map<String, String>> outer = List.of();
        withItems(up.getWithItemsList(), outer);
        Map<String, String> tables = new LinkedHashMap<>();
        List<Map<String, String>> scope = List.of(tables);
        tables.put(referenceName(up.getTable()), up.getTable().getFullyQualifiedName());
        from(up.getFromItem(), tables, scope, outer);
        if (up.getJoins() != null) {
            up.getJoins().forEach(j -> from(j.getFromItem(), tables, scope, outer));
        }
        if (up.getUpdateSets() != null) {
            for (UpdateSet set : up.getUpdateSets()) {
                ExpressionList<?> values = set.getValues();
                for (int i = 0; i < set.getColumns().size() && values != null && i < values.size(); i++) {
                    target(set.getColumns().get(i), values.get(i), scope);
                }
                if (values != null) {
                    expression(values, scope, false);
                }
            }
        }
        expression(up.getWhere(), scope, false);
    }

    private void delete(Delete d) {
        List<Map<String, String>> outer = List.of();
        withItems(d.getWithItemsList(), outer);
        Map<String, String> tables = new LinkedHashMap<>();
        List<Map<String, String>> scope = List.of(tables);
        tables.put(referenceName(d.getTable()), d.getTable().getFullyQualifiedName());
        expression(d.getWhere(), scope, false);
    }

    private void target(Column column, Expression value, List<Map<String, String>> scope) {
        JdbcParameter p = parameter(value);
        if (p != null && seen.add(p)) {
            uses.add(new ParameterUse(p.getIndex(), ParameterUse.Kind.TARGET, null, column.getColumnName(),
                    scope, null, 0, column.getColumnName() + " := " + value, false, false));
        }
    }

    private void expression(Expression e, List<Map<String, String>> scope, boolean output) {
        if (e != null) {
            e.accept(new Visitor(scope, output), null);
        }
    }

    /** Records comparisons with parameters, then walks on into the operands (sub-queries get their own scope). */
    private final class Visitor extends ExpressionVisitorAdapter<Void> {
        private final List<Map<String, String>> scope;
        private final boolean output;

        Visitor(List<Map<String, String>> scope, boolean output) {
            this.scope = scope;
            this.output = output;
        }

        private void compare(BinaryExpression e, ParameterUse.Kind columnLeft, ParameterUse.Kind columnRight) {
            Column left = column(e.getLeftExpression());
            Column right = column(e.getRightExpression());
            if (left != null) {
                value(e.getRightExpression(), columnLeft, left, null, 0, e);
            } else if (right != null) {
                value(e.getLeftExpression(), columnRight, right, null, 0, e);
            }
        }

        /**
         * Records the parameter that {@code side} is — directly, or as the first operand of a sum or difference of
         * parameters ({@code $2 + $3}, pg_stat_statements' text of {@code date '...' + interval '1' year}), whose
         * other operands are {@link ParameterUse.Kind#SHIFT}s.
         */
        private void value(Expression side, ParameterUse.Kind kind, Column c, Object group, int position,
                           Expression context) {
            JdbcParameter p = parameter(side);
            if (p != null) {
                if (seen.add(p)) {
                    add(p, kind, c, group, position, context, false);
                }
                return;
            }
            JdbcParameter array = anyArray(side);
            if (array != null) {
                if (seen.add(array)) {
                    add(array, ParameterUse.Kind.ANY_ARRAY, c, group, position, context, false);
                }
                return;
            }
            List<JdbcParameter> shifts = new ArrayList<>();
            JdbcParameter base = additive(side, shifts);
            if (base != null && seen.add(base)) {
                add(base, kind, c, group, position, context, true);
                for (JdbcParameter s : shifts) {
                    if (seen.add(s)) {
                        add(s, ParameterUse.Kind.SHIFT, c, group, position, context, false);
                    }
                }
            }
        }

        private void add(JdbcParameter p, ParameterUse.Kind kind, Column c, Object group, int position,
                         Expression context, boolean arithmetic) {
            uses.add(new ParameterUse(p.getIndex(), kind, qualifier(c), c.getColumnName(), scope, group, position,
                    context.toString(), arithmetic, output));
        }

        @Override
        public <S> Void visit(EqualsTo e, S context) {
            compare(e, ParameterUse.Kind.EQUALITY, ParameterUse.Kind.EQUALITY);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(NotEqualsTo e, S context) {
            compare(e, ParameterUse.Kind.EQUALITY, ParameterUse.Kind.EQUALITY);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(GreaterThan e, S context) {
            compare(e, ParameterUse.Kind.LOWER, ParameterUse.Kind.UPPER);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(GreaterThanEquals e, S context) {
            compare(e, ParameterUse.Kind.LOWER, ParameterUse.Kind.UPPER);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(MinorThan e, S context) {
            compare(e, ParameterUse.Kind.UPPER, ParameterUse.Kind.LOWER);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(MinorThanEquals e, S context) {
            compare(e, ParameterUse.Kind.UPPER, ParameterUse.Kind.LOWER);
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(LikeExpression e, S context) {
            Column c = column(e.getLeftExpression());
            JdbcParameter p = parameter(e.getRightExpression());
            if (c != null && p != null && seen.add(p)) {
                add(p, ParameterUse.Kind.LIKE, c, null, 0, e, false);
            }
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(SimilarToExpression e, S context) {
            Column c = column(e.getLeftExpression());
            JdbcParameter p = parameter(e.getRightExpression());
            if (c != null && p != null && seen.add(p)) {
                add(p, ParameterUse.Kind.LIKE, c, null, 0, e, false);
            }
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(Between e, S context) {
            Column c = column(e.getLeftExpression());
            if (c != null) {
                value(e.getBetweenExpressionStart(), ParameterUse.Kind.BETWEEN_LOW, c, e, 0, e);
                value(e.getBetweenExpressionEnd(), ParameterUse.Kind.BETWEEN_HIGH, c, e, 1, e);
            }
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(InExpression e, S context) {
            Column c = column(e.getLeftExpression());
            if (c != null && e.getRightExpression() instanceof ExpressionList<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    JdbcParameter p = parameter((Expression) list.get(i));
                    if (p != null && seen.add(p)) {
                        add(p, ParameterUse.Kind.IN_ITEM, c, e, i, e, false);
                    }
                }
            }
            return super.visit(e, context);
        }

        @Override
        public <S> Void visit(JdbcParameter p, S context) {
            if (seen.add(p)) {
                uses.add(new ParameterUse(p.getIndex(), output ? ParameterUse.Kind.OUTPUT : ParameterUse.Kind.OTHER,
                        null, null, List.of(), null, 0, p.toString(), false, output));
            }
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedSelect s, S context) {
            select(s, scope);
            return null;
        }

        @Override
        public <S> Void visit(Select s, S context) {
            select(s, scope);
            return null;
        }
    }

    /** @return the parameter {@code e} is, through parentheses and casts; null when it is something else */
    static JdbcParameter parameter(Expression e) {
        Expression x = unwrap(e);
        return x instanceof JdbcParameter p && "$".equals(p.getParameterCharacter()) && p.getIndex() != null ? p : null;
    }

    /**
     * @param e      an expression
     * @param shifts receives the parameters added to or subtracted from the first one
     * @return the first parameter of a sum or difference made of parameters only ({@code $2 + $3 - $4}), through
     *     parentheses and casts; null when {@code e} is anything else
     */
    static JdbcParameter additive(Expression e, List<JdbcParameter> shifts) {
        Expression x = unwrap(e);
        if (!(x instanceof Addition) && !(x instanceof Subtraction)) {
            return null;
        }
        BinaryExpression b = (BinaryExpression) x;
        JdbcParameter left = parameter(b.getLeftExpression());
        if (left == null) {
            left = additive(b.getLeftExpression(), shifts);
        }
        JdbcParameter right = parameter(b.getRightExpression());
        if (left == null || right == null) {
            return null;
        }
        shifts.add(right);
        return left;
    }

    /** @return the parameter of {@code ANY ($n)} / {@code SOME ($n)} (an array of values), else null */
    static JdbcParameter anyArray(Expression e) {
        if (unwrap(e) instanceof Function f && f.getName() != null
                && (f.getName().equalsIgnoreCase("any") || f.getName().equalsIgnoreCase("some"))
                && f.getParameters() != null && f.getParameters().size() == 1) {
            return parameter((Expression) f.getParameters().getFirst());
        }
        return null;
    }

    /** @return the column {@code e} is, through parentheses and casts; null when it is something else */
    static Column column(Expression e) {
        return unwrap(e) instanceof Column c ? c : null;
    }

    private static Expression unwrap(Expression e) {
        Expression x = e;
        while (true) {
            if (x instanceof Parenthesis p) {
                x = p.getExpression();
            } else if (x instanceof ParenthesedExpressionList<?> l && l.size() == 1) {
                x = (Expression) l.getFirst();
            } else if (x instanceof CastExpression c && c.getLeftExpression() != null) {
                x = c.getLeftExpression();
            } else {
                return x;
            }
        }
    }

    private static String qualifier(Column c) {
        Table t = c.getTable();
        return t == null || t.getName() == null ? null : t.getFullyQualifiedName();
    }

    private static String referenceName(Table t) {
        return fold(t.getAlias() != null ? t.getAlias().getName() : t.getName());
    }

    /**
     * @param identifier an identifier as written
     * @return its name as PostgreSQL stores it: unquoted lower-cased, quoted ones unquoted with {@code ""} as
     *     {@code "}
     */
    static String fold(String identifier) {
        if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        return identifier.toLowerCase(java.util.Locale.ROOT);
    }
}
