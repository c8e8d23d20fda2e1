package org.planwright.plans.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanNode;
import org.planwright.plans.PlanParser;
import org.planwright.testsupport.IndexExperiment;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.testsupport.TpchQueries;

/**
 * Real plans of TPC-H (scale {@link PostgresFixture#TPCH_TEST_SCALE}) captured before and after a change, in a
 * rolled-back transaction so that the shared database stays as loaded: q4 without any index on
 * lineitem(l_orderkey) (index and primary key dropped), then after {@code CREATE INDEX idx_l_orderkey}.
 */
@ExtendWith(PostgresExtension.class)
class TpchComparisonTest {

    private static final List<String> NO_ORDERKEY_INDEX = List.of("drop index idx_lineitem_orderkey",
            "alter table lineitem drop constraint lineitem_pkey");
    private static final List<String> CREATE_INDEX = List.of("create index idx_l_orderkey on lineitem (l_orderkey)");

    private static PostgresFixture pg;
    private static String db;
    private static IndexExperiment.Plans q4;

    @BeforeAll
    static void capture(PostgresFixture fixture) {
        pg = fixture;
        String url = fixture.tpch();
        db = url.substring(url.lastIndexOf('/') + 1);
        q4 = IndexExperiment.capture(fixture, db, TpchQueries.query(4).query(), NO_ORDERKEY_INDEX, CREATE_INDEX);
    }

    @Test
    void theNewIndexTurnsTheSeqScanOfLineitemIntoAnIndexScan() {
        PlanComparison c = PlanComparison.compare(PlanParser.parse(q4.before()), PlanParser.parse(q4.after()));

        PlanNode seqScan = only(c.before(), n -> n.nodeType().endsWith("Seq Scan") && n.relationName()
                .orElse("").equals("lineitem"));
        NodePair pair = c.pairOfBefore(seqScan.id()).orElseThrow();
        assertThat(pair.after().relationName()).contains("lineitem");
        assertThat(pair.after().indexName()).contains("idx_l_orderkey");
        assertThat(c.changes()).anySatisfy(ch -> {
            assertThat(ch.kind()).isEqualTo(ChangeKind.SCAN_METHOD);
            assertThat(ch.beforeNodeId()).isEqualTo(seqScan.id());
            assertThat(ch.afterNodeId()).isEqualTo(pair.after().id());
            assertThat(ch.description()).contains("Seq Scan on lineitem").contains("idx_l_orderkey");
        });
        assertThat(c.changes()).anySatisfy(ch -> {
            assertThat(ch.kind()).isEqualTo(ChangeKind.INDEX_USED);
            assertThat(ch.description()).contains("idx_l_orderkey");
        });
        assertThat(c.changes()).noneMatch(ch -> ch.kind() == ChangeKind.SCAN_ADDED || ch.kind() == ChangeKind.SCAN_DROPPED);
    }

    @Test
    void theSemiJoinsMethodChangeIsFoundWhenThePlannerSwitchesIt() {
        PlanComparison c = PlanComparison.compare(PlanParser.parse(q4.before()), PlanParser.parse(q4.after()));
        PlanNode joinBefore = only(c.before(), n -> NodeKinds.family(n).equals(NodeKinds.JOIN));
        PlanNode joinAfter = only(c.after(), n -> NodeKinds.family(n).equals(NodeKinds.JOIN));
        assertThat(c.pairOfBefore(joinBefore.id()).orElseThrow().after()).isSameAs(joinAfter);
        if (joinBefore.nodeType().equals(joinAfter.nodeType())) {
            assertThat(c.changes()).noneMatch(ch -> ch.kind() == ChangeKind.JOIN_METHOD);
        } else {
            assertThat(c.changes()).filteredOn(ch -> ch.kind() == ChangeKind.JOIN_METHOD).singleElement()
                    .satisfies(ch -> assertThat(ch.description()).isEqualTo(
                            joinBefore.displayType() + " -> " + joinAfter.displayType()));
        }
    }

    @Test
    void deltasAreTheDifferencesOfTheServersNumbers() {
        Plan before = PlanParser.parse(q4.before());
        Plan after = PlanParser.parse(q4.after());
        PlanComparison c = PlanComparison.compare(before, after);

        double execBefore = number(q4.before(), "Execution Time");
        double execAfter = number(q4.after(), "Execution Time");
        assertThat(c.totals().executionTime().difference()).isCloseTo(execAfter - execBefore, within(1e-9));
        assertThat(c.totals().planningTime().before()).isEqualTo(number(q4.before(), "Planning Time"));
        assertThat(c.totals().totalCost().after()).isEqualTo(number(q4.after(), "Total Cost"));
        assertThat(c.basis()).isEqualTo(PlanComparison.Basis.EXECUTION_TIME);
        assertThat(c.ratio()).isCloseTo(execAfter / execBefore, within(1e-9));
        double noise = PlanComparison.NOISE_FRACTION * execBefore;
        PlanComparison.Verdict expected = execAfter < execBefore - noise ? PlanComparison.Verdict.FASTER
                : execAfter > execBefore + noise ? PlanComparison.Verdict.SLOWER : PlanComparison.Verdict.SAME;
        assertThat(c.verdict()).isEqualTo(expected);

        long hitBefore = before.nodes().stream().mapToLong(n -> n.exclusiveBuffers().sharedHit()).sum();
        assertThat(c.totals().sharedHitBlocks().before()).isEqualTo(hitBefore);
        for (NodePair p : c.pairs()) {
            assertThat(p.exclusiveTime().difference())
                    .isEqualTo(p.after().exclusiveTime() - p.before().exclusiveTime());
            assertThat(p.actualRows().before()).isEqualTo(p.before().actualRows().orElse(0)
                    * p.before().actualLoops().orElse(0));
            assertThat(p.loops().after()).isEqualTo(p.after().actualLoops().orElse(0));
            assertThat(p.sharedReadBlocks().after()).isEqualTo(p.after().exclusiveBuffers().sharedRead());
            assertThat(p.totalCost().before()).isEqualTo(p.before().totalCost().orElse(0));
        }
        assertThat(c.pairs().size() + c.onlyBefore().size()).isEqualTo(before.nodeCount());
        assertThat(c.pairs().size() + c.onlyAfter().size()).isEqualTo(after.nodeCount());
    }

    @Test
    void aPlanComparedWithItselfHasNoChangesAndZeroDeltas() {
        Plan plan = PlanParser.parse(q4.after());
        PlanComparison c = PlanComparison.compare(plan, PlanParser.parse(q4.after()));
        assertThat(c.sameShape()).isTrue();
        assertThat(c.changes()).isEmpty();
        assertThat(c.pairs()).hasSize(plan.nodeCount());
        assertThat(c.pairs()).allSatisfy(p -> {
            assertThat(p.before().id()).isEqualTo(p.after().id());
            assertThat(p.exclusiveTime().difference()).isZero();
            assertThat(p.sharedHitBlocks().difference()).isZero();
        });
        assertThat(c.verdict()).isEqualTo(PlanComparison.Verdict.SAME);
        assertThat(c.ratio()).isEqualTo(1.0);
    }

    @Test
    void theSamePlanRunTwiceHasTheSameShapeButItsOwnTimes() {
        String again = IndexExperiment.explain(pg, db, TpchQueries.query(4).query());
        String once = IndexExperiment.explain(pg, db, TpchQueries.query(4).query());
        PlanComparison c = PlanComparison.compare(PlanParser.parse(once), PlanParser.parse(again));
        assertThat(c.sameShape()).as("%s", c.changes()).isTrue();
        assertThat(c.totals().executionTime().before()).isEqualTo(number(once, "Execution Time"));
        assertThat(c.totals().executionTime().after()).isEqualTo(number(again, "Execution Time"));
    }

    @Test
    void hashJoinInputsSwapWhenTheOtherSideBecomesTheSmallOne() {
        String q = "select count(*) from orders join lineitem on l_orderkey = o_orderkey"
                + " where l_orderkey < %d and o_orderkey < %d";
        IndexExperiment.Plans p = IndexExperiment.captureTwo(pg, db, List.of("set local enable_nestloop = off",
                "set local enable_mergejoin = off", "set local enable_indexscan = off", "set local enable_bitmapscan = off"),
                q.formatted(50, 100_000_000), q.formatted(100_000_000, 50));
        PlanComparison c = PlanComparison.compare(PlanParser.parse(p.before()), PlanParser.parse(p.after()));
        assertThat(c.changes()).as("%s%n%s", outline(c.before()), outline(c.after()))
                .filteredOn(ch -> ch.kind() == ChangeKind.JOIN_ORDER).singleElement()
                .satisfies(ch -> assertThat(ch.description()).contains("outer [orders] / inner [lineitem]")
                        .contains("outer [lineitem] / inner [orders]"));
        assertThat(c.onlyBefore()).isEmpty();
        assertThat(c.onlyAfter()).isEmpty();
    }

    static String outline(Plan plan) {
        StringBuilder s = new StringBuilder();
        for (PlanNode n : plan.nodes()) {
            int depth = 0;
            for (PlanNode p = n.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
                depth++;
            }
            s.append("  ".repeat(depth)).append(n.id()).append(' ').append(NodeKinds.describe(n)).append('\n');
        }
        return s.toString();
    }

    private static PlanNode only(Plan plan, java.util.function.Predicate<PlanNode> which) {
        List<PlanNode> found = plan.nodes().stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    /** The first value of {@code key} in the server's JSON text, read without the plan parser. */
    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": ([0-9.]+)").matcher(json);
        assertThat(m.find()).as(key).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
