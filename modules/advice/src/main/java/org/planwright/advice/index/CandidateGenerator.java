package org.planwright.advice.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one {@link TableUse} into candidate b-tree indexes:
 * <ul>
 * <li>one column: each column compared by =, joined, ranged, and the first sort/group column; each expression
 *     (expression index, e.g. {@code lower(email)});</li>
 * <li>several columns, equality before range (the b-tree rule: an index can seek on = columns and one range after
 *     them): all = columns (constants, parameters and join keys) ordered by distinct values, most selective first,
 *     up to {@code maxKeyColumns}; the same followed by each range column; each join key followed by the
 *     constant-= columns;</li>
 * <li>covering: a key set plus {@code INCLUDE} of the other columns the scan outputs, when there are at most
 *     {@link #MAX_INCLUDE}, so the plan can use an index-only scan;</li>
 * <li>partial: for a column compared with a constant that has few distinct values (at most
 *     {@link #PARTIAL_MAX_DISTINCT}, e.g. a status), the other key columns (or that column) {@code WHERE} the
 *     comparison.</li>
 * </ul>
 * Costing decides which of them are worth anything. Stateless; thread-safe.
 */
final class CandidateGenerator {

    /** Most INCLUDE columns of a covering candidate: wider ones cost more than an index-only scan saves. */
    static final int MAX_INCLUDE = 4;
    /** Most distinct values of a column whose constant comparison becomes a partial-index predicate. */
    static final double PARTIAL_MAX_DISTINCT = 100;

    private CandidateGenerator() {
    }

    static List<IndexCandidate> generate(TableUse use, TableRef table, Map<String, Double> distinct,
                                         int maxKeyColumns) {
        Comparator<String> selective = Comparator.comparingDouble((String c) -> -distinct.getOrDefault(c, 0.0));
        List<String> equalities = new ArrayList<>(union(use.equality, use.join));
        equalities.sort(selective);
        List<String> constants = new ArrayList<>(use.equality);
        constants.removeAll(use.join);
        constants.sort(selective);
        List<String> ranges = new ArrayList<>(use.range);
        ranges.removeAll(equalities);

        Set<List<String>> keySets = new LinkedHashSet<>();
        for (String c : union(use.equality, use.join, use.range)) {
            keySets.add(List.of(c));
        }
        if (!use.sort.isEmpty()) {
            keySets.add(List.of(use.sort.iterator().next()));
            List<String> sortKeys = cap(new ArrayList<>(use.sort), maxKeyColumns);
            if (sortKeys.size() > 1) {
                keySets.add(sortKeys);
            }
        }
        List<String> eq = cap(equalities, maxKeyColumns);
        if (eq.size() > 1) {
            keySets.add(eq);
        }
        for (String r : ranges.subList(0, Math.min(2, ranges.size()))) {
            if (!eq.isEmpty()) {
                keySets.add(append(cap(eq, maxKeyColumns - 1), r));
            }
            if (!constants.isEmpty() && !constants.equals(eq)) {
                keySets.add(append(cap(constants, maxKeyColumns - 1), r));
            }
        }
        for (String j : use.join) {
            List<String> withConstants = new ArrayList<>(List.of(j));
            for (String c : constants) {
                if (withConstants.size() < maxKeyColumns) {
                    withConstants.add(c);
                }
            }
            keySets.add(withConstants);
        }
        List<IndexCandidate> out = new ArrayList<>();
        for (List<String> keys : keySets) {
            out.add(new IndexCandidate(table, keys, List.of(), ""));
            List<String> rest = new ArrayList<>(use.output);
            rest.removeAll(keys);
            if (!rest.isEmpty() && rest.size() <= MAX_INCLUDE) {
                out.add(new IndexCandidate(table, keys, rest, ""));
            }
        }
        for (String e : use.expressions) {
            out.add(new IndexCandidate(table, List.of(e), List.of(), ""));
        }
        for (var p : use.constantEquality.entrySet()) {
            double d = distinct.getOrDefault(p.getKey(), Double.MAX_VALUE);
            if (d > PARTIAL_MAX_DISTINCT) {
                continue;
            }
            List<String> others = new ArrayList<>(union(use.join, use.range, use.sort));
            others.remove(p.getKey());
            List<String> keys = others.isEmpty() ? List.of(p.getKey()) : List.of(others.getFirst());
            out.add(new IndexCandidate(table, keys, List.of(), p.getValue()));
        }
        return out;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    private static List<String> cap(List<String> l, int n) {
        return List.copyOf(l.subList(0, Math.min(n, l.size())));
    }

    private static List<String> append(List<String> l, String last) {
        List<String> out = new ArrayList<>(l);
        out.add(last);
        return out;
    }
}
