package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * Reads the candidate columns of a query from its EXPLAIN VERBOSE plan (no ANALYZE needed): every scan of a table
 * gives an alias; every condition of every node ({@code Filter}, {@code Index Cond}, {@code Recheck Cond},
 * {@code Hash Cond}, {@code Merge Cond}, {@code Join Filter}, including those inside sub-plans, where a correlated
 * sub-query's outer column appears as {@code outer_alias.column}) is split into conjuncts by
 * {@link ConditionAtoms}; {@code Sort Key} and {@code Group Key} give ordering columns; the references to a scan's
 * columns elsewhere in the plan give the columns an index-only scan would need. Stateless; thread-safe.
 */
final class PlanColumns {

    private static final List<String> CONDITIONS = List.of("Filter", "Index Cond", "Recheck Cond", "Hash Cond",
            "Merge Cond", "Join Filter", "TID Cond");
    private static final List<String> KEYS = List.of("Sort Key", "Group Key", "Presorted Key");

    private PlanColumns() {
    }

    /**
     * @param plan a PostgreSQL plan read from EXPLAIN (VERBOSE, FORMAT JSON)
     * @return one use per scanned table alias, in plan order
     */
    static List<TableUse> of(Plan plan) {
        Map<String, TableUse> byAlias = new LinkedHashMap<>();
        for (PlanNode n : plan.nodes()) {
            Optional<String> relation = n.relationName();
            if (relation.isPresent()) {
                String alias = n.alias().orElse(relation.get());
                byAlias.computeIfAbsent(alias, a -> new TableUse(n.schema().orElse(null), relation.get(), a));
            }
        }
        // the columns a table occurrence must deliver: every reference outside its own scan's Output, which may be
        // the whole row (PostgreSQL's "physical tlist" shortcut) rather than what the query needs
        for (PlanNode n : plan.nodes()) {
            String ownAlias = n.relationName().map(r -> n.alias().orElse(r)).orElse(null);
            List<String> texts = new ArrayList<>();
            if (ownAlias == null) {
                texts.addAll(n.output());
            }
            for (String key : CONDITIONS) {
                n.str(key).ifPresent(texts::add);
            }
            for (String key : KEYS) {
                texts.addAll(list(n.properties().get(key)));
            }
            for (String text : texts) {
                for (ConditionAtoms.ColumnRef ref : ConditionAtoms.columns(text)) {
                    TableUse use = byAlias.get(ref.alias());
                    if (use != null) {
                        use.output.add(ref.column());
                    }
                }
            }
        }
        for (PlanNode n : plan.nodes()) {
            for (String key : CONDITIONS) {
                n.str(key).ifPresent(c -> addCondition(byAlias, c));
            }
            for (String key : KEYS) {
                for (String item : list(n.properties().get(key))) {
                    ConditionAtoms.ColumnRef ref = plainColumn(item);
                    if (ref != null && byAlias.containsKey(ref.alias())) {
                        byAlias.get(ref.alias()).sort.add(ref.column());
                    }
                }
            }
        }
        return new ArrayList<>(byAlias.values());
    }

    private static void addCondition(Map<String, TableUse> byAlias, String condition) {
        for (ConditionAtoms.Atom a : ConditionAtoms.split(condition)) {
            switch (a.kind()) {
                case EQUALITY, RANGE -> {
                    TableUse use = a.column() != null ? byAlias.get(a.column().alias()) : aliasOfExpression(byAlias, a);
                    if (use == null) {
                        continue;
                    }
                    if (a.expression() != null) {
                        use.expressions.add(a.expression());
                    } else if (a.kind() == ConditionAtoms.Kind.EQUALITY) {
                        use.equality.add(a.column().column());
                        if (a.constant()) {
                            String predicate = ConditionAtoms.withoutAlias(ConditionAtoms.stripParens(a.text()),
                                    a.column().alias());
                            use.constantEquality.putIfAbsent(a.column().column(), predicate);
                        }
                    } else {
                        use.range.add(a.column().column());
                    }
                }
                case JOIN -> {
                    addJoin(byAlias, a.column());
                    addJoin(byAlias, a.other());
                }
                case OTHER -> {
                    // not indexable by a b-tree as it stands
                }
            }
        }
    }

    private static TableUse aliasOfExpression(Map<String, TableUse> byAlias, ConditionAtoms.Atom a) {
        for (ConditionAtoms.ColumnRef ref : ConditionAtoms.columns(a.text())) {
            TableUse use = byAlias.get(ref.alias());
            if (use != null) {
                return use;
            }
        }
        return null;
    }

    private static void addJoin(Map<String, TableUse> byAlias, ConditionAtoms.ColumnRef ref) {
        TableUse use = byAlias.get(ref.alias());
        if (use != null) {
            use.join.add(ref.column());
        }
    }

    private static ConditionAtoms.ColumnRef plainColumn(String text) {
        String s = ConditionAtoms.stripParens(text);
        var refs = ConditionAtoms.columns(s);
        if (refs.size() != 1) {
            return null;
        }
        ConditionAtoms.ColumnRef ref = refs.iterator().next();
        return s.equals(ref.alias() + "." + ref.column()) ? ref : null;
    }

    private static List<String> list(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
