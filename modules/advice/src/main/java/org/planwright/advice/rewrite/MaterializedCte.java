package org.planwright.advice.rewrite;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import org.planwright.advice.Evidence;
import org.planwright.plans.PlanNode;

/**
 * {@code WITH x AS MATERIALIZED (...) SELECT ... FROM x WHERE x.key = ...} → {@code AS NOT MATERIALIZED}: a
 * materialized CTE is computed in full and then scanned (a CTE Scan with a Filter), so the outer query's key
 * condition cannot reach the CTE's tables and their indexes; inlined, it can (PostgreSQL 12+, "WITH Queries"). Only
 * a CTE that is not recursive, is referenced once (inlining a CTE used twice computes it twice) and, when the plan
 * is known, is read by a CTE Scan with a Filter.
 */
final class MaterializedCte implements RewriteRule {

    @Override
    public String name() {
        return "materialized-cte-inline";
    }

    @Override
    public List<RewriteProposal> propose(QueryUnderAdvice q) {
        Select select;
        try {
            Statement st = CCJSqlParserUtil.parse(ResultEquivalence.body(q.sql()));
            if (!(st instanceof Select s) || s.getWithItemsList() == null) {
                return List.of();
            }
            select = s;
        } catch (Exception | StackOverflowError e) {
            return List.of();
        }
        for (WithItem<?> w : select.getWithItemsList()) {
            if (!w.isMaterialized() || w.isUsingNot() || w.isRecursive()) {
                continue;
            }
            String name = CatalogFacts.fold(w.getAlias().getName());
            if (references(q.sql(), name) != 1) { // read by one FROM or JOIN
                continue;
            }
            PlanNode scan = q.plan().flatMap(p -> p.nodesOfType("CTE Scan").stream()
                    .filter(n -> n.cteName().map(c -> c.equalsIgnoreCase(name)).orElse(false)).findFirst())
                    .orElse(null);
            if (q.plan().isPresent() && (scan == null || scan.filter().isEmpty())) {
                continue;
            }
            w.setUsingNot(true);
            String detail = scan == null ? "the outer query filters " + name + " after it was computed in full"
                    : scan.label() + " filters " + scan.filter().orElse("") + " after the CTE was computed in full"
                    + (scan.rowsRemovedByFilter().isPresent() ? " (" + (long) scan.rowsRemovedByFilter().getAsDouble()
                    + " rows removed)" : "");
            return List.of(new RewriteProposal(name(), "CTE " + name + " NOT MATERIALIZED, so its key condition"
                    + " reaches the index", select.toString(), List.of(new Evidence("MATERIALIZED CTE " + name, detail))));
        }
        return List.of();
    }

    private static int references(String sql, String name) {
        Matcher m = Pattern.compile("\\b(from|join)\\s+" + Pattern.quote(name) + "(?![\\w\".])")
                .matcher(sql.toLowerCase(Locale.ROOT));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
