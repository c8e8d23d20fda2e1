package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The thresholds value: defaults as documented, overrides validated, and — on real corpus plans — a changed
 * threshold changes what the engine reports.
 */
class InsightThresholdsTest {

    private static List<Insight> of(InsightEngine engine, Plan plan, InsightKind kind) {
        return engine.analyze(plan).stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void defaultsAreTheDocumentedNumbers() {
        InsightThresholds d = InsightThresholds.defaults();
        assertThat(List.of(d.misestimateMinor(), d.misestimateMajor(), d.misestimateSevere()))
                .containsExactly(10.0, 100.0, 1000.0);
        assertThat(d.staleAnalyzeScaleFactor()).isEqualTo(0.1);
        assertThat(d.staleAnalyzeBaseThreshold()).isEqualTo(50);
        assertThat(d.removedFraction()).isEqualTo(0.9);
        for (InsightThreshold t : InsightThreshold.values()) {
            assertThat(t.valueIn(d)).as(t.key()).isEqualTo(t.defaultValue());
            assertThat(t.source()).as(t.key()).isNotBlank();
            assertThat(InsightThreshold.byKey(t.key())).isSameAs(t);
        }
    }

    @Test
    void valuesRoundTripThroughTheMap() {
        InsightThresholds t = InsightThresholds.defaults().with(InsightThreshold.NESTED_LOOP_LOOPS, 250)
                .with(InsightThreshold.JIT_SHARE, 0.3);
        Map<InsightThreshold, Double> values = t.values();
        assertThat(values).containsEntry(InsightThreshold.NESTED_LOOP_LOOPS, 250.0)
                .containsEntry(InsightThreshold.JIT_SHARE, 0.3);
        assertThat(InsightThresholds.fromValues(values)).isEqualTo(t);
        assertThat(t.nestedLoopLoops()).isEqualTo(250L);
    }

    @Test
    void badValuesAreRefusedWithTheThresholdsName() {
        InsightThresholds d = InsightThresholds.defaults();
        assertThatThrownBy(() -> d.with(InsightThreshold.SLOW_NODE_SHARE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slow-node.share")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> d.with(InsightThreshold.REMOVED_FRACTION, 1.5))
                .hasMessageContaining("at most 1");
        assertThatThrownBy(() -> d.with(InsightThreshold.SLOW_NODE_MAX_NODES, 2.5))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> d.with(InsightThreshold.MISESTIMATE_MINOR, 1))
                .hasMessageContaining("factor above 1");
        assertThatThrownBy(() -> d.with(InsightThreshold.MISESTIMATE_MAJOR, 5000))
                .hasMessageContaining("minor <= major <= severe");
        assertThat(InsightThreshold.READ_BLOCKS_PER_ROW.problem(-3)).contains("positive");
        assertThat(InsightThreshold.READ_BLOCKS_PER_ROW.problem(0.5)).isNull();
    }

    @Test
    void aStricterRemovedFractionSilencesTheQ12SeqScanHint() {
        // tpch-q12: Parallel Seq Scan on lineitem removes 1,990,989 of 2,000,206 rows per loop (99.54 %)
        Plan q12 = CorpusFiles.parse("generated-tpch", "tpch-q12.json");
        assertThat(of(new InsightEngine(), q12, InsightKind.SEQ_SCAN_FILTER)).hasSize(1);
        InsightEngine strict = new InsightEngine(InsightThresholds.defaults()
                .with(InsightThreshold.REMOVED_FRACTION, 0.996));
        assertThat(of(strict, q12, InsightKind.SEQ_SCAN_FILTER)).isEmpty();
    }

    @Test
    void aLowerRemovedFractionReportsTheParallelIndexScanThatKeepsAQuarter() {
        // 05-parallel-children-loops: Parallel Index Scan on victor_sierra keeps 20,339 and removes 56,141 rows
        // per loop (73 %), below the default 90 %; the Bitmap Heap Scan on golf removes 14,960 of 14,962 per loop,
        // the Index Scan on delta_sierra 44 of 47 per loop over 122,513 loops (93.6 %)
        Plan p = CorpusFiles.parse("pev2", "05-parallel-children-loops.spec__source.txt");
        List<Insight> byDefault = of(new InsightEngine(), p, InsightKind.INEFFICIENT_INDEX_SCAN);
        assertThat(byDefault).extracting(i -> p.node(i.nodeIds().getFirst()).relationName().orElseThrow())
                .containsExactlyInAnyOrder("golf", "delta_sierra");
        InsightEngine lenient = new InsightEngine(InsightThresholds.defaults()
                .with(InsightThreshold.REMOVED_FRACTION, 0.7));
        assertThat(of(lenient, p, InsightKind.INEFFICIENT_INDEX_SCAN))
                .extracting(i -> p.node(i.nodeIds().getFirst()).relationName().orElseThrow())
                .containsExactlyInAnyOrder("golf", "delta_sierra", "victor_sierra");
    }

    @Test
    void theMisestimateTiersMoveWithTheirThresholds() {
        // tpch-q21: a Nested Loop planned 1 row and found 4,101 per loop: severe (>= 1000x) by default
        Plan q21 = CorpusFiles.parse("generated-tpch", "tpch-q21.json");
        Insight worst = of(new InsightEngine(), q21, InsightKind.ROW_MISESTIMATE).stream()
                .max(java.util.Comparator.comparingDouble(i -> i.evidence().get("misestimate factor (x)")))
                .orElseThrow();
        double factor = worst.evidence().get("misestimate factor (x)");
        InsightEngine tolerant = new InsightEngine(InsightThresholds.defaults()
                .with(InsightThreshold.MISESTIMATE_SEVERE, factor * 10)
                .with(InsightThreshold.MISESTIMATE_MAJOR, factor * 5)
                .with(InsightThreshold.MISESTIMATE_MINOR, factor * 2));
        assertThat(of(tolerant, q21, InsightKind.ROW_MISESTIMATE))
                .noneMatch(i -> i.nodeIds().equals(worst.nodeIds()));
    }

    @Test
    void slowNodeShareAndCountAreHonoured() {
        Plan q1 = CorpusFiles.parse("generated-tpch", "tpch-q1.json");
        List<Insight> byDefault = of(new InsightEngine(), q1, InsightKind.SLOW_NODE);
        assertThat(byDefault).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        InsightEngine one = new InsightEngine(InsightThresholds.defaults()
                .with(InsightThreshold.SLOW_NODE_MAX_NODES, 1));
        assertThat(of(one, q1, InsightKind.SLOW_NODE)).hasSize(1).first()
                .isEqualTo(byDefault.getFirst());
        double top = byDefault.getFirst().impact();
        InsightEngine high = new InsightEngine(InsightThresholds.defaults()
                .with(InsightThreshold.SLOW_NODE_SHARE, Math.min(1, top + 0.001)));
        assertThat(of(high, q1, InsightKind.SLOW_NODE)).isEmpty();
    }
}
