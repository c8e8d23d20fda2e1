package org.planwright.plans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-node arithmetic of a plan, computed once when a {@link Plan} is built. All formulas follow PEV2's
 * {@code src/services/plan-service.ts} (dalibo/pev2), which is the reference; deviations are listed per value.
 *
 * <ul>
 * <li><b>Workers</b> ({@code processNode}): a node's "launched workers" is the "Workers Launched" of the
 *     nearest Gather / Gather Merge above it, inherited down the tree but not into InitPlans, SubPlans or
 *     CTEs; 0 outside a Gather.</li>
 * <li><b>Inclusive time</b> ({@code calculateActuals}): Actual Total Time x Actual Loops / (launched workers + 1),
 *     ms. PostgreSQL reports the time per loop and, under a Gather, loops counts the leader and every worker,
 *     which run at the same time. 0 when the node never ran or timing was off.</li>
 * <li><b>Exclusive time</b> ({@code calculateActuals}, {@code childrenDuration}): inclusive time minus the
 *     inclusive time of the children, except InitPlan children (their time is charged where their value is
 *     used, see below) and CTEs; a Result's InitPlans are subtracted. Clamped at 0.</li>
 * <li><b>CTE Scan correction</b> ({@code fixCteScansDuration}): the time of a CTE ("CTE name" InitPlan) is
 *     counted in the CTE Scans that pulled its rows; it is subtracted from each CTE Scan of that CTE in
 *     proportion to the scan's inclusive time over the sum of the scans' exclusive times, clamped at 0.
 *     Deviation: only "CTE Scan" nodes are corrected (PEV2 also matches WorkTable Scans, which read the
 *     recursive working table, not the CTE's result).</li>
 * <li><b>InitPlan correction</b> ({@code fixInitPlanUsageDuration}): for each InitPlan named "InitPlan N
 *     (returns $M)" (or "InitPlan N" on PostgreSQL 16+), every node outside InitPlans with a text property
 *     mentioning {@code $M} (or {@code InitPlan N}) loses the InitPlan's inclusive time, clamped at 0.
 *     Deviations: the reference must not be followed by another digit ({@code $1} does not match {@code $12}),
 *     and text inside list properties ("Output", "Sort Key") counts too, so that text and JSON plans agree.</li>
 * <li><b>Exclusive cost</b>: Total Cost minus the children's Total Cost (CTEs excepted), clamped at 0.</li>
 * <li><b>Exclusive buffers</b> ({@code calculateExclusives}): the node's buffers minus those of the children
 *     whose time is subtracted (above: SubPlans included, CTEs and InitPlans not, except a Result's InitPlans),
 *     clamped at 0 per field (PEV2 does not clamp). A CTE Scan that is the only scan of its CTE also loses the
 *     CTE's buffers. Deviations from PEV2, which subtracts every child without a Subplan Name: PostgreSQL counts
 *     a SubPlan's buffers in the node whose expressions ran it (pagila-subplan_correlated: Seq Scan on film
 *     reports 7,604 hits, all of them its SubPlan's), and a CTE's buffers in the CTE Scan that pulled its rows,
 *     so PEV2's rule counts them twice. Several CTE Scans of one CTE keep the CTE's buffers (the plan does not
 *     say which scan read which rows first), as do the nodes using an InitPlan's value.</li>
 * <li><b>Total actual rows</b>: Actual Rows x Actual Loops (PEV2's {@code ACTUAL_ROWS_REVISED}).</li>
 * <li><b>Row misestimate</b> ({@code calculatePlannerEstimate}): actual/plan rows (under) or plan/actual rows
 *     (over), per loop; see {@link RowEstimate} for the zero-row rule.</li>
 * <li><b>Execution share</b>: exclusive time / {@link Plan#totalTime()}, clamped to 0..1 (Planwright's own).</li>
 * </ul>
 *
 * <p>Stateless; called from the {@link Plan} constructor on the building thread.
 */
final class PlanCalculator {

    private PlanCalculator() {
    }

    static void compute(Plan plan) {
        List<PlanNode> nodes = plan.nodes();
        int n = nodes.size();
        long[] workers = new long[n];
        for (PlanNode node : nodes) {
            for (PlanNode c : node.children()) {
                if (!isCte(c) && !isRel(c, "InitPlan") && !isRel(c, "SubPlan")) {
                    long launched = node.workersLaunched().orElse(0);
                    workers[c.id()] = launched > 0 ? launched : workers[node.id()];
                }
            }
        }
        double[] inclusive = new double[n];
        boolean[] timed = new boolean[n];
        for (PlanNode node : nodes) {
            long loops = node.actualLoops().orElse(0);
            if (node.actualTotalTime().isPresent() && loops > 0) {
                // + 1.0: in double, so that an absurd worker count (Long.MAX_VALUE) cannot overflow to negative
                inclusive[node.id()] = node.actualTotalTime().getAsDouble() * loops / (workers[node.id()] + 1.0);
                timed[node.id()] = true;
            }
        }
        double[] exclusive = new double[n];
        Buffers[] buffers = new Buffers[n];
        for (PlanNode node : nodes) {
            double children = 0;
            Buffers childBuffers = Buffers.NONE;
            for (PlanNode c : node.children()) {
                if (countsInParent(node, c)) {
                    children += inclusive[c.id()];
                    childBuffers = childBuffers.plus(c.buffers());
                }
            }
            buffers[node.id()] = node.buffers().minusClamped(childBuffers);
            if (timed[node.id()]) {
                exclusive[node.id()] = Math.max(0, inclusive[node.id()] - children);
            }
        }
        if (plan.analyzed()) {
            fixCteScans(nodes, inclusive, exclusive, buffers);
            fixInitPlanUsers(nodes, inclusive, exclusive);
        }
        // Plan.totalTime() falls back on the root's inclusive time, which is not derived yet at this point
        double exec = plan.executionTime().orElse(0);
        double total = exec > 0 ? exec : inclusive[0];
        for (PlanNode node : nodes) {
            int i = node.id();
            double share = total > 0 ? Math.clamp(exclusive[i] / total, 0.0, 1.0) : 0;
            double rows = node.actualRows().orElse(0) * node.actualLoops().orElse(0);
            node.derived(new PlanNode.Derived(inclusive[i], exclusive[i], exclusiveCost(node),
                    buffers[i], rows, rowEstimate(node), share));
        }
    }

    /** Whether a child's time and buffers are part of its parent's: not a CTE, not an InitPlan unless of a Result. */
    private static boolean countsInParent(PlanNode parent, PlanNode child) {
        return !isCte(child) && (!isRel(child, "InitPlan") || "Result".equals(parent.nodeType()));
    }

    static boolean isCte(PlanNode node) {
        return isRel(node, "InitPlan") && node.subplanName().orElse("").startsWith("CTE");
    }

    private static boolean isRel(PlanNode node, String relationship) {
        return relationship.equals(node.parentRelationship().orElse(""));
    }

    private static void fixCteScans(List<PlanNode> nodes, double[] inclusive, double[] exclusive, Buffers[] buffers) {
        Map<String, List<PlanNode>> scansByCte = new HashMap<>(); // one pass, not one per CTE: O(n)
        for (PlanNode s : nodes) {
            if ("CTE Scan".equals(s.nodeType()) && s.cteName().isPresent()) {
                scansByCte.computeIfAbsent("CTE " + s.cteName().get(), k -> new ArrayList<>()).add(s);
            }
        }
        for (PlanNode cte : nodes) {
            if (!isCte(cte)) {
                continue;
            }
            List<PlanNode> scans = scansByCte.getOrDefault(cte.subplanName().orElseThrow(), List.of());
            if (scans.size() == 1) {
                int s = scans.getFirst().id();
                buffers[s] = buffers[s].minusClamped(cte.buffers());
            }
            double sum = 0;
            for (PlanNode s : scans) {
                sum += exclusive[s.id()];
            }
            if (sum <= 0) {
                continue;
            }
            for (PlanNode s : scans) {
                exclusive[s.id()] = Math.max(0, exclusive[s.id()] - inclusive[cte.id()] * inclusive[s.id()] / sum);
            }
        }
    }

    /**
     * Every node outside InitPlans that mentions an InitPlan's reference loses that InitPlan's inclusive time,
     * once per InitPlan. The references are collected first and each node's text is scanned once for "$N" and
     * "InitPlan N" tokens, so the work is linear in the plan's size, not InitPlans x nodes.
     */
    private static void fixInitPlanUsers(List<PlanNode> nodes, double[] inclusive, double[] exclusive) {
        Map<String, List<PlanNode>> initPlansByRef = new HashMap<>();
        for (PlanNode init : nodes) {
            if (isRel(init, "InitPlan") && init.subplanName().isPresent()) {
                String ref = initPlanReference(init.subplanName().get());
                if (ref != null) {
                    initPlansByRef.computeIfAbsent(ref, k -> new ArrayList<>()).add(init);
                }
            }
        }
        if (initPlansByRef.isEmpty()) {
            return;
        }
        Set<String> mentioned = new HashSet<>();
        for (PlanNode user : nodes) {
            if (isRel(user, "InitPlan")) {
                continue;
            }
            mentioned.clear();
            for (Object v : user.properties().values()) {
                if (v instanceof String s) {
                    references(s, mentioned);
                } else if (v instanceof List<?> list) {
                    for (Object o : list) {
                        if (o instanceof String s) {
                            references(s, mentioned);
                        }
                    }
                }
            }
            for (String ref : mentioned) {
                for (PlanNode init : initPlansByRef.getOrDefault(ref, List.of())) {
                    exclusive[user.id()] = Math.max(0, exclusive[user.id()] - inclusive[init.id()]);
                }
            }
        }
    }

    /**
     * Adds to {@code out} every "$N" and "InitPlan N" in {@code s}, each with all the digits that follow (so that
     * "$12" is "$12", never "$1"), the forms {@link #initPlanReference} returns.
     */
    static void references(String s, Set<String> out) {
        for (int at = s.indexOf('$'); at >= 0; at = s.indexOf('$', at + 1)) {
            int end = digitsEnd(s, at + 1);
            if (end > at + 1) {
                out.add(s.substring(at, end));
            }
        }
        for (int at = s.indexOf("InitPlan "); at >= 0; at = s.indexOf("InitPlan ", at + 1)) {
            int end = digitsEnd(s, at + "InitPlan ".length());
            if (end > at + "InitPlan ".length()) {
                out.add(s.substring(at, end));
            }
        }
    }

    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** @return "$M" of "InitPlan N (returns $M...)", "InitPlan N" without returns, or null */
    static String initPlanReference(String subplanName) {
        if (!subplanName.startsWith("InitPlan ")) {
            return null;
        }
        int i = "InitPlan ".length();
        int start = i;
        while (i < subplanName.length() && Character.isDigit(subplanName.charAt(i))) {
            i++;
        }
        if (i == start) {
            return null;
        }
        int ret = subplanName.indexOf("(returns $", i);
        if (ret < 0) {
            return subplanName.substring(0, i);
        }
        int j = ret + "(returns $".length();
        int k = j;
        while (k < subplanName.length() && Character.isDigit(subplanName.charAt(k))) {
            k++;
        }
        return k > j ? "$" + subplanName.substring(j, k) : subplanName.substring(0, i);
    }

    private static double exclusiveCost(PlanNode node) {
        if (node.totalCost().isEmpty()) {
            return 0;
        }
        double cost = node.totalCost().getAsDouble();
        for (PlanNode c : node.children()) {
            if (!isCte(c)) {
                cost -= c.totalCost().orElse(0);
            }
        }
        return Math.max(0, cost);
    }

    private static RowEstimate rowEstimate(PlanNode node) {
        if (node.actualRows().isEmpty() || node.planRows().isEmpty() || node.actualLoops().orElse(0) == 0) {
            return null;
        }
        double actual = node.actualRows().getAsDouble();
        double planned = node.planRows().getAsDouble();
        if (actual > planned) {
            double f = Math.max(actual, 1) / Math.max(planned, 1);
            return new RowEstimate(f, f > 1 ? EstimateDirection.UNDER : EstimateDirection.NONE);
        }
        if (actual < planned) {
            double f = Math.max(planned, 1) / Math.max(actual, 1);
            return new RowEstimate(f, f > 1 ? EstimateDirection.OVER : EstimateDirection.NONE);
        }
        return new RowEstimate(1, EstimateDirection.NONE);
    }
}
