package org.planwright.sqltext.fingerprint;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Collects a {@link QueryShape} from a JSqlParser tree. It rides on JSqlParser's own deep traversal
 * ({@link TablesNamesFinder} visits every query block, FROM item, join condition and expression) and notes the
 * shape on the way. One instance per statement; not thread-safe.
 */
final class TreeShapes extends TablesNamesFinder<Void> {

    /**
     * Aggregate functions of PostgreSQL's "Aggregate Functions" chapter (general-purpose, statistical and
     * ordered-set), lower case.
     */
    static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "array_agg", "string_agg",
            "bool_and", "bool_or", "every", "bit_and", "bit_or", "bit_xor", "json_agg", "jsonb_agg",
            "json_object_agg", "jsonb_object_agg", "xmlagg", "stddev", "stddev_pop", "stddev_samp", "variance",
            "var_pop", "var_samp", "corr", "covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_count",
            "regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "percentile_cont",
            "percentile_disc", "mode", "range_agg", "range_intersect_agg", "any_value");

    private final QueryShape shape = new QueryShape();
    /** Parenthesised selects that are not subqueries in expressions: FROM items, CTE bodies, set members. */
    private final Set<Object> notExpressionSubqueries = Collections.newSetFromMap(new IdentityHashMap<>());

    private TreeShapes() {
        init(false);
    }

    /**
     * @return the shape, or null for a statement that is not a query or DML (its signature comes from its words)
     * @throws RuntimeException when JSqlParser's traversal does not support a part of the tree
     */
    static QueryShape of(Statement statement) {
        TreeShapes t = new TreeShapes();
        String kind = switch (statement) {
            case Values v -> "VALUES";
            case Select s -> "SELECT";
            case Insert i -> "INSERT";
            case Update u -> "UPDATE";
            case Delete d -> "DELETE";
            case Merge m -> "MERGE";
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        t.shape.kind = kind;
        t.notExpressionSubqueries.add(statement);
        if (statement instanceof Insert insert) {
            t.shape.onConflict = insert.getConflictAction() != null || insert.getDuplicateUpdateSets() != null;
            t.shape.returning = insert.getReturningClause() != null;
            if (insert.getSelect() != null) {
                t.notExpressionSubqueries.add(insert.getSelect());
                t.shape.values = insert.getSelect() instanceof Values || insert.getValues() != null;
            }
        } else if (statement instanceof Update update) {
            t.shape.returning = update.getReturningClause() != null;
        } else if (statement instanceof Delete delete) {
            t.shape.returning = delete.getReturningClause() != null;
        }
        statement.accept(t, null);
        return t.shape;
    }

    @Override
    public <S> Void visit(WithItem<?> withItem, S context) {
        if (!notExpressionSubqueries.add(withItem)) {
            return null; // JSqlParser's traversal reaches a WITH list from the Select and from its PlainSelect
        }
        shape.ctes++;
        shape.recursive |= withItem.isRecursive();
        if (withItem.getSelect() != null) {
            notExpressionSubqueries.add(withItem.getSelect());
        }
        return super.visit(withItem, context);
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        shape.distinct |= select.getDistinct() != null;
        fromItem(select.getFromItem());
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                shape.join(join.getRightItem() instanceof LateralSubSelect ? QueryShape.JoinType.LATERAL : joinType(join));
                fromItem(join.getRightItem());
            }
        }
        shape.groupBy |= select.getGroupBy() != null;
        shape.having |= select.getHaving() != null;
        shape.window |= select.getWindowDefinitions() != null && !select.getWindowDefinitions().isEmpty();
        orderAndLimit(select);
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(SetOperationList list, S context) {
        for (SetOperation op : list.getOperations()) {
            switch (op.getClass().getSimpleName()) {
                case "UnionOp" -> shape.unions++;
                case "IntersectOp" -> shape.intersects++;
                default -> shape.excepts++;
            }
        }
        notExpressionSubqueries.addAll(list.getSelects());
        orderAndLimit(list);
        return super.visit(list, context);
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        if (!notExpressionSubqueries.contains(select)) {
            shape.subqueries++;
        }
        orderAndLimit(select);
        return super.visit(select, context);
    }

    @Override
    public <S> Void visit(Function function, S context) {
        if (function.getName() != null && AGGREGATES.contains(function.getName().toLowerCase(Locale.ROOT))) {
            shape.aggregate = true;
        }
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression expression, S context) {
        shape.window = true;
        return super.visit(expression, context);
    }

    @Override
    public <S> Void visit(EqualsTo e, S context) {
        shape.predicates.add("EQ");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(NotEqualsTo e, S context) {
        shape.predicates.add("NE");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(GreaterThan e, S context) {
        shape.predicates.add("GT");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(GreaterThanEquals e, S context) {
        shape.predicates.add("GE");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(MinorThan e, S context) {
        shape.predicates.add("LT");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(MinorThanEquals e, S context) {
        shape.predicates.add("LE");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(Between e, S context) {
        shape.predicates.add(e.isNot() ? "NOT_BETWEEN" : "BETWEEN");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(InExpression e, S context) {
        shape.predicates.add(e.isNot() ? "NOT_IN" : "IN");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(LikeExpression e, S context) {
        String word = e.getLikeKeyWord() == null ? "LIKE" : e.getLikeKeyWord().name();
        shape.predicates.add((e.isNot() ? "NOT_" : "") + word);
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(IsNullExpression e, S context) {
        shape.predicates.add(e.isNot() ? "IS_NOT_NULL" : "IS_NULL");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(ExistsExpression e, S context) {
        shape.predicates.add(e.isNot() ? "NOT_EXISTS" : "EXISTS");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(NotExpression e, S context) {
        if (e.getExpression() instanceof ExistsExpression) {
            shape.predicates.add("NOT_EXISTS");
            ((ExistsExpression) e.getExpression()).getRightExpression().accept(this, context);
            return null;
        }
        shape.predicates.add("NOT");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(AnyComparisonExpression e, S context) {
        shape.predicates.add(e.getAnyType() == null ? "ANY" : e.getAnyType().name());
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(OrExpression e, S context) {
        shape.predicates.add("OR");
        return super.visit(e, context);
    }

    @Override
    public <S> Void visit(RegExpMatchOperator e, S context) {
        shape.predicates.add("REGEX");
        return super.visit(e, context);
    }

    private void fromItem(FromItem item) {
        if (item instanceof LateralSubSelect) {
            notExpressionSubqueries.add(item);
        } else if (item instanceof ParenthesedSelect) {
            notExpressionSubqueries.add(item);
            shape.derivedTables++;
        }
    }

    private void orderAndLimit(Select select) {
        shape.orderBy |= select.getOrderByElements() != null && !select.getOrderByElements().isEmpty();
        shape.limit |= select.getLimit() != null || select.getFetch() != null;
        shape.offset |= select.getOffset() != null;
    }

    /** FROM a, b (a "simple" join) is an inner join whose condition sits in WHERE: the planner sees the same. */
    private static QueryShape.JoinType joinType(Join j) {
        if (j.isLeft()) {
            return QueryShape.JoinType.LEFT;
        }
        if (j.isRight()) {
            return QueryShape.JoinType.RIGHT;
        }
        if (j.isFull()) {
            return QueryShape.JoinType.FULL;
        }
        if (j.isCross()) {
            return QueryShape.JoinType.CROSS;
        }
        if (j.isSemi()) {
            return QueryShape.JoinType.SEMI;
        }
        return QueryShape.JoinType.INNER;
    }
}
