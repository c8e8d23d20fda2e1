package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * High exclusive cost, inefficient index scans, slow counts and stale statistics on real corpus plans (the
 * numbers in the comments were read from the plan files by hand). Slow counts over a big table and spills of
 * PostgreSQL 18 tuplestores are checked on plans of a real PostgreSQL in modules/target-db
 * ({@code InsightsOnLivePlansTest}): the corpus has none.
 */
class NewInsightsTest {

    private static List<Insight> of(InsightEngine engine, Plan plan, InsightKind kind) {
        return engine.analyze(plan).stream().filter(i -> i.kind() == kind).toList();
    }

    private static List<Insight> of(Plan plan, InsightKind kind) {
        return of(new InsightEngine(), plan, kind);
    }

    @Test
    void withoutAnalyzeTheCostliestNodesAreHighCostAndTheShareIsAThreshold() {
        // 05-parallel-pg12 #6, a plain EXPLAIN: total cost 423.64; Parallel Bitmap Heap Scan 421.53 - 65.28 = 356.25
        // (84 %), Bitmap Index Scan 65.28 (15 %), the aggregates and the Gather almost nothing
        Plan plan = CorpusFiles.parse("pev2", "05-parallel-pg12.spec__source_6.txt");
        assertThat(plan.analyzed()).isFalse();
        List<Insight> high = of(plan, InsightKind.HIGH_COST);
        assertThat(high).extracting(i -> plan.node(i.nodeIds().getFirst()).nodeType())
                .containsExactly("Bitmap Heap Scan", "Bitmap Index Scan");
        assertThat(high.getFirst().impact()).isCloseTo((421.53 - 65.28) / 423.64, within(1e-9));
        assertThat(high.getFirst().evidence().get("exclusive cost")).isCloseTo(421.53 - 65.28, within(1e-9));
        assertThat(high.getFirst().score()).isEqualTo(5);
        assertThat(of(plan, InsightKind.SLOW_NODE)).as("no times without ANALYZE").isEmpty();
        InsightEngine above = new InsightEngine(InsightThresholds.defaults()
                .with(InsightThreshold.HIGH_COST_SHARE, 0.5));
        assertThat(of(above, plan, InsightKind.HIGH_COST)).hasSize(1);
        InsightEngine none = new InsightEngine(InsightThresholds.defaults()
                .with(InsightThreshold.HIGH_COST_SHARE, 0.9));
        assertThat(of(none, plan, InsightKind.HIGH_COST)).isEmpty();
    }

    @Test
    void analyzedPlansGetSlowNodesNotHighCost() {
        assertThat(of(CorpusFiles.parse("generated-tpch", "tpch-q1.json"), InsightKind.HIGH_COST)).isEmpty();
    }

    @Test
    void bitmapHeapScanWhoseFilterDiscardsNearlyEverythingItsIndexFound() {
        // 05-parallel-children-loops: Bitmap Heap Scan on golf, rows=2 loops=81,357, Rows Removed by Filter 14,960
        Plan p = CorpusFiles.parse("pev2", "05-parallel-children-loops.spec__source.txt");
        Insight golf = of(p, InsightKind.INEFFICIENT_INDEX_SCAN).stream()
                .filter(i -> p.node(i.nodeIds().getFirst()).relationName().orElse("").equals("golf"))
                .findFirst().orElseThrow();
        assertThat(golf.evidence().get("rows removed by filter (all loops)")).isEqualTo(14960.0 * 81357);
        assertThat(golf.evidence().get("rows kept (all loops)")).isEqualTo(2.0 * 81357);
        assertThat(golf.evidence().get("removed (fraction)")).isCloseTo(14960.0 / 14962, within(1e-9));
        assertThat(golf.title()).contains("Bitmap Heap Scan on golf").contains("99.9%");
        assertThat(golf.explanation()).contains("does not match the filter").contains("victor_victor");
        PlanNode scan = p.node(golf.nodeIds().getFirst());
        assertThat(golf.score()).isEqualTo(ImpactScore.of(ImpactScore.exclusiveShare(p, scan)));
    }

    @Test
    void q3IndexScanOnLineitemReadsFourRowsPerOrderAndKeepsNone() {
        // tpch-q3: Index Scan using idx_lineitem_orderkey, loops=180,838, rows=0 and Rows Removed by Filter: 4 per
        // loop (l_shipdate > '1995-03-15'): 723,352 rows found by the index condition, all filtered away
        Plan q3 = CorpusFiles.parse("generated-tpch", "tpch-q3.json");
        assertThat(of(q3, InsightKind.INEFFICIENT_INDEX_SCAN)).singleElement().satisfies(i -> {
            assertThat(q3.node(i.nodeIds().getFirst()).indexName()).contains("idx_lineitem_orderkey");
            assertThat(i.evidence().get("rows removed by filter (all loops)")).isEqualTo(723352.0);
            assertThat(i.evidence().get("loops")).isEqualTo(180838.0);
            assertThat(i.explanation()).contains("l_shipdate");
        });
    }

    @Test
    void indexLookupsThatFilterAFewRowsAreNotInefficient() {
        // tpch-q4/q7/q10 Index Scans on lineitem remove 1-3 rows per loop and keep more: below 90 %
        for (String q : List.of("tpch-q4.json", "tpch-q7.json", "tpch-q10.json")) {
            assertThat(of(CorpusFiles.parse("generated-tpch", q), InsightKind.INEFFICIENT_INDEX_SCAN)).as(q)
                    .isEmpty();
        }
    }

    @Test
    void countsOverJoinsOrSmallIndexScansAreNotSlowCounts() {
        // pagila-subplan_correlated: count(*) over a Nested Loop; 13-query-text: count(*) over an Index Only Scan
        // of 796 rows; 05-parallel-pg12 #7: count(*) over a Parallel Bitmap Heap Scan
        assertThat(of(CorpusFiles.parse("generated-pagila", "pagila-subplan_correlated.json"),
                InsightKind.SLOW_COUNT)).isEmpty();
        assertThat(of(CorpusFiles.parse("pev2", "13-query-text.spec__source_2.txt"), InsightKind.SLOW_COUNT))
                .isEmpty();
        assertThat(of(CorpusFiles.parse("pev2", "05-parallel-pg12.spec__source_7.txt"), InsightKind.SLOW_COUNT))
                .isEmpty();
    }

    @Test
    void staleStatisticsNeedAMisestimateAndAStaleTable() {
        // tpch-q18: Seq Scan on public.orders planned 625,000 rows per loop and found 1 (over-estimate);
        // the Index Scan on lineitem is estimated within 0.01 %
        Plan q18 = CorpusFiles.parse("generated-tpch", "tpch-q18.json");
        PlanNode orders = q18.nodesOfType("Seq Scan").stream()
                .filter(n -> n.relationName().orElse("").equals("orders")).findFirst().orElseThrow();
        InsightEngine engine = new InsightEngine();
        assertThat(engine.analyze(q18)).noneMatch(i -> i.kind() == InsightKind.STALE_STATISTICS);

        Instant analyzed = Instant.parse("2026-11-20T10:15:30Z");
        TableStatistics fresh = new TableStatistics("public", "orders", analyzed, null, 1_500_000, 150_050);
        TableStatistics lineitemNever = new TableStatistics("public", "lineitem", null, null, 6_000_000, 0);
        assertThat(stale(engine, q18, fresh, lineitemNever)).as("150,050 <= 50 + 0.1 x 1,500,000; lineitem is "
                + "never analyzed but well estimated").isEmpty();

        TableStatistics modified = new TableStatistics("public", "orders", analyzed, null, 1_500_000, 150_051);
        assertThat(stale(engine, q18, modified, lineitemNever)).singleElement().satisfies(i -> {
            assertThat(i.nodeIds()).containsExactly(orders.id());
            assertThat(i.title()).contains("public.orders").contains("150,051 rows modified");
            assertThat(i.evidence().get("autovacuum analyze threshold (rows)")).isEqualTo(150_050.0);
            assertThat(i.evidence().get("largest misestimate factor (x)")).isEqualTo(625000.0);
            assertThat(i.explanation()).contains("ANALYZE public.orders").contains("2026-11-20T10:15:30Z");
            assertThat(i.score()).isGreaterThanOrEqualTo(1);
        });

        TableStatistics never = new TableStatistics("public", "orders", null, null, 1_500_000, 0);
        assertThat(stale(engine, q18, never)).singleElement()
                .satisfies(i -> assertThat(i.title()).contains("never collected"));

        InsightEngine lenient = new InsightEngine(InsightThresholds.defaults()
                .with(InsightThreshold.STALE_SCALE_FACTOR, 0.2));
        assertThat(stale(lenient, q18, modified)).as("the scale factor is a threshold").isEmpty();
    }

    @Test
    void statisticsOfAnotherSchemaDoNotMatch() {
        Plan q18 = CorpusFiles.parse("generated-tpch", "tpch-q18.json");
        TableStatistics elsewhere = new TableStatistics("archive", "orders", null, null, 10, 0);
        assertThat(stale(new InsightEngine(), q18, elsewhere)).isEmpty();
    }

    private static List<Insight> stale(InsightEngine engine, Plan plan, TableStatistics... tables) {
        return engine.analyze(plan, InsightContext.withTableStatistics(List.of(tables))).stream()
                .filter(i -> i.kind() == InsightKind.STALE_STATISTICS).toList();
    }
}
