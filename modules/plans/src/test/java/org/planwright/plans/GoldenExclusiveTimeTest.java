package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Exclusive times on small PEV2 fixtures from the corpus, with the expected values worked out by hand from the
 * plan text (formulas in {@link PlanCalculator}).
 */
class GoldenExclusiveTimeTest {

    private static final double MS = 1e-6;

    /**
     * 02-actual-duration-loops:
     * <pre>
     * Nested Loop        (actual time=0.025..10.198 rows=34956 loops=1)   inclusive 10.198
     *   Seq Scan on t1   (actual time=0.013..0.058 rows=402 loops=1)      inclusive 0.058
     *   Materialize      (actual time=0.000..0.008 rows=100 loops=402)    inclusive 0.008 x 402 = 3.216
     *     Seq Scan on t2 (actual time=0.005..0.015 rows=100 loops=1)      inclusive 0.015
     * exclusive: NL 10.198 - 0.058 - 3.216 = 6.924; t1 0.058; Materialize 3.216 - 0.015 = 3.201; t2 0.015
     * </pre>
     */
    @Test
    void loopsMultiplyThePerLoopTime() {
        Plan p = CorpusFiles.parse("pev2", "02-actual-duration-loops.spec__source.txt");
        assertThat(p.nodeCount()).isEqualTo(4);
        assertThat(p.node(2).nodeType()).isEqualTo("Materialize");
        assertThat(p.node(2).inclusiveTime()).isCloseTo(3.216, within(MS));
        assertThat(p.node(0).exclusiveTime()).isCloseTo(6.924, within(MS));
        assertThat(p.node(1).exclusiveTime()).isCloseTo(0.058, within(MS));
        assertThat(p.node(2).exclusiveTime()).isCloseTo(3.201, within(MS));
        assertThat(p.node(3).exclusiveTime()).isCloseTo(0.015, within(MS));
        assertThat(p.node(2).totalActualRows()).isEqualTo(40200.0);
        assertThat(p.executionTime()).hasValue(12.035);
    }

    /**
     * 03-actual-duration-cte ("Total runtime" of PostgreSQL &lt; 9.4):
     * <pre>
     * Result           1001.087      CTE test: Result 1001.076 (InitPlan, not subtracted from its parent)
     *   Append         1001.085
     *     CTE Scan     1001.082      CTE Scan 0.002
     * Result: 1001.087 - 1001.085 = 0.002; Append: 1001.085 - 1001.082 - 0.002 = 0.001
     * CTE Scans lose the CTE's 1001.076 in proportion to their time over the sum of their exclusive times:
     *   1001.082 - 1001.076 x 1001.082 / 1001.084 = 0.0079999840...; 0.002 - 1001.076 x 0.002 / 1001.084 = 1.6e-8
     * </pre>
     */
    @Test
    void cteTimeIsTakenFromTheCteScans() {
        Plan p = CorpusFiles.parse("pev2", "03-actual-duration-cte.spec__source.txt");
        assertThat(p.executionTime()).hasValue(1001.133);
        assertThat(p.node(1).subplanName()).contains("CTE test");
        assertThat(p.node(1).parentRelationship()).contains("InitPlan");
        assertThat(p.node(0).exclusiveTime()).isCloseTo(0.002, within(MS));
        assertThat(p.node(1).exclusiveTime()).isCloseTo(1001.076, within(MS));
        assertThat(p.node(2).exclusiveTime()).isCloseTo(0.001, within(MS));
        assertThat(p.node(3).cteName()).contains("test");
        assertThat(p.node(3).exclusiveTime()).isCloseTo(1001.082 - 1001.076 * 1001.082 / 1001.084, within(1e-9));
        assertThat(p.node(4).exclusiveTime()).isCloseTo(0.002 - 1001.076 * 0.002 / 1001.084, within(1e-9));
        double sum = p.nodes().stream().mapToDouble(PlanNode::exclusiveTime).sum();
        assertThat(sum).isCloseTo(p.root().inclusiveTime(), within(1e-6));
    }

    /**
     * 04-actual-duration-parallel-from-text, 2 workers launched (loops=3: leader + 2 workers):
     * <pre>
     * Gather Merge              3749.583 x 1            = 3749.583   exclusive 3749.583 - 1967.788 = 1781.795
     *   Sort                    1967.788 x 3 / (2 + 1) = 1967.788   exclusive 1967.788 - 386.014  = 1581.774
     *     Parallel Seq Scan      386.014 x 3 / 3        =  386.014   exclusive 386.014
     * </pre>
     */
    @Test
    void launchedWorkersDivideTheLoops() {
        Plan p = CorpusFiles.parse("pev2", "04-actual-duration-parallel-from-text.spec__source.txt");
        assertThat(p.node(0).workersLaunched()).hasValue(2);
        assertThat(p.node(0).exclusiveTime()).isCloseTo(1781.795, within(MS));
        assertThat(p.node(1).exclusiveTime()).isCloseTo(1581.774, within(MS));
        assertThat(p.node(2).exclusiveTime()).isCloseTo(386.014, within(MS));
        assertThat(p.node(2).parallelAware()).isTrue();
        assertThat(p.node(1).sortSpaceType()).contains("Disk");
        assertThat(p.node(1).sortSpaceUsed()).hasValue(125168);
        assertThat(p.node(1).workers()).hasSize(2);
        assertThat(p.node(1).workers().get(1)).containsEntry("Sort Space Used", 74088L)
                .containsEntry("Actual Total Time", 1891.630);
    }

    /** The same plan from JSON and from text gives the same exclusive times. */
    @Test
    void jsonAndTextOfTheParallelPlanAgree() {
        Plan json = CorpusFiles.parse("pev2", "04-actual-duration-parallel.spec__source.json");
        Plan text = CorpusFiles.parse("pev2", "04-actual-duration-parallel-from-text.spec__source.txt");
        assertThat(json.nodeCount()).isEqualTo(text.nodeCount());
        for (int i = 0; i < json.nodeCount(); i++) {
            assertThat(text.node(i).nodeType()).isEqualTo(json.node(i).nodeType());
        }
        assertThat(json.node(0).exclusiveTime()).isGreaterThan(0);
    }

    /**
     * 05-parallel-launched-workers: 24 workers planned, 7 launched, so loops=8 divide by 8:
     * <pre>
     * Finalize Aggregate   1094.361                      exclusive 1094.361 - 1094.352 = 0.009
     *   Gather             1094.352                      exclusive 1094.352 - 1080.614 = 13.738
     *     Partial Aggregate 1080.614 x 8 / 8 = 1080.614  exclusive 1080.614 - 1072.781 = 7.833
     *       Nested Loop    1072.781 x 8 / 8 = 1072.781   exclusive 1072.781 - 1.455 - 1050 = 21.326
     *         Parallel Seq Scan 1.455 x 8 / 8 = 1.455    exclusive 1.455
     *         Function Scan 0.084 x 100000 / 8 = 1050    exclusive 1050
     * </pre>
     */
    @Test
    void launchedNotPlannedWorkersCount() {
        Plan p = CorpusFiles.parse("pev2", "05-parallel-launched-workers.spec__source.txt");
        assertThat(p.node(1).workersPlanned()).hasValue(24);
        assertThat(p.node(1).workersLaunched()).hasValue(7);
        double[] expected = {0.009, 13.738, 7.833, 21.326, 1.455, 1050.0};
        for (int i = 0; i < expected.length; i++) {
            assertThat(p.node(i).exclusiveTime()).as(p.node(i).toString()).isCloseTo(expected[i], within(MS));
        }
        assertThat(p.node(2).workers()).hasSize(7);
        assertThat(p.node(5).functionName()).contains("generate_series");
        assertThat(p.node(5).schema()).contains("pg_catalog");
    }

    /**
     * 05-parallel-pg12 without ANALYZE: no times, exclusive cost instead. Gather Merge 749.15 - 659.22 = 89.93;
     * Sort 659.22 - 388.12 = 271.10; Parallel Seq Scan 388.12.
     */
    @Test
    void withoutAnalyzeOnlyCosts() {
        Plan p = CorpusFiles.parse("pev2", "05-parallel-pg12.spec__source.txt");
        assertThat(p.analyzed()).isFalse();
        assertThat(p.nodes()).allSatisfy(n -> assertThat(n.exclusiveTime()).isZero());
        assertThat(p.node(0).exclusiveCost()).isCloseTo(89.93, within(MS));
        assertThat(p.node(1).exclusiveCost()).isCloseTo(271.10, within(MS));
        assertThat(p.node(2).exclusiveCost()).isCloseTo(388.12, within(MS));
        assertThat(p.node(1).properties().get("Sort Key")).isEqualTo(java.util.List.of("two"));
    }
}
