package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules beyond the first five (join filter, index recheck, lossy bitmap, heap fetches, missing workers,
 * nested loops, read efficiency) on the real corpus plans that show each case; the numbers in the comments were
 * read from the plan files by hand.
 */
class MoreInsightsTest {

    private final InsightEngine engine = new InsightEngine();

    private List<Insight> of(Plan plan, InsightKind kind) {
        return engine.analyze(plan).stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void q17HashJoinFilterDiscardsMostPairs() {
        // tpch-q17: Hash Join, Join Filter (l_quantity < (0.2 * avg(...))): 1,075 rows kept, 11,806 removed
        Plan q17 = CorpusFiles.parse("generated-tpch", "tpch-q17.json");
        assertThat(of(q17, InsightKind.JOIN_FILTER)).singleElement().satisfies(i -> {
            PlanNode join = q17.node(i.nodeIds().getFirst());
            assertThat(join.nodeType()).isEqualTo("Hash Join");
            assertThat(i.evidence().get("rows removed by join filter (all loops)")).isEqualTo(11806.0);
            assertThat(i.evidence().get("removed (fraction)")).isCloseTo(11806.0 / (11806 + 1075), within(1e-9));
            assertThat(i.score()).isEqualTo(ImpactScore.of(join.executionShare()));
        });
    }

    @Test
    void smallJoinFiltersAreNotReported() {
        // tpch-q2 removes 20 and 3 rows by join filter, tpch-q7 2,039 out of far more kept rows
        for (String q : List.of("tpch-q2.json", "tpch-q7.json")) {
            assertThat(of(CorpusFiles.parse("generated-tpch", q), InsightKind.JOIN_FILTER)).as(q).isEmpty();
        }
    }

    @Test
    void lossyBitmapRechecksMillionsOfRows() {
        // cte-exclusive-time__05: Bitmap Heap Scan, Rows Removed by Index Recheck 14,687,029, rows=124,468,
        // Heap Blocks: exact=38322 lossy=79844
        Plan p = CorpusFiles.parse("pev2", "cte-exclusive-time__05.txt");
        assertThat(of(p, InsightKind.INDEX_RECHECK)).singleElement().satisfies(i -> {
            assertThat(i.title()).contains("user_data_read_access");
            assertThat(i.evidence().get("rows removed by index recheck (all loops)")).isEqualTo(14687029.0);
            assertThat(i.explanation()).contains("work_mem");
        });
        assertThat(of(p, InsightKind.LOSSY_BITMAP)).singleElement().satisfies(i -> {
            assertThat(i.evidence().get("lossy heap blocks (8 kB)")).isEqualTo(79844.0);
            assertThat(i.evidence().get("lossy (fraction of heap blocks)"))
                    .isCloseTo(79844.0 / (79844 + 38322), within(1e-9));
            assertThat(i.score()).isEqualTo(5);
        });
    }

    @Test
    void exactBitmapsOfTpchAreNotLossy() {
        // the TPC-H plans report "Lossy Heap Blocks": 0 (work_mem = 32MB) and recheck nothing
        for (Path f : CorpusFiles.list(CorpusFiles.plans("generated-tpch"), ".json")) {
            List<Insight> all = engine.analyze(PlanParser.parse(CorpusFiles.read(f)));
            assertThat(all).as(f.toString()).noneMatch(i -> i.kind() == InsightKind.LOSSY_BITMAP
                    || i.kind() == InsightKind.INDEX_RECHECK);
        }
    }

    @Test
    void indexOnlyScanWithManyHeapFetchesNeedsVacuum() {
        // samples__plan_trigger_source: Index Only Scan on emailmessages, rows=5000, Heap Fetches: 609
        Plan p = CorpusFiles.parse("pev2", "samples__plan_trigger_source.txt");
        assertThat(of(p, InsightKind.HEAP_FETCHES)).singleElement().satisfies(i -> {
            assertThat(i.evidence().get("heap fetches (all loops)")).isEqualTo(609.0);
            assertThat(i.evidence().get("heap fetches per row returned")).isCloseTo(609.0 / 5000, within(1e-9));
            assertThat(i.explanation()).contains("VACUUM emailmessages");
        });
    }

    @Test
    void aFewHeapFetchesAreNotReported() {
        // samples__plan_asmany_source: Heap Fetches: 39, below the 100 minimum
        Plan p = CorpusFiles.parse("pev2", "samples__plan_asmany_source.txt");
        assertThat(p.nodes()).anyMatch(n -> n.heapFetches().orElse(0) == 39);
        assertThat(of(p, InsightKind.HEAP_FETCHES)).isEmpty();
    }

    @Test
    void gatherThatLaunchedFewerWorkersThanPlanned() {
        // 05-parallel-launched-workers: Workers Planned: 24, Workers Launched: 7
        Plan p = CorpusFiles.parse("pev2", "05-parallel-launched-workers.spec__source.txt");
        assertThat(of(p, InsightKind.WORKERS_NOT_LAUNCHED)).singleElement().satisfies(i -> {
            PlanNode gather = p.node(i.nodeIds().getFirst());
            assertThat(i.title()).contains("7 of 24");
            assertThat(i.impact()).isCloseTo(ImpactScore.inclusiveShare(p, gather) * (1 - 8.0 / 25), within(1e-9));
            assertThat(i.score()).isGreaterThanOrEqualTo(1);
        });
        // samples__plan_parallel_source.json: 2 of 4
        assertThat(of(CorpusFiles.parse("pev2", "samples__plan_parallel_source.json"),
                InsightKind.WORKERS_NOT_LAUNCHED)).singleElement()
                .satisfies(i -> assertThat(i.title()).contains("2 of 4"));
        // every TPC-H Gather launched its 2 planned workers
        for (Path f : CorpusFiles.list(CorpusFiles.plans("generated-tpch"), ".json")) {
            assertThat(of(PlanParser.parse(CorpusFiles.read(f)), InsightKind.WORKERS_NOT_LAUNCHED)).as(f.toString())
                    .isEmpty();
        }
    }

    @Test
    void q3NestedLoopProbesLineitemOncePerOrder() {
        // tpch-q3: Nested Loop, inner Index Scan on lineitem with loops=180,838, 73 % of the execution time
        Plan q3 = CorpusFiles.parse("generated-tpch", "tpch-q3.json");
        assertThat(of(q3, InsightKind.NESTED_LOOP_LOOPS)).singleElement().satisfies(i -> {
            PlanNode loop = q3.node(i.nodeIds().get(0));
            PlanNode inner = q3.node(i.nodeIds().get(1));
            assertThat(loop.nodeType()).isEqualTo("Nested Loop");
            assertThat(inner.parent()).contains(loop);
            assertThat(inner.relationName()).contains("lineitem");
            assertThat(i.evidence().get("inner loops")).isEqualTo(180838.0);
            assertThat(i.impact()).isCloseTo(ImpactScore.inclusiveShare(q3, inner), within(1e-9));
        });
    }

    @Test
    void nestedLoopsWithFewLoopsOrLittleTimeAreNotReported() {
        // tpch-q1 has no join; pagila's correlated subplan has no Nested Loop at all
        for (String q : List.of("tpch-q1.json", "tpch-q6.json")) {
            assertThat(of(CorpusFiles.parse("generated-tpch", q), InsightKind.NESTED_LOOP_LOOPS)).isEmpty();
        }
        // and every reported one meets both thresholds
        for (Path f : CorpusFiles.list(CorpusFiles.plans("generated-tpch"), ".json")) {
            Plan p = PlanParser.parse(CorpusFiles.read(f));
            assertThat(of(p, InsightKind.NESTED_LOOP_LOOPS)).allSatisfy(i -> {
                assertThat(i.evidence().get("inner loops")).isGreaterThanOrEqualTo((double) InsightThresholds.defaults().nestedLoopLoops());
                assertThat(i.impact()).isGreaterThanOrEqualTo(InsightThresholds.defaults().nestedLoopInnerShare());
            });
        }
    }

    @Test
    void indexScanReadingHundredsOfBlocksPerRow() {
        // 21-io-timings__05-text: Index Scan on domains, Buffers: shared hit=5,063,706 for rows=8,183 (loops=1)
        Plan p = CorpusFiles.parse("pev2", "21-io-timings__05-text.txt");
        assertThat(of(p, InsightKind.READ_EFFICIENCY)).singleElement().satisfies(i -> {
            assertThat(i.title()).contains("domains");
            assertThat(i.evidence().get("blocks per row returned (8 kB)")).isCloseTo(5063706.0 / 8183, within(1e-6));
        });
    }

    @Test
    void innerIndexLookupsAreNotReadInefficient() {
        // tpch-q3: the inner Index Scan on lineitem touches ~4 blocks per loop and reports rows=0 per loop
        // (rounded): counting one row per loop, it is not a read-efficiency problem
        Plan q3 = CorpusFiles.parse("generated-tpch", "tpch-q3.json");
        assertThat(of(q3, InsightKind.READ_EFFICIENCY)).noneMatch(i -> q3.node(i.nodeIds().getFirst())
                .relationName().orElse("").equals("lineitem"));
    }

    @Test
    void withoutBuffersThereIsNoReadEfficiency() {
        // from-text__31 is EXPLAIN ANALYZE without BUFFERS
        Plan p = CorpusFiles.parse("pev2", "from-text__31.txt");
        assertThat(p.hasBuffers()).isFalse();
        assertThat(of(p, InsightKind.READ_EFFICIENCY)).isEmpty();
    }

    @Test
    void limitOverAnOffsetDiscardsTheSkippedRows() {
        // the corpus has no plan with an OFFSET; this one is written by hand in EXPLAIN ANALYZE's text format
        // for SELECT * FROM events ORDER BY created_at LIMIT 100 OFFSET 10000
        Plan p = PlanParser.parse("""
                Limit  (cost=1234.56..1234.81 rows=100 width=36) (actual time=45.123..45.140 rows=100 loops=1)
                  ->  Sort  (cost=1209.56..1259.56 rows=20000 width=36) (actual time=40.001..44.500 rows=10100 loops=1)
                        Sort Key: created_at
                        Sort Method: quicksort  Memory: 2000kB
                        ->  Seq Scan on events  (cost=0.00..368.00 rows=20000 width=36) (actual time=0.010..5.000 rows=20000 loops=1)
                Planning Time: 0.100 ms
                Execution Time: 45.300 ms
                """);
        assertThat(of(p, InsightKind.LARGE_OFFSET)).singleElement().satisfies(i -> {
            assertThat(i.nodeIds()).containsExactly(0);
            assertThat(i.evidence().get("rows discarded (all loops)")).isEqualTo(10000.0);
            assertThat(i.impact()).isCloseTo(44.5 / 45.3 * (10000.0 / 10100), within(1e-9));
            assertThat(i.score()).isEqualTo(5);
        });
    }

    @Test
    void limitThatStopsItsInputIsNoOffset() {
        // tpch-q10: Limit 20 over a Sort that returned 20 rows: the Limit stopped it, nothing was skipped
        assertThat(of(CorpusFiles.parse("generated-tpch", "tpch-q10.json"), InsightKind.LARGE_OFFSET)).isEmpty();
        for (Path f : CorpusFiles.list(CorpusFiles.plans("generated-pagila"), ".json")) {
            assertThat(of(PlanParser.parse(CorpusFiles.read(f)), InsightKind.LARGE_OFFSET)).as(f.toString()).isEmpty();
        }
    }

    @Test
    void withoutExecutionTimeSharesReferToTheRootTime() {
        // samples__plan8_source.json has no "Execution Time": shares are of the root's 232.217 ms. Its Nested
        // Loop (node 21) removes 190,165 rows by join filter and keeps 522, 20.755 ms of its own
        Plan p = CorpusFiles.parse("pev2", "samples__plan8_source.json");
        assertThat(p.executionTime()).isEmpty();
        PlanNode loop = p.node(21);
        assertThat(loop.executionShare()).isCloseTo(loop.exclusiveTime() / 232.217, within(1e-9)).isPositive();
        assertThat(of(p, InsightKind.JOIN_FILTER)).anySatisfy(i -> {
            assertThat(i.nodeIds()).containsExactly(21);
            assertThat(i.evidence().get("rows removed by join filter (all loops)")).isEqualTo(190165.0);
            assertThat(i.score()).isEqualTo(ImpactScore.of(loop.exclusiveTime() / 232.217)).isPositive();
        });
    }
}
