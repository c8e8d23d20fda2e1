package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Insights on the real TPC-H and Pagila plans of the corpus; expectations checked against the JSON by hand. */
class InsightEngineTest {

    private final InsightEngine engine = new InsightEngine();

    private static List<Insight> of(List<Insight> all, InsightKind kind) {
        return all.stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void q1SlowestNodeIsReportedFirstWithItsShare() {
        Plan q1 = CorpusFiles.parse("generated-tpch", "tpch-q1.json");
        List<Insight> slow = of(engine.analyze(q1), InsightKind.SLOW_NODE);
        PlanNode slowest = q1.nodes().stream().max(Comparator.comparingDouble(PlanNode::exclusiveTime)).orElseThrow();
        assertThat(slow).isNotEmpty();
        assertThat(slow.getFirst().nodeIds()).containsExactly(slowest.id());
        assertThat(slow.getFirst().impact()).isCloseTo(slowest.exclusiveTime() / 3870.395, within(1e-9));
        assertThat(slow.getFirst().score()).isEqualTo(ImpactScore.of(slow.getFirst().impact()));
        assertThat(slow.getFirst().evidence()).containsKey("exclusive time (ms)");
    }

    @Test
    void q1SeqScanKeepsMostRowsSoNoIndexHint() {
        // Parallel Seq Scan on lineitem: 1,984,528 rows kept, 15,678 removed per loop (0.8 %)
        assertThat(of(engine.analyze(CorpusFiles.parse("generated-tpch", "tpch-q1.json")), InsightKind.SEQ_SCAN_FILTER))
                .isEmpty();
    }

    @Test
    void q12SeqScanOnLineitemRemovesNearlyAllRows() {
        // Parallel Seq Scan on lineitem: 9,217 rows kept, 1,990,989 removed per loop (99.5 %), 84 % of the time
        List<Insight> hints = of(engine.analyze(CorpusFiles.parse("generated-tpch", "tpch-q12.json")),
                InsightKind.SEQ_SCAN_FILTER);
        assertThat(hints).hasSize(1);
        Insight hint = hints.getFirst();
        assertThat(hint.title()).contains("lineitem").contains("99.5%");
        assertThat(hint.evidence().get("removed (fraction)")).isCloseTo(1990989.0 / (1990989 + 9217), within(1e-9));
        assertThat(hint.score()).isEqualTo(5);
    }

    @Test
    void bigRowMisestimatesOfTpchAreFound() {
        // q21: Nested Loop (node 7) planned 1 row, 4,101 per loop found -> under-estimate >= 1000x
        List<Insight> q21 = of(engine.analyze(CorpusFiles.parse("generated-tpch", "tpch-q21.json")),
                InsightKind.ROW_MISESTIMATE);
        assertThat(q21).anySatisfy(i -> {
            assertThat(i.evidence().get("misestimate factor (x)")).isGreaterThanOrEqualTo(1000);
            assertThat(i.title()).contains("Nested Loop").contains("under-estimated");
        });
        // q18 returns no rows on the corpus data: the Seq Scan on orders planned 625,000 rows per loop, found 1
        List<Insight> q18 = of(engine.analyze(CorpusFiles.parse("generated-tpch", "tpch-q18.json")),
                InsightKind.ROW_MISESTIMATE);
        assertThat(q18).anySatisfy(i -> {
            assertThat(i.evidence().get("misestimate factor (x)")).isGreaterThanOrEqualTo(1000);
            assertThat(i.title()).contains("orders").contains("over-estimated");
        });
    }

    @Test
    void sortBelowLimitIsNotAMisestimate() {
        // q10: Limit 20 over a Sort planned at 58,269 rows: the Sort returned 20 because the Limit stopped it
        Plan q10 = CorpusFiles.parse("generated-tpch", "tpch-q10.json");
        PlanNode sort = q10.node(1);
        assertThat(sort.nodeType()).isEqualTo("Sort");
        assertThat(sort.rowEstimate().orElseThrow().factor()).isGreaterThan(1000);
        assertThat(of(engine.analyze(q10), InsightKind.ROW_MISESTIMATE)).noneMatch(i -> i.nodeIds().contains(1));
    }

    @Test
    void pagilaCorrelatedSubplanScansInventoryForNearlyNothing() {
        // Seq Scan on inventory inside the SubPlan: 5 rows kept, 4,576 removed per loop, 86 % of the time
        List<Insight> all = engine.analyze(CorpusFiles.parse("generated-pagila", "pagila-subplan_correlated.json"));
        assertThat(of(all, InsightKind.SEQ_SCAN_FILTER)).singleElement()
                .satisfies(i -> assertThat(i.title()).contains("inventory"))
                .satisfies(i -> assertThat(i.score()).isEqualTo(5));
    }

    @Test
    void generatedPlansDoNotSpillWithTheirWorkMem() {
        // the corpus was produced with work_mem = 32MB: every sort is in memory and every hash in one batch
        for (String dir : List.of("generated-tpch", "generated-pagila")) {
            for (Path f : CorpusFiles.list(CorpusFiles.plans(dir), ".json")) {
                List<Insight> all = engine.analyze(PlanParser.parse(CorpusFiles.read(f)));
                assertThat(all).as(f.toString()).noneMatch(i -> i.kind() == InsightKind.SORT_SPILL
                        || i.kind() == InsightKind.HASH_SPILL);
            }
        }
    }

    @Test
    void externalSortIsASortSpill() {
        // PEV2's parallel fixture: Sort Method "external merge", Disk 125,168 kB in the leader
        List<Insight> spills = of(engine.analyze(CorpusFiles.parse("pev2", "04-actual-duration-parallel.spec__source.json")),
                InsightKind.SORT_SPILL);
        assertThat(spills).singleElement().satisfies(i -> {
            assertThat(i.score()).isBetween(1, 5);
            assertThat(i.evidence().get("sort space used on disk (kB, largest process)")).isGreaterThan(0);
        });
    }

    @Test
    void hashInSeveralBatchesIsAHashSpill() {
        Plan plan = CorpusFiles.parse("pev2/_pev2_expected_parse", "from-text__46-buckets-expect");
        List<Insight> spills = of(engine.analyze(plan), InsightKind.HASH_SPILL);
        assertThat(spills).isNotEmpty();
        assertThat(spills).allSatisfy(i -> assertThat(plan.node(i.nodeIds().getFirst()).hashBatches().orElse(1))
                .isGreaterThan(1));
    }

    @Test
    void insightsAreRankedByScoreThenImpact() {
        for (Path f : CorpusFiles.list(CorpusFiles.plans("generated-tpch"), ".json")) {
            List<Insight> all = engine.analyze(PlanParser.parse(CorpusFiles.read(f)));
            for (int i = 1; i < all.size(); i++) {
                Insight a = all.get(i - 1);
                Insight b = all.get(i);
                assertThat(a.score() > b.score() || a.score() == b.score() && a.impact() >= b.impact())
                        .as(f + ": " + a.title() + " before " + b.title()).isTrue();
            }
        }
    }

    @Test
    void withoutAnalyzeCostsStandIn() {
        // PEV2's no-analyze fixture (JSON expectation of a plain EXPLAIN): only high exclusive cost, no time
        Plan plan = CorpusFiles.parse("pev2/_pev2_expected_parse", "from-text__01-expect");
        assertThat(plan.analyzed()).isFalse();
        List<Insight> all = engine.analyze(plan);
        assertThat(all).allMatch(i -> i.kind() == InsightKind.HIGH_COST);
        assertThat(all).singleElement().satisfies(i -> assertThat(i.evidence()).containsKey("exclusive cost"));
    }

    @Test
    void jitThatCostsMostOfAShortQuery() {
        // from-text__31: JIT Total 2.414 ms of a 2.625 ms execution (92 %)
        List<Insight> jit = of(engine.analyze(CorpusFiles.parse("pev2", "from-text__31.txt")), InsightKind.JIT_SHARE);
        assertThat(jit).singleElement().satisfies(i -> {
            assertThat(i.impact()).isCloseTo(2.414 / 2.625, within(1e-9));
            assertThat(i.score()).isEqualTo(5);
            assertThat(i.evidence()).containsEntry("functions compiled", 3.0);
        });
        // tpch-q1.json: JIT 65 ms of 3,870 ms (1.7 %) is not worth a finding
        assertThat(of(engine.analyze(CorpusFiles.parse("generated-tpch", "tpch-q1.json")), InsightKind.JIT_SHARE))
                .isEmpty();
    }

    @Test
    void parallelJitIsSummedOverProcessesAndCapped() {
        // 05-parallel-jit: the leader reports 4,331 ms of JIT summed over 3 processes, for 1,639 ms of execution
        Plan p = CorpusFiles.parse("pev2", "05-parallel-jit__source.txt");
        assertThat(p.jit().orElseThrow().totalTime()).isGreaterThan(p.executionTime().orElseThrow());
        assertThat(of(engine.analyze(p), InsightKind.JIT_SHARE)).singleElement()
                .satisfies(i -> assertThat(i.impact()).isEqualTo(1.0));
        // and each worker's own JIT block stays with the worker
        PlanNode withWorkerJit = p.nodes().stream().filter(n -> n.workers().stream()
                .anyMatch(w -> w.containsKey("JIT"))).findFirst().orElseThrow();
        Object workerJit = withWorkerJit.workers().getFirst().get("JIT");
        assertThat(workerJit).isInstanceOf(java.util.Map.class);
        assertThat(((java.util.Map<?, ?>) workerJit).get("Functions")).isEqualTo(49L);
    }

    @Test
    void scoreMappingFollowsTheDocumentedBounds() {
        assertThat(ImpactScore.of(0.5)).isEqualTo(5);
        assertThat(ImpactScore.of(0.49)).isEqualTo(4);
        assertThat(ImpactScore.of(0.25)).isEqualTo(4);
        assertThat(ImpactScore.of(0.10)).isEqualTo(3);
        assertThat(ImpactScore.of(0.05)).isEqualTo(2);
        assertThat(ImpactScore.of(0.01)).isEqualTo(1);
        assertThat(ImpactScore.of(0.009)).isZero();
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
