package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/** Small helpers over the JSqlParser tree shared by the rewrite rules. */
final class Trees {

    private Trees() {
    }

    /** @return the statement parsed afresh (rules change their own copy), or empty when it is not a plain SELECT */
    static Optional<PlainSelect> plainSelect(String sql) {
        try {
            Statement st = CCJSqlParserUtil.parse(ResultEquivalence.body(sql));
            return st instanceof PlainSelect ps ? Optional.of(ps) : Optional.empty();
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** @return {@code text} parsed as a condition */
    static Expression condition(String text) {
        try {
            return CCJSqlParserUtil.parseCondExpression(text, false);
        } catch (JSQLParserException e) {
            throw new IllegalStateException("rewrite built an unreadable condition: " + text, e);
        }
    }

    /** @return the AND-ed parts of {@code e} (parentheses around an AND are opened), empty for null */
    static List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expression e, List<Expression> out) {
        if (e == null) {
            return;
        }
        if (e instanceof AndExpression and) {
            collect(and.getLeftExpression(), out);
            collect(and.getRightExpression(), out);
        } else if (e instanceof Parenthesis p && p.getExpression() instanceof AndExpression) {
            collect(p.getExpression(), out);
        } else if (e instanceof ParenthesedExpressionList<?> l && l.size() == 1
                && l.getFirst() instanceof AndExpression a) {
            collect(a, out);
        } else {
            out.add(e);
        }
    }

    /** @return the parts joined by AND, each in parentheses when it is not simple; "" for none */
    static String and(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(parts.size() == 1 ? p : "(" + p + ")");
        }
        return String.join(" AND ", out);
    }

    /** @return the name (alias, else table name) by which {@code item} is referenced, lower-cased; empty if none */
    static Optional<String> referenceName(FromItem item) {
        if (item.getAlias() != null) {
            return Optional.of(CatalogFacts.fold(item.getAlias().getName()));
        }
        if (item instanceof Table t) {
            return Optional.of(CatalogFacts.fold(t.getName()));
        }
        return Optional.empty();
    }

    /** @return reference name -> table as written, for the plain tables of FROM and its joins (in order) */
    static Map<String, Table> tables(PlainSelect ps) {
        Map<String, Table> out = new LinkedHashMap<>();
        add(ps.getFromItem(), out);
        if (ps.getJoins() != null) {
            for (Join j : ps.getJoins()) {
                add(j.getRightItem(), out);
            }
        }
        return out;
    }

    private static void add(FromItem item, Map<String, Table> out) {
        if (item instanceof Table t) {
            referenceName(t).ifPresent(name -> out.put(name, t));
        }
    }

    /** @return the table name as written, schema included, without the alias */
    static String tableText(Table t) {
        return t.getFullyQualifiedName();
    }

    /** @return the columns {@code e} references (not those inside subqueries) */
    static List<Column> columns(Expression e) {
        List<Column> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                out.add(column);
                return null;
            }

            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                return null;
            }
        }, null);
        return out;
    }

    /** @return true when {@code e} holds a subquery anywhere */
    static boolean hasSubquery(Expression e) {
        boolean[] found = {false};
        if (e != null) {
            e.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(ParenthesedSelect select, S context) {
                    found[0] = true;
                    return null;
                }
            }, null);
        }
        return found[0];
    }

    /** @return the lower-cased qualifiers (table alias or name) the columns of {@code e} use; "" for unqualified */
    static Set<String> qualifiers(Expression e) {
        Set<String> out = new LinkedHashSet<>();
        for (Column c : columns(e)) {
            out.add(qualifier(c));
        }
        return out;
    }

    /** @return the column's qualifier, lower-cased; "" when unqualified */
    static String qualifier(Column c) {
        Table t = c.getTable();
        return t == null || t.getName() == null ? "" : CatalogFacts.fold(t.getName());
    }

    /** @return true when {@code s} has none of GROUP BY, HAVING, DISTINCT, window/limit/offset/order clauses */
    static boolean simple(PlainSelect s) {
        return s.getGroupBy() == null && s.getHaving() == null && s.getDistinct() == null && s.getLimit() == null
                && s.getOffset() == null && s.getFetch() == null && s.getWithItemsList() == null
                && s.getOrderByElements() == null;
    }

    /** @return lower-case text, for keyword tests */
    static String lower(Object o) {
        return String.valueOf(o).toLowerCase(Locale.ROOT);
    }
}
