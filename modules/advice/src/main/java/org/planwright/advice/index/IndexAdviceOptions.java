package org.planwright.advice.index;

import java.util.List;

/**
 * Knobs of the index advisor.
 *
 * @param minCostCutPercent    keep an index only when it cuts some statement's estimated plan cost by at least this
 *                             percent, given the other chosen indexes (ankane/dexter's rule and default: 50 %);
 *                             in (0, 100)
 * @param budgetBytes          most bytes the chosen indexes may take together (estimated sizes); 0 for no budget
 * @param maxKeyColumns        most key columns of a multi-column candidate (default 3), 1 to 8
 * @param allowRolledBackBuilds when the database has no HypoPG: build candidate indexes for real inside a
 *                             transaction that is rolled back. That takes locks (SHARE on each table while it is
 *                             indexed, ACCESS EXCLUSIVE while a configuration is costed) until the advice ends: only
 *                             with the DBA's consent on a server others use; false = refuse without HypoPG
 * @param excluded             access paths the advice must not offer: no candidate on the same table with the same
 *                             leading key and the same predicate as one of these (see {@link #excludes}); a workload
 *                             trial that found such an index slowing a statement passes it here when it asks for a
 *                             replacement set (docs/decisions/0024); empty by default
 */
public record IndexAdviceOptions(double minCostCutPercent, long budgetBytes, int maxKeyColumns,
                                 boolean allowRolledBackBuilds, List<IndexCandidate> excluded) {

    /** dexter's threshold: an index must halve a statement's cost. */
    public static final double DEXTER_MIN_COST_CUT_PERCENT = 50;

    public IndexAdviceOptions {
        if (!(minCostCutPercent > 0 && minCostCutPercent < 100)) {
            throw new IllegalArgumentException("the minimum cost cut is a percent in (0, 100): " + minCostCutPercent);
        }
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("the size budget must not be negative: " + budgetBytes);
        }
        if (maxKeyColumns < 1 || maxKeyColumns > 8) {
            throw new IllegalArgumentException("key columns per index must be 1 to 8: " + maxKeyColumns);
        }
        excluded = List.copyOf(excluded);
    }

    /** Without exclusions: see the canonical constructor. */
    public IndexAdviceOptions(double minCostCutPercent, long budgetBytes, int maxKeyColumns,
                              boolean allowRolledBackBuilds) {
        this(minCostCutPercent, budgetBytes, maxKeyColumns, allowRolledBackBuilds, List.of());
    }

    /** @return 50 % cost cut, no budget, up to 3 key columns, HypoPG only */
    public static IndexAdviceOptions defaults() {
        return new IndexAdviceOptions(DEXTER_MIN_COST_CUT_PERCENT, 0, 3, false);
    }

    /** @param percent the minimum cost cut @return a copy */
    public IndexAdviceOptions withMinCostCutPercent(double percent) {
        return new IndexAdviceOptions(percent, budgetBytes, maxKeyColumns, allowRolledBackBuilds, excluded);
    }

    /** @param bytes the size budget, 0 for none @return a copy */
    public IndexAdviceOptions withBudgetBytes(long bytes) {
        return new IndexAdviceOptions(minCostCutPercent, bytes, maxKeyColumns, allowRolledBackBuilds, excluded);
    }

    /** @param allow whether real builds in a rolled-back transaction may replace HypoPG @return a copy */
    public IndexAdviceOptions withRolledBackBuilds(boolean allow) {
        return new IndexAdviceOptions(minCostCutPercent, budgetBytes, maxKeyColumns, allow, excluded);
    }

    /** @param paths access paths not to offer (see the record's {@code excluded}) @return a copy */
    public IndexAdviceOptions withExcluded(List<IndexCandidate> paths) {
        return new IndexAdviceOptions(minCostCutPercent, budgetBytes, maxKeyColumns, allowRolledBackBuilds, paths);
    }

    /**
     * An index opens an access path — an index scan, or the inner side of a nested loop, probing its table through
     * its leading key under its predicate; longer keys or INCLUDE columns with the same lead offer the planner the
     * same path, so a slowdown measured for one of them is expected from the others.
     *
     * @param c a candidate
     * @return true when an excluded index has c's table, leading key and predicate
     */
    public boolean excludes(IndexCandidate c) {
        return excluded.stream().anyMatch(x -> x.table().equals(c.table())
                && x.keys().getFirst().equals(c.keys().getFirst()) && x.predicate().equals(c.predicate()));
    }
}
