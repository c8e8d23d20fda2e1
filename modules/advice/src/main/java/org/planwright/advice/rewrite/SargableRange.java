package org.planwright.advice.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.planwright.advice.Evidence;
import org.planwright.targetdb.TargetException;

/**
 * A function or cast wrapped around an indexed column hides it from its index (a B-tree index on {@code c} serves
 * conditions on {@code c}, not on {@code f(c)}). Rewritten so the column stands alone:
 * <ul>
 *   <li>function on an indexed column: {@code extract(year FROM c) = 2005} (or {@code date_part('year', c)}) →
 *   {@code c >= make_date(2005, 1, 1) AND c < make_date(2006, 1, 1)};</li>
 *   <li>casts that block an index: {@code c::date = '2005-05-25'} (or {@code date(c)}) on a timestamp →
 *   {@code c >= DATE '2005-05-25' AND c < DATE '2005-05-25' + 1}; {@code c::text = '42'} on an integer column →
 *   {@code c = 42} (only for a literal in canonical integer form, so '042' is left alone).</li>
 * </ul>
 * Comparisons of a timestamptz with a date convert in the session's TimeZone, as {@code extract} and {@code ::date}
 * do, so the rows are the same. Only when the catalog says the column leads an index; else the index advisor's
 * expression index is the better advice.
 */
final class SargableRange implements RewriteRule {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CANONICAL_INT = Pattern.compile("-?(0|[1-9]\\d{0,17})");

    @Override
    public String name() {
        return "sargable-range";
    }

    private record Found(String rule, String title, String replacement, String why) {
    }

    @Override
    public List<RewriteProposal> propose(QueryUnderAdvice q) throws TargetException {
        PlainSelect ps = q.parse().orElse(null);
        if (ps == null) {
            return List.of();
        }
        Map<String, Table> tables = Trees.tables(ps);
        List<Expression> parts = Trees.conjuncts(ps.getWhere());
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof EqualsTo eq)) {
                continue;
            }
            Found f = match(q, tables, eq.getLeftExpression(), eq.getRightExpression());
            if (f == null) {
                continue;
            }
            List<String> newParts = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                newParts.add(k == i ? f.replacement() : parts.get(k).toString());
            }
            ps.setWhere(Trees.condition(Trees.and(newParts)));
            return List.of(new RewriteProposal(f.rule(), f.title(), ps.toString(),
                    List.of(new Evidence(eq.toString(), f.why()))));
        }
        return List.of();
    }

    private static Found match(QueryUnderAdvice q, Map<String, Table> tables, Expression left, Expression right)
            throws TargetException {
        if (left instanceof ExtractExpression ex && "year".equalsIgnoreCase(ex.getName())
                && ex.getExpression() instanceof Column c && right instanceof LongValue year) {
            return yearRange(q, tables, c, year.getValue());
        }
        if (left instanceof Function fn && "date_part".equalsIgnoreCase(fn.getName()) && fn.getParameters() != null
                && fn.getParameters().size() == 2 && fn.getParameters().get(0) instanceof StringValue unit
                && "year".equalsIgnoreCase(unit.getValue()) && fn.getParameters().get(1) instanceof Column c
                && right instanceof LongValue year) {
            return yearRange(q, tables, c, year.getValue());
        }
        Column castColumn = null;
        String castType = null;
        if (left instanceof CastExpression cast && cast.getLeftExpression() instanceof Column c) {
            castColumn = c;
            castType = cast.getColDataType().getDataType().toLowerCase(Locale.ROOT);
        } else if (left instanceof Function fn && "date".equalsIgnoreCase(fn.getName()) && fn.getParameters() != null
                && fn.getParameters().size() == 1 && fn.getParameters().get(0) instanceof Column c) {
            castColumn = c;
            castType = "date";
        }
        if (castColumn == null || !(right instanceof StringValue lit)) {
            return null;
        }
        String type = indexedType(q, tables, castColumn).orElse(null);
        if (type == null) {
            return null;
        }
        String c = castColumn.toString();
        if ("date".equals(castType) && type.startsWith("timestamp") && DATE.matcher(lit.getValue()).matches()) {
            String d = "DATE '" + lit.getValue() + "'";
            return new Found("cast-blocks-index", "Cast of " + c + " to date as a range on the indexed column",
                    c + " >= " + d + " AND " + c + " < " + d + " + 1",
                    c + " is an indexed " + type + "; the cast to date hides it from the index");
        }
        if ((castType.equals("text") || castType.startsWith("varchar") || castType.startsWith("character"))
                && (type.equals("integer") || type.equals("bigint") || type.equals("smallint"))
                && CANONICAL_INT.matcher(lit.getValue()).matches()) {
            return new Found("cast-blocks-index", "Cast of " + c + " to text as an integer comparison",
                    c + " = " + lit.getValue(), c + " is an indexed " + type + "; comparing its text hides it from"
                    + " the index");
        }
        return null;
    }

    private static Found yearRange(QueryUnderAdvice q, Map<String, Table> tables, Column c, long year)
            throws TargetException {
        String type = indexedType(q, tables, c).orElse(null);
        if (type == null || !(type.equals("date") || type.startsWith("timestamp"))) {
            return null;
        }
        String col = c.toString();
        return new Found("function-on-indexed-column", "Year of " + col + " as a range on the indexed column",
                col + " >= make_date(" + year + ", 1, 1) AND " + col + " < make_date(" + (year + 1) + ", 1, 1)",
                col + " is an indexed " + type + "; the function around it hides it from the index");
    }

    /** @return the column's type when it leads an index, else empty */
    private static Optional<String> indexedType(QueryUnderAdvice q, Map<String, Table> tables, Column c)
            throws TargetException {
        String ref = Trees.qualifier(c);
        Table t = ref.isEmpty() && tables.size() == 1 ? tables.values().iterator().next() : tables.get(ref);
        if (t == null) {
            return Optional.empty();
        }
        CatalogFacts.ColumnFacts f = q.catalog().column(Trees.tableText(t), c.getColumnName());
        return f.leadsIndex() ? Optional.of(f.type()) : Optional.empty();
    }
}
