package org.planwright.plans.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/** Finds the {@link PlanChange}s between two matched plans. Stateless. */
final class ChangeDetector {

    private ChangeDetector() {
    }

    static List<PlanChange> detect(Plan before, Plan after, NodeMatcher m) {
        List<PlanChange> out = new ArrayList<>();
        for (PlanNode b : before.nodes()) {
            int ia = m.partnerOfBefore(b.id());
            if (ia < 0) {
                if (NodeKinds.isScan(b)) {
                    out.add(new PlanChange(ChangeKind.SCAN_DROPPED, b.id(), -1, NodeKinds.describe(b) + " is gone"));
                }
                continue;
            }
            PlanNode a = after.node(ia);
            String family = NodeKinds.family(b);
            if (family.equals(NodeKinds.JOIN)) {
                join(b, a, out);
            } else if (family.equals(NodeKinds.SCAN) || b.nodeType().equals("Bitmap Index Scan")) {
                if (!NodeKinds.describe(b).equals(NodeKinds.describe(a))) {
                    out.add(new PlanChange(ChangeKind.SCAN_METHOD, b.id(), a.id(),
                            NodeKinds.describe(b) + " -> " + NodeKinds.describe(a)));
                }
            } else if (!b.displayType().equals(a.displayType())) {
                out.add(new PlanChange(ChangeKind.OPERATION, b.id(), a.id(), b.displayType() + " -> " + a.displayType()));
            }
        }
        for (PlanNode a : after.nodes()) {
            if (m.partnerOfAfter(a.id()) < 0 && NodeKinds.isScan(a)) {
                out.add(new PlanChange(ChangeKind.SCAN_ADDED, -1, a.id(), "new " + NodeKinds.describe(a)));
            }
        }
        indexes(before, after, out);
        return List.copyOf(out);
    }

    private static void join(PlanNode b, PlanNode a, List<PlanChange> out) {
        if (!b.displayType().equals(a.displayType())) {
            out.add(new PlanChange(ChangeKind.JOIN_METHOD, b.id(), a.id(), b.displayType() + " -> " + a.displayType()));
        }
        List<PlanNode> inB = inputs(b);
        List<PlanNode> inA = inputs(a);
        if (inB.size() < 2 || inA.size() < 2) {
            return;
        }
        Set<String> outerB = relations(inB.get(0));
        Set<String> innerB = relations(inB.get(1));
        Set<String> outerA = relations(inA.get(0));
        Set<String> innerA = relations(inA.get(1));
        if (intersects(outerB, innerA) && intersects(innerB, outerA)) {
            out.add(new PlanChange(ChangeKind.JOIN_ORDER, b.id(), a.id(), a.displayType() + ": outer " + outerB
                    + " / inner " + innerB + " -> outer " + outerA + " / inner " + innerA));
        }
    }

    /** The join's two inputs (outer first), InitPlans and SubPlans left out. */
    private static List<PlanNode> inputs(PlanNode join) {
        return join.children().stream().filter(c -> c.subplanName().isEmpty()).toList();
    }

    /** Relations (alias, else name) read below {@code n}, InitPlans and SubPlans left out. */
    private static Set<String> relations(PlanNode n) {
        Set<String> out = new LinkedHashSet<>();
        collect(n, out);
        return out;
    }

    private static void collect(PlanNode n, Set<String> out) {
        n.relationName().or(n::cteName).ifPresent(r -> out.add(n.alias().orElse(r)));
        for (PlanNode c : n.children()) {
            if (c.subplanName().isEmpty()) {
                collect(c, out);
            }
        }
    }

    private static boolean intersects(Set<String> x, Set<String> y) {
        return x.stream().anyMatch(y::contains);
    }

    private static void indexes(Plan before, Plan after, List<PlanChange> out) {
        Map<String, PlanNode> inB = indexUsers(before);
        Map<String, PlanNode> inA = indexUsers(after);
        inA.forEach((index, node) -> {
            if (!inB.containsKey(index)) {
                out.add(new PlanChange(ChangeKind.INDEX_USED, -1, node.id(), "uses index " + index));
            }
        });
        inB.forEach((index, node) -> {
            if (!inA.containsKey(index)) {
                out.add(new PlanChange(ChangeKind.INDEX_NOT_USED, node.id(), -1, "no longer uses index " + index));
            }
        });
    }

    private static Map<String, PlanNode> indexUsers(Plan plan) {
        Map<String, PlanNode> out = new LinkedHashMap<>();
        for (PlanNode n : plan.nodes()) {
            n.indexName().ifPresent(i -> out.putIfAbsent(i, n));
        }
        return out;
    }
}
