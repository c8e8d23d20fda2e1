package org.planwright.plans.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * Two plans of the same statement compared node by node: "before" and "after" an index, a server upgrade, a
 * changed setting or other parameters. Free plan viewers do not compare plans (PEV2 issues #377, #428, #592 ask
 * for it); SQL Server Plan Explorer and pgAdmin compare side by side, matching the operators of both plans. The
 * matching is described in {@link NodeMatcher}: anchors on what each node reads (relation + alias, CTE,
 * InitPlan/SubPlan name), then GumTree-style bottom-up and top-down passes.
 *
 * <p>What it reports: the matched {@link NodePair}s with their deltas (exclusive time, rows, loops, buffers,
 * cost, misestimate), the nodes of each side without partner, the {@link PlanChange}s a DBA looks for (join
 * method, join order, scan method, new or dropped scans and indexes), the {@link PlanTotals} and a
 * {@link Verdict}.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class PlanComparison {

    /**
     * Relative change of the execution time (or, without ANALYZE, of the total cost) below which the plans count
     * as equally fast: 10 %. Planwright's choice: repeated EXPLAIN ANALYZE runs of the same plan on a warm cache
     * commonly vary by a few percent, so smaller differences say nothing about the plans.
     */
    public static final double NOISE_FRACTION = 0.10;

    /** Absolute time below which a per-node difference counts as noise: 0.01 ms, EXPLAIN ANALYZE's precision (3 decimals). */
    public static final double TIME_FLOOR_MS = 0.01;

    /** The overall outcome. */
    public enum Verdict {
        /** The "after" plan is faster (cheaper) by more than {@link #NOISE_FRACTION}. */
        FASTER,
        /** The "after" plan is slower (costlier) by more than {@link #NOISE_FRACTION}. */
        SLOWER,
        /** Within the noise fraction. */
        SAME
    }

    /** What the verdict was judged on. */
    public enum Basis {
        /** "Execution Time" of both plans (EXPLAIN ANALYZE). */
        EXECUTION_TIME,
        /** The root's "Total Cost" (at least one plan without ANALYZE). */
        TOTAL_COST
    }

    private final Plan before;
    private final Plan after;
    private final List<NodePair> pairs;
    private final NodePair[] byBefore;
    private final NodePair[] byAfter;
    private final List<PlanNode> onlyBefore;
    private final List<PlanNode> onlyAfter;
    private final List<PlanChange> changes;
    private final PlanTotals totals;

    private PlanComparison(Plan before, Plan after) {
        this.before = before;
        this.after = after;
        NodeMatcher m = new NodeMatcher(before, after).match();
        this.byBefore = new NodePair[before.nodeCount()];
        this.byAfter = new NodePair[after.nodeCount()];
        List<NodePair> all = new ArrayList<>();
        List<PlanNode> lonelyBefore = new ArrayList<>();
        for (PlanNode b : before.nodes()) {
            int a = m.partnerOfBefore(b.id());
            if (a < 0) {
                lonelyBefore.add(b);
            } else {
                NodePair p = NodePair.of(b, after.node(a));
                all.add(p);
                byBefore[b.id()] = p;
                byAfter[a] = p;
            }
        }
        this.pairs = List.copyOf(all);
        this.onlyBefore = List.copyOf(lonelyBefore);
        this.onlyAfter = after.nodes().stream().filter(n -> m.partnerOfAfter(n.id()) < 0).toList();
        this.changes = ChangeDetector.detect(before, after, m);
        this.totals = PlanTotals.of(before, after);
    }

    /**
     * Compares two plans; either may be analyzed or not, JSON or text.
     *
     * @param before the earlier (reference) plan; not null
     * @param after  the later plan; not null
     * @return the comparison
     * @throws NullPointerException when a plan is null
     */
    public static PlanComparison compare(Plan before, Plan after) {
        return new PlanComparison(Objects.requireNonNull(before, "before"), Objects.requireNonNull(after, "after"));
    }

    /** @return the "before" plan */
    public Plan before() {
        return before;
    }

    /** @return the "after" plan */
    public Plan after() {
        return after;
    }

    /** @return matched node pairs in the "before" plan's pre-order */
    public List<NodePair> pairs() {
        return pairs;
    }

    /**
     * @param beforeId id of a node of the "before" plan
     * @return its pair, empty when the node has no partner
     * @throws IndexOutOfBoundsException when there is no such node
     */
    public Optional<NodePair> pairOfBefore(int beforeId) {
        return Optional.ofNullable(byBefore[beforeId]);
    }

    /**
     * @param afterId id of a node of the "after" plan
     * @return its pair, empty when the node has no partner
     * @throws IndexOutOfBoundsException when there is no such node
     */
    public Optional<NodePair> pairOfAfter(int afterId) {
        return Optional.ofNullable(byAfter[afterId]);
    }

    /** @return nodes of the "before" plan without partner, in pre-order */
    public List<PlanNode> onlyBefore() {
        return onlyBefore;
    }

    /** @return nodes of the "after" plan without partner, in pre-order */
    public List<PlanNode> onlyAfter() {
        return onlyAfter;
    }

    /** @return the detected changes: per matched node in "before" order, then added scans, then index changes */
    public List<PlanChange> changes() {
        return changes;
    }

    /** @return the whole-statement numbers */
    public PlanTotals totals() {
        return totals;
    }

    /** @return true when every node has a partner doing the same work and no change was detected */
    public boolean sameShape() {
        return changes.isEmpty() && onlyBefore.isEmpty() && onlyAfter.isEmpty();
    }

    /** @return execution time when both plans have one (EXPLAIN ANALYZE), else total cost */
    public Basis basis() {
        return before.executionTime().isPresent() && after.executionTime().isPresent()
                ? Basis.EXECUTION_TIME : Basis.TOTAL_COST;
    }

    /** @return the {@link #basis()}'s values */
    public Delta basisDelta() {
        return basis() == Basis.EXECUTION_TIME ? totals.executionTime() : totals.totalCost();
    }

    /** @return after / before of the {@link #basis()} (0.25 = four times faster), see {@link Delta#ratio()} */
    public double ratio() {
        return basisDelta().ratio();
    }

    /** @return faster, slower or the same within {@link #NOISE_FRACTION} of the "before" value */
    public Verdict verdict() {
        Delta d = basisDelta();
        if (Math.abs(d.difference()) <= NOISE_FRACTION * Math.abs(d.before())) {
            return Verdict.SAME;
        }
        return d.difference() < 0 ? Verdict.FASTER : Verdict.SLOWER;
    }
}
