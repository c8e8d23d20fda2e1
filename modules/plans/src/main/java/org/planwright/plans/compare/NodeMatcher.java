package org.planwright.plans.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;

/**
 * Matches the nodes of two plans of the same statement, in three passes modelled on GumTree's top-down /
 * bottom-up tree matching (Falleri et al., "Fine-grained and accurate source code differencing", ASE 2014),
 * simplified for plans, whose leaves name what they read:
 *
 * <ol>
 * <li><b>Anchors</b>: nodes with the same identity ({@link NodeKinds#identity}: relation + alias, CTE, function,
 *     bitmap index, InitPlan/SubPlan name) in a compatible family are paired, the k-th occurrence in plan order
 *     with the k-th. A Seq Scan and an Index Scan of the same table are paired: that is a scan-method change.</li>
 * <li><b>Bottom-up</b>: in post-order of the "after" plan, an unmatched node is paired with the unmatched,
 *     compatible "before" node that contains most of the partners of its matched descendants, if those common
 *     descendants are at least half of both nodes' matched descendants (GumTree's dice &gt;= 0.5). Joins pair
 *     with joins whatever their method, so Hash Join -&gt; Nested Loop is found.</li>
 * <li><b>Top-down recovery</b>: from the roots down, the unmatched children of a matched pair are paired by
 *     position, first those with the same display type, then those of a compatible family.</li>
 * </ol>
 *
 * <p>Linear in the number of nodes times the plans' depth. Single use; not thread-safe.
 */
final class NodeMatcher {

    private static final double MIN_DICE = 0.5;

    private final Plan before;
    private final Plan after;
    private final int[] toAfter;
    private final int[] toBefore;
    private final int[] sizeBefore;
    private final int[] sizeAfter;

    NodeMatcher(Plan before, Plan after) {
        this.before = before;
        this.after = after;
        this.toAfter = new int[before.nodeCount()];
        this.toBefore = new int[after.nodeCount()];
        Arrays.fill(toAfter, -1);
        Arrays.fill(toBefore, -1);
        this.sizeBefore = subtreeSizes(before);
        this.sizeAfter = subtreeSizes(after);
    }

    /** Runs the three passes; afterwards {@link #partnerOfBefore} is filled. */
    NodeMatcher match() {
        anchors();
        bottomUp();
        topDown();
        return this;
    }

    /** @return the "after" id matched with "before" node {@code id}, or -1 */
    int partnerOfBefore(int id) {
        return toAfter[id];
    }

    /** @return the "before" id matched with "after" node {@code id}, or -1 */
    int partnerOfAfter(int id) {
        return toBefore[id];
    }

    private void anchors() {
        Map<String, List<PlanNode>> b = identities(before);
        Map<String, List<PlanNode>> a = identities(after);
        b.forEach((key, nodesB) -> {
            List<PlanNode> nodesA = a.getOrDefault(key, List.of());
            int ia = 0;
            for (PlanNode nb : nodesB) {
                while (ia < nodesA.size() && !NodeKinds.compatible(nb, nodesA.get(ia))) {
                    ia++;
                }
                if (ia < nodesA.size()) {
                    link(nb.id(), nodesA.get(ia++).id());
                }
            }
        });
    }

    private static Map<String, List<PlanNode>> identities(Plan plan) {
        Map<String, List<PlanNode>> out = new LinkedHashMap<>();
        for (PlanNode n : plan.nodes()) {
            String key = NodeKinds.identity(n);
            if (key != null) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
            }
        }
        return out;
    }

    private void bottomUp() {
        for (int ia = after.nodeCount() - 1; ia >= 0; ia--) {
            PlanNode a = after.node(ia);
            if (toBefore[ia] >= 0 || a.children().isEmpty()) {
                continue;
            }
            Map<Integer, Integer> common = new HashMap<>();
            int matchedBelowA = 0;
            for (int d = ia + 1; d < ia + sizeAfter[ia]; d++) {
                int b = toBefore[d];
                if (b < 0) {
                    continue;
                }
                matchedBelowA++;
                for (PlanNode p = before.node(b).parent().orElse(null); p != null; p = p.parent().orElse(null)) {
                    if (toAfter[p.id()] < 0 && NodeKinds.compatible(p, a)) {
                        common.merge(p.id(), 1, Integer::sum);
                    }
                }
            }
            int best = -1;
            double bestDice = 0;
            for (Map.Entry<Integer, Integer> e : common.entrySet()) {
                int b = e.getKey();
                double dice = 2.0 * e.getValue() / (matchedBelowA + matchedBelow(b));
                if (dice >= MIN_DICE && (best < 0 || dice > bestDice
                        || dice == bestDice && (sizeBefore[b] < sizeBefore[best]
                        || sizeBefore[b] == sizeBefore[best] && b < best))) {
                    best = b;
                    bestDice = dice;
                }
            }
            if (best >= 0) {
                link(best, ia);
            }
        }
    }

    private int matchedBelow(int b) {
        int count = 0;
        for (int d = b + 1; d < b + sizeBefore[b]; d++) {
            if (toAfter[d] >= 0) {
                count++;
            }
        }
        return count;
    }

    private void topDown() {
        if (toAfter[0] < 0 && toBefore[0] < 0 && NodeKinds.compatible(before.root(), after.root())) {
            link(0, 0);
        }
        for (int ib = 0; ib < before.nodeCount(); ib++) {
            if (toAfter[ib] >= 0) {
                pairChildren(before.node(ib), after.node(toAfter[ib]));
            }
        }
    }

    private void pairChildren(PlanNode b, PlanNode a) {
        List<PlanNode> kidsB = b.children().stream().filter(k -> toAfter[k.id()] < 0).toList();
        List<PlanNode> kidsA = new ArrayList<>(a.children().stream().filter(k -> toBefore[k.id()] < 0).toList());
        List<PlanNode> rest = new ArrayList<>();
        for (PlanNode kb : kidsB) {
            PlanNode same = kidsA.stream().filter(ka -> ka.displayType().equals(kb.displayType())
                    && ka.parentRelationship().equals(kb.parentRelationship())).findFirst().orElse(null);
            if (same != null) {
                link(kb.id(), same.id());
                kidsA.remove(same);
            } else {
                rest.add(kb);
            }
        }
        for (PlanNode kb : rest) {
            PlanNode like = kidsA.stream().filter(ka -> NodeKinds.compatible(ka, kb)).findFirst().orElse(null);
            if (like != null) {
                link(kb.id(), like.id());
                kidsA.remove(like);
            }
        }
    }

    private void link(int b, int a) {
        toAfter[b] = a;
        toBefore[a] = b;
    }

    /** Pre-order ids make every subtree a contiguous id range [id, id + size). */
    private static int[] subtreeSizes(Plan plan) {
        int[] size = new int[plan.nodeCount()];
        for (int i = plan.nodeCount() - 1; i >= 0; i--) {
            size[i] += 1;
            int parent = plan.node(i).parent().map(PlanNode::id).orElse(-1);
            if (parent >= 0) {
                size[parent] += size[i];
            }
        }
        return size;
    }
}
