package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MySQL 8 EXPLAIN FORMAT=JSON, FORMAT=TREE and EXPLAIN ANALYZE read into the plan model, and the insights that
 * apply to them. The fixtures are hand-written in MySQL's documented shapes (no MySQL server could be installed:
 * see {@code src/test/resources/plans/mysql/README.md}).
 */
class MySqlPlanTest {

    private static Plan mysql(String name) {
        return PlanParser.parse(XmlYamlFixtureTest.fixture("../mysql/" + name));
    }

    @Test
    void jsonNestedLoopOfTwoTables() {
        Plan p = mysql("world-roma.json");
        assertThat(p.format()).isEqualTo(Plan.Format.MYSQL_JSON);
        assertThat(p.nodes()).extracting(PlanNode::label).containsExactly("query_block #1", "nested_loop",
                "Full Table Scan on city", "Unique Key Lookup on country");
        PlanNode city = p.node(2);
        assertThat(city.nodeType()).isEqualTo("Seq Scan");
        assertThat(city.relationName()).hasValue("city");
        assertThat(city.filter()).hasValue("(`world`.`city`.`Name` = 'Roma')");
        assertThat(city.planRows()).hasValue(4035);
        assertThat(city.totalCost().getAsDouble()).isCloseTo(409.75, within(1e-9));
        assertThat(city.properties()).containsEntry("access_type", "ALL").containsEntry("filtered", "10.00");
        PlanNode country = p.node(3);
        assertThat(country.nodeType()).isEqualTo("Index Scan");
        assertThat(country.indexName()).hasValue("PRIMARY");
        assertThat(p.root().totalCost()).hasValue(550.97);
        assertThat(p.analyzed()).isFalse();
    }

    @Test
    void jsonWithTheEndMarkerCommentsOfMySql57IsRead() {
        String json = """
                {
                  "query_block": {
                    "select_id": 1,
                    "nested_loop": [
                      {
                        "table": {"table_name": "orders", "access_type": "ALL", "rows": 1200, "filtered": 10,
                                  "attached_condition": "(`shop`.`orders`.`status` = 'open')"} /* table */
                      },
                      {
                        "table": {"table_name": "customers", "access_type": "eq_ref", "key": "PRIMARY",
                                  "rows": 1, "filtered": 100} /* table */
                      }
                    ] /* nested_loop */
                  } /* query_block */
                }
                """;
        Plan p = PlanParser.parse(json);
        assertThat(p.format()).isEqualTo(Plan.Format.MYSQL_JSON);
        assertThat(p.nodes()).extracting(PlanNode::nodeType).containsExactly("Result", "Nested Loop", "Seq Scan",
                "Index Scan");
        assertThat(p.node(2).relationName()).hasValue("orders");
        assertThat(p.node(3).indexName()).hasValue("PRIMARY");
    }

    @Test
    void jsonOrderingGroupingMaterializedAndSelectListSubqueries() {
        Plan groups = mysql("world-languages.json");
        assertThat(groups.nodes()).extracting(PlanNode::nodeType).containsExactly("Result", "Sort", "Aggregate",
                "Nested Loop", "Seq Scan", "Index Scan");
        assertThat(groups.node(1).displayType()).isEqualTo("ordering_operation");
        assertThat(groups.node(1).properties()).containsEntry("using_filesort", true);

        Plan big = mysql("world-big-cities.json");
        assertThat(big.nodes()).extracting(PlanNode::label).containsExactly("query_block #1", "ordering_operation",
                "Full Table Scan on c", "query_block #3", "Full Table Scan on city", "query_block #2",
                "Non-Unique Key Lookup on l");
        assertThat(big.node(3).parentRelationship()).hasValue("Subquery");
        assertThat(big.node(5).parentRelationship()).hasValue("SubPlan");
        assertThat(big.node(5).subplanName()).hasValue("Select #2 (dependent)");
        assertThat(big.node(6).nodeType()).isEqualTo("Index Only Scan"); // using_index: a covering index
    }

    @Test
    void treeWithEstimatesOnly() {
        Plan p = mysql("world-roma.tree");
        assertThat(p.format()).isEqualTo(Plan.Format.MYSQL_TREE);
        assertThat(p.nodes()).extracting(PlanNode::label).containsExactly("Nested loop inner join", "Filter",
                "Table scan on city", "Single-row index lookup on country");
        assertThat(p.node(3).indexName()).hasValue("PRIMARY");
        assertThat(p.node(3).indexCond()).hasValue("(Code=city.CountryCode)");
        assertThat(p.node(2).filter()).hasValue("(city.`Name` = 'Roma')");
        assertThat(p.root().planRows()).hasValue(404);
        assertThat(p.analyzed()).isFalse();
    }

    @Test
    void analyzeTreeGivesTimesRowsLoopsAndTheScanFilter() {
        Plan p = mysql("world-roma-analyze.tree");
        assertThat(p.analyzed()).isTrue();
        PlanNode scan = p.node(2);
        assertThat(scan.properties()).containsEntry("MySQL Actual Rows", 4079.0).containsEntry("MySQL Plan Rows", 4035L);
        assertThat(scan.rowsRemovedByFilter()).hasValue(4078); // 4079 read, 1 kept by the Filter above
        assertThat(scan.actualRows()).hasValue(1); // as PostgreSQL counts a Seq Scan with a filter
        assertThat(scan.planRows()).hasValue(404);
        assertThat(p.root().inclusiveTime()).isCloseTo(2.153, within(1e-9));
        assertThat(p.node(1).exclusiveTime()).isCloseTo(2.128 - 1.725, within(1e-9));
        Plan languages = mysql("world-languages-analyze.tree");
        PlanNode lookup = languages.nodes().getLast();
        assertThat(lookup.actualLoops()).hasValue(238);
        assertThat(lookup.inclusiveTime()).isCloseTo(0.003 * 238, within(1e-9));
        assertThat(languages.node(1).properties().get("Sort Key")).isEqualTo(List.of("n DESC", "limit input to 5 row(s) per chunk"));
    }

    @Test
    void subqueryPrintedAfterThePlanIsASubPlanOfTheRoot() {
        Plan p = mysql("world-big-cities-analyze.tree");
        PlanNode select = p.root().children().getLast();
        assertThat(select.nodeType()).isEqualTo("Subquery");
        assertThat(select.parentRelationship()).hasValue("SubPlan");
        assertThat(select.children().getFirst().children().getFirst().nodeType()).isEqualTo("Index Only Scan");
    }

    @Test
    void insightsThatApplyToMySqlPlans() {
        List<Insight> roma = new InsightEngine().analyze(mysql("world-roma-analyze.tree"));
        assertThat(roma).extracting(Insight::kind).contains(InsightKind.SEQ_SCAN_FILTER, InsightKind.ROW_MISESTIMATE);
        Insight filter = roma.stream().filter(i -> i.kind() == InsightKind.SEQ_SCAN_FILTER).findFirst().orElseThrow();
        assertThat(filter.nodeIds()).containsExactly(2);
        assertThat(new InsightEngine().analyze(mysql("world-big-cities-analyze.tree"))).extracting(Insight::kind)
                .contains(InsightKind.SLOW_NODE);
    }

    @Test
    void neverExecutedAndClientFraming() {
        Plan p = PlanParser.parse("""
                +----------------------------------------------------------------------------------+
                | EXPLAIN                                                                          |
                +----------------------------------------------------------------------------------+
                | -> Filter: (t.a > 3)  (cost=1.25 rows=3) (actual time=0.020..0.020 rows=0 loops=1)
                    -> Index range scan on t using a over (3 < a)  (never executed)
                 |
                +----------------------------------------------------------------------------------+
                1 row in set (0.00 sec)
                """.replace("1 row in set (0.00 sec)", ""));
        assertThat(p.format()).isEqualTo(Plan.Format.MYSQL_TREE);
        assertThat(p.node(1).neverExecuted()).isTrue();
        Plan vertical = PlanParser.parse("""
                *************************** 1. row ***************************
                EXPLAIN: -> Table scan on t  (cost=0.35 rows=1) (actual time=0.010..0.012 rows=1 loops=1)
                """);
        assertThat(vertical.root().label()).isEqualTo("Table scan on t");
    }

    @Test
    void brokenMySqlInputIsPositioned() {
        assertThatThrownBy(() -> PlanParser.parse("-> Table scan on t  (cost=0.35 rows=1) (actual time=0.010"))
                .isInstanceOfSatisfying(PlanParseException.class, e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> PlanParser.parse("{\"query_block\": {\"select_id\": 1,\n \"table\": {]}}"))
                .isInstanceOfSatisfying(PlanParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("MySQL JSON");
                });
    }
}
