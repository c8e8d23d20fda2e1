package org.planwright.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;
import org.planwright.testsupport.TpchQueries;

/**
 * The same TPC-H and Pagila statements explained by the test's real PostgreSQL 18 in FORMAT JSON, XML, YAML and
 * TEXT read into the same plan: without ANALYZE every key of every node agrees exactly between JSON, XML and
 * YAML (and node type, relation, index, cost and estimated rows with the text format); with ANALYZE (separate
 * runs, serial plans) everything but times, buffers and WAL agrees, including actual rows and loops.
 */
@ExtendWith(PostgresExtension.class)
class ExplainFormatsAgreementTest {

    private static final List<String> FORMATS = List.of("JSON", "XML", "YAML", "TEXT");

    static Stream<Arguments> statements() {
        Stream<Arguments> tpch = Stream.of(1, 3, 5, 6, 9, 10, 12, 13, 18, 21, 22)
                .map(n -> Arguments.of("tpch", "TPC-H q" + n, TpchQueries.query(n).query()));
        Stream<Arguments> pagila = Stream.of(
                "select f.title, count(*) from film f join inventory i using (film_id) join rental r using"
                        + " (inventory_id) group by f.title order by 2 desc limit 10",
                "with recursive d(n) as (select 1 union all select n + 1 from d where n < 50) select sum(n) from d",
                "select c.last_name, (select max(p.amount) from payment p where p.customer_id = c.customer_id)"
                        + " from customer c where c.active = 1 order by 1 limit 20",
                "select a.last_name, x.title from actor a cross join lateral (select f.title from film_actor fa"
                        + " join film f using (film_id) where fa.actor_id = a.actor_id order by f.length desc"
                        + " limit 2) x",
                "select staff_id, date_trunc('month', payment_date) m, sum(amount), rank() over (partition by"
                        + " staff_id order by sum(amount) desc) from payment group by rollup (staff_id, 2)",
                "select title from film where fulltext @@ to_tsquery('fate & china')")
                .map(q -> Arguments.of("pagila", "Pagila " + q.substring(0, 30), q));
        return Stream.concat(tpch, pagila);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("statements")
    void allFormatsAgree(String database, String name, String query, PostgresFixture pg) throws SQLException {
        String url = database.equals("tpch") ? pg.tpch() : pg.pagila();
        try (Connection c = DriverManager.getConnection(url, pg.user(), "");
             Statement s = c.createStatement()) {
            s.execute("set max_parallel_workers_per_gather = 0"); // serial: actual rows and loops repeat exactly
            s.execute("set jit = off");
            Plan[] plain = new Plan[4];
            Plan[] analyzed = new Plan[4];
            for (int i = 0; i < FORMATS.size(); i++) {
                plain[i] = PlanParser.parse(explain(s, "VERBOSE, SETTINGS, FORMAT " + FORMATS.get(i), query));
                analyzed[i] = PlanParser.parse(explain(s, "ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT "
                        + FORMATS.get(i), query));
                assertThat(plain[i].format().name()).isEqualTo(FORMATS.get(i));
                assertThat(analyzed[i].analyzed()).isTrue();
            }
            for (int i = 1; i <= 2; i++) {
                FormatAgreement.assertSameProperties(plain[0], plain[i], name + " " + FORMATS.get(i));
                FormatAgreement.assertSameExceptRunDependent(analyzed[0], analyzed[i], name + " analyze "
                        + FORMATS.get(i));
            }
            FormatAgreement.assertTextAgrees(plain[0], plain[3], false, name + " TEXT");
            FormatAgreement.assertTextAgrees(analyzed[0], analyzed[3], false, name + " analyze TEXT");
        }
    }

    private static String explain(Statement s, String options, String query) throws SQLException {
        StringJoiner out = new StringJoiner("\n");
        try (ResultSet rs = s.executeQuery("EXPLAIN (" + options + ") " + query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out.toString();
    }
}
