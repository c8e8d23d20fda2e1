package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 2.x EXPLAIN and EXPLAIN ANALYZE of a real H2 file database read into plans (see {@link H2PlanReader}). */
class H2ExplainTest {

    @TempDir
    static Path dir;
    private static Connection connection;

    @BeforeAll
    static void createDatabase() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:" + dir.resolve("shop").toAbsolutePath(), "sa", "");
        try (Statement s = connection.createStatement()) {
            s.execute("create table customer(id int primary key, name varchar(40), city varchar(40))");
            s.execute("create index idx_customer_city on customer(city)");
            s.execute("create table orders(id int primary key, customer_id int references customer(id),"
                    + " total decimal(10,2), status varchar(10))");
            s.execute("insert into customer select x, 'n' || x, 'city' || mod(x, 10) from system_range(1, 1000)");
            s.execute("insert into orders select x, mod(x, 1000) + 1, x / 10.0, case when mod(x, 7) = 0 then 'open'"
                    + " else 'done' end from system_range(1, 20000)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static Plan explain(String statement) throws SQLException {
        StringJoiner out = new StringJoiner("\n");
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(statement)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return PlanParser.parse(out.toString());
    }

    @Test
    void indexLookupAndRowsScanned() throws SQLException {
        Plan plain = explain("EXPLAIN select * from customer where id = 5");
        assertThat(plain.format()).isEqualTo(Plan.Format.H2);
        assertThat(plain.root().nodeType()).isEqualTo("Select");
        assertThat(plain.nodeCount()).isEqualTo(2);
        PlanNode scan = plain.node(1);
        assertThat(scan.nodeType()).isEqualTo("Index Scan");
        assertThat(scan.relationName()).hasValue("CUSTOMER");
        assertThat(scan.schema()).hasValue("PUBLIC");
        assertThat(scan.indexName()).hasValueSatisfying(i -> assertThat(i).startsWith("PRIMARY_KEY"));
        assertThat(scan.indexCond()).hasValue("ID = 5");
        assertThat(scan.properties()).doesNotContainKey("Rows Scanned");
        assertThat(plain.queryText()).hasValueSatisfying(q -> assertThat(q).startsWith("SELECT"));

        Plan analyzed = explain("EXPLAIN ANALYZE select * from customer where city = 'city3'");
        assertThat(analyzed.node(1).indexName()).hasValue("IDX_CUSTOMER_CITY");
        assertThat(analyzed.node(1).lng("Rows Scanned")).hasValue(101); // 100 rows of city3, + 1 as H2 counts
        assertThat(analyzed.analyzed()).isFalse(); // no loops, no times: H2 reports neither
        assertThat(analyzed.node(1).exclusiveTime()).isZero();
    }

    @Test
    void joinInOrderWithFilterAndJoinType() throws SQLException {
        Plan p = explain("EXPLAIN ANALYZE select c.name, sum(o.total) from customer c join orders o on o.customer_id"
                + " = c.id where c.city = 'city3' and o.status = 'open' group by c.name order by 2 desc limit 5");
        assertThat(p.nodes()).extracting(PlanNode::label).containsExactly("Select", "Index Scan on CUSTOMER",
                "Index Scan on ORDERS");
        PlanNode customer = p.node(1);
        PlanNode orders = p.node(2);
        assertThat(customer.alias()).hasValue("C");
        assertThat(customer.filter()).hasValue("C.CITY = 'city3'");
        assertThat(orders.joinType()).hasValue("Inner");
        assertThat(orders.indexCond()).hasValue("CUSTOMER_ID = C.ID");
        assertThat(customer.lng("Rows Scanned")).hasValue(101);
        assertThat(orders.lng("Rows Scanned")).hasValue(2100); // 20 orders for each of 100 customers, + 100
    }

    @Test
    void fullTableScanAndSubqueryTables() throws SQLException {
        Plan count = explain("EXPLAIN ANALYZE select count(*) from orders where status = 'open'");
        assertThat(count.node(1).nodeType()).isEqualTo("Table Scan");
        assertThat(count.node(1).lng("Rows Scanned")).hasValue(20001);

        Plan in = explain("EXPLAIN ANALYZE select * from customer where id in (select customer_id from orders"
                + " where total > 1990)");
        // the subquery is printed twice, once inside the index condition's comment: it is one table
        assertThat(in.nodes()).extracting(PlanNode::label).containsExactly("Select", "Index Scan on CUSTOMER",
                "Table Scan on ORDERS");
        assertThat(in.node(2).parentRelationship()).hasValue("SubPlan");
        assertThat(in.node(2).lng("Rows Scanned")).hasValue(20001);
    }

    @Test
    void updateStatement() throws SQLException {
        Plan p = explain("EXPLAIN update orders set status = 'x' where id < 10");
        assertThat(p.root().nodeType()).isEqualTo("Update");
        assertThat(p.node(1).label()).isEqualTo("Index Scan on ORDERS");
        assertThat(p.node(1).indexCond()).hasValue("ID < 10");
    }

    @Test
    void storageStatisticsOfAFileDatabaseArePlanLevel() {
        // H2 appends them in column 1 after EXPLAIN ANALYZE when pages were read from the file (Explain.java)
        Plan p = PlanParser.parse("SELECT\n    \"PUBLIC\".\"ORDERS\".\"ID\"\nFROM \"PUBLIC\".\"ORDERS\"\n"
                + "    /* PUBLIC.IDX_ORDERS_CUSTOMER: CUSTOMER_ID = 7 */\n    /* scanCount: 11 */\n"
                + "WHERE \"CUSTOMER_ID\" = 7\n/*\ntotal: 9\nreads: 7 (77%)\nwrites: 2 (22%)\n*/");
        assertThat(p.node(1).indexName()).hasValue("IDX_ORDERS_CUSTOMER");
        assertThat(p.properties().get("H2 Statistics")).isEqualTo(java.util.Map.of("total", 9L, "reads", 7L,
                "writes", 2L));
    }

    @Test
    void unclosedCommentIsPositioned() {
        String broken = "SELECT\n    COUNT(*)\nFROM \"PUBLIC\".\"ORDERS\"\n    /* PUBLIC.ORDERS.tableScan\n";
        assertThatThrownBy(() -> PlanParser.parse(broken)).isInstanceOfSatisfying(PlanParseException.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(5);
            assertThat(e.reason()).contains("*/");
        });
    }
}
