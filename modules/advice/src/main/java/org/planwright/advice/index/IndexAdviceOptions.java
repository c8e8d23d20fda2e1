package org.planwright.advice.index;

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
 */
public record IndexAdviceOptions(double minCostCutPercent, long budgetBytes, int maxKeyColumns,
                                 boolean allowRolledBackBuilds) {

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
    }

    /** @return 50 % cost cut, no budget, up to 3 key columns, HypoPG only */
    public static IndexAdviceOptions defaults() {
        return new IndexAdviceOptions(DEXTER_MIN_COST_CUT_PERCENT, 0, 3, false);
    }

    /** @param percent the minimum cost cut @return a copy */
    public IndexAdviceOptions withMinCostCutPercent(double percent) {
        return new IndexAdviceOptions(percent, budgetBytes, maxKeyColumns, allowRolledBackBuilds);
    }

    /** @param bytes the size budget, 0 for none @return a copy */
    public IndexAdviceOptions withBudgetBytes(long bytes) {
        return new IndexAdviceOptions(minCostCutPercent, bytes, maxKeyColumns, allowRolledBackBuilds);
    }

    /** @param allow whether real builds in a rolled-back transaction may replace HypoPG @return a copy */
    public IndexAdviceOptions withRolledBackBuilds(boolean allow) {
        return new IndexAdviceOptions(minCostCutPercent, budgetBytes, maxKeyColumns, allow);
    }
}
