package org.planwright.advice.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Sessions;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * {@link ParameterBinder} against the real pg_stats of the fixture's TPC-H (SF 0.02, primary keys only) and Pagila:
 * equality gets one of the column's most common values (or, for a key, a histogram bound), ranges get bounds inside
 * the histogram in the right order, LIMIT its default, a parameter compared with no column the reason; every bound
 * statement is accepted by the server's planner.
 */
@ExtendWith(PostgresExtension.class)
class ParameterBinderTest {

    private static final double SCALE = 0.02;

    @Test
    void equalityGetsAFrequentValueAndRangesGetBoundsInsideTheHistogram(PostgresFixture pg) throws Exception {
        String db = Sessions.databaseOf(pg.tpchPrimaryKeysOnly(SCALE));
        String sql = "SELECT l_orderkey, l_extendedprice FROM lineitem WHERE l_shipmode = $1 "
                + "AND l_shipdate >= $2 AND l_shipdate < $3 AND l_orderkey IN ($4, $5) ORDER BY l_orderkey LIMIT $6";
        Binding b;
        try (TargetSession s = Sessions.analysis(pg, db)) {
            b = new ParameterBinder().bind(s, sql);
            assertThat(b.bound()).as(b.reason()).isTrue();
            assertThat(s.execute("EXPLAIN " + b.boundSql().orElseThrow(), 1).rows()).isNotEmpty();
        }
        assertThat(b.parameters()).extracting(BoundParameter::number).containsExactly(1, 2, 3, 4, 5, 6);
        BoundParameter mode = b.parameters().get(0);
        assertThat(mode.source()).isEqualTo("most-common-values");
        assertThat(mode.evidence()).contains("lineitem.l_shipmode").contains("most_common_vals");
        assertThat(array(pg, db, "most_common_vals", "lineitem", "l_shipmode")).contains(mode.value());

        List<String> shipdates = array(pg, db, "histogram_bounds", "lineitem", "l_shipdate");
        BoundParameter from = b.parameters().get(1);
        BoundParameter to = b.parameters().get(2);
        assertThat(from.source()).isEqualTo("histogram");
        assertThat(shipdates).contains(from.value(), to.value());
        assertThat(LocalDate.parse(from.value())).as("a two-sided range, not an empty one")
                .isBefore(LocalDate.parse(to.value()));
        assertThat(from.evidence()).contains("lower bound").contains("centred on the median");

        BoundParameter k1 = b.parameters().get(3);
        BoundParameter k2 = b.parameters().get(4);
        assertThat(k1.value()).as("IN-list items get distinct values").isNotEqualTo(k2.value());
        List<String> keyValues = array(pg, db, "most_common_vals", "lineitem", "l_orderkey");
        keyValues.addAll(array(pg, db, "histogram_bounds", "lineitem", "l_orderkey"));
        assertThat(keyValues).contains(k1.value(), k2.value());

        BoundParameter limit = b.parameters().get(5);
        assertThat(limit.literal()).isEqualTo("10");
        assertThat(limit.source()).isEqualTo("default");
        assertThat(b.boundSql().orElseThrow()).doesNotContain("$").contains("LIMIT 10");
    }

    @Test
    void aKeyGetsTheMedianOfItsHistogramAndACorrelatedSubqueryIsResolvedThroughItsAlias(PostgresFixture pg)
            throws Exception {
        String db = Sessions.databaseOf(pg.tpchPrimaryKeysOnly(SCALE));
        // q17's shape, normalised: the alias l1 of the sub-query and p of the outer query
        String sql = "SELECT sum(l.l_extendedprice) FROM lineitem l, part p WHERE p.p_partkey = l.l_partkey "
                + "AND p.p_brand = $1 AND l.l_quantity < (SELECT avg(l1.l_quantity) FROM lineitem l1 "
                + "WHERE l1.l_partkey = p.p_partkey AND l1.l_suppkey = $2)";
        Binding b;
        try (TargetSession s = Sessions.analysis(pg, db)) {
            b = new ParameterBinder().bind(s, sql);
            assertThat(b.bound()).as(b.reason()).isTrue();
            assertThat(s.execute("EXPLAIN " + b.boundSql().orElseThrow(), 1).rows()).isNotEmpty();
        }
        assertThat(b.parameters().get(0).evidence()).contains("part.p_brand");
        assertThat(array(pg, db, "most_common_vals", "part", "p_brand")).contains(b.parameters().get(0).value());
        assertThat(b.parameters().get(1).evidence()).contains("lineitem.l_suppkey");
    }

    /**
     * pg_stat_statements' text of TPC-H q4/q5-style filters: {@code date '1995-01-01'} became {@code date $1} and
     * {@code + interval '3' month} became {@code + interval $3 month}, and the select list's {@code 1 - l_discount}
     * became {@code $1 - l_discount}.
     */
    @Test
    void typedLiteralsIntervalShiftsAndSelectListFactorsAreBound(PostgresFixture pg) throws Exception {
        String db = Sessions.databaseOf(pg.tpchPrimaryKeysOnly(SCALE));
        String sql = "select sum(l_extendedprice * ($1 - l_discount)) as revenue from orders, lineitem "
                + "where l_orderkey = o_orderkey and o_orderdate >= date $2 and o_orderdate < date $3 + interval $4 "
                + "month and l_discount between $5 - $6 and $7 + $8";
        Binding b;
        try (TargetSession s = Sessions.analysis(pg, db)) {
            b = new ParameterBinder().bind(s, sql);
            assertThat(b.bound()).as(b.reason()).isTrue();
            assertThat(s.execute("EXPLAIN " + b.boundSql().orElseThrow(), 1).rows()).isNotEmpty();
        }
        assertThat(b.parameters().get(0).source()).isEqualTo("output");
        assertThat(b.parameters().get(0).literal()).isEqualTo("1");
        BoundParameter from = b.parameters().get(1);
        BoundParameter to = b.parameters().get(2);
        assertThat(LocalDate.parse(from.value())).isBefore(LocalDate.parse(to.value()));
        assertThat(array(pg, db, "histogram_bounds", "orders", "o_orderdate")).contains(from.value(), to.value());
        assertThat(b.parameters().get(3).literal()).isEqualTo("'0'");
        assertThat(b.parameters().get(3).evidence()).contains("added to or subtracted from");
        assertThat(b.parameters().get(4).type()).startsWith("numeric");
        assertThat(b.parameters().get(4).literal()).as("an operand of a sum is cast")
                .endsWith("'::" + b.parameters().get(4).type());
        assertThat(b.boundSql().orElseThrow()).contains("date '" + from.value() + "'")
                .contains("interval '0' month");
    }

    @Test
    void aParameterComparedWithNoColumnGetsTheReason(PostgresFixture pg) throws Exception {
        String db = Sessions.databaseOf(pg.tpchPrimaryKeysOnly(SCALE));
        // q17's "0.2 * avg(l_quantity)" normalised: $2 multiplies an aggregate, no column says what it is
        String sql = "SELECT sum(l_extendedprice) FROM lineitem, part WHERE p_partkey = l_partkey AND p_brand = $1 "
                + "AND l_quantity < (SELECT $2 * avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)";
        Binding b;
        try (TargetSession s = Sessions.analysis(pg, db)) {
            b = new ParameterBinder().bind(s, sql);
        }
        assertThat(b.bound()).isFalse();
        assertThat(b.parameters()).isEmpty();
        assertThat(b.boundSql()).isEmpty();
        assertThat(b.reason()).startsWith("$2 cannot be given a representative value").contains("no column");
    }

    @Test
    void pagilaEnumsPatternsWritesAndAnUnanalyzedColumn(PostgresFixture pg) throws Exception {
        String pagila = Sessions.databaseOf(pg.pagila());
        try (TargetSession s = Sessions.analysis(pg, pagila)) {
            Binding film = new ParameterBinder().bind(s, "SELECT f.title FROM film f JOIN film_actor fa "
                    + "ON fa.film_id = f.film_id WHERE f.rating = $1 AND f.title LIKE $2 OFFSET $3 LIMIT $4");
            assertThat(film.bound()).as(film.reason()).isTrue();
            assertThat(array(pg, pagila, "most_common_vals", "film", "rating"))
                    .contains(film.parameters().get(0).value());
            assertThat(film.parameters().get(0).type()).isEqualTo("mpaa_rating");
            assertThat(film.parameters().get(1).value()).endsWith("%").doesNotStartWith("%");
            assertThat(film.parameters().get(2).literal()).isEqualTo("0");
            assertThat(s.execute("EXPLAIN " + film.boundSql().orElseThrow(), 1).rows()).isNotEmpty();

            // an ORM's array parameter: film.rating = ANY ($1)
            Binding any = new ParameterBinder().bind(s, "SELECT count(*) FROM film WHERE rating = ANY ($1)");
            assertThat(any.bound()).as(any.reason()).isTrue();
            assertThat(any.parameters().getFirst().literal()).startsWith("ARRAY['").endsWith("]::mpaa_rating[]");
            assertThat(any.parameters().getFirst().value().split(",")).hasSize(ParameterBinder.ARRAY_VALUES);
            assertThat(s.execute(any.boundSql().orElseThrow(), 1).rows()).isNotEmpty();

            Binding update = new ParameterBinder().bind(s, "UPDATE film SET rental_rate = $1 WHERE film_id = $2");
            assertThat(update.bound()).as(update.reason()).isTrue();
            assertThat(update.parameters().get(0).evidence()).startsWith("the value written to rental_rate");
            assertThat(s.execute("EXPLAIN " + update.boundSql().orElseThrow(), 1).rows()).isNotEmpty();
        }
        String scratch = pg.createScratchDatabase("binder_sample");
        try (Connection c = pg.connect(scratch); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE never_analyzed (id int, v text) WITH (autovacuum_enabled = off)");
            st.execute("INSERT INTO never_analyzed SELECT g, 'v' || g FROM generate_series(1, 5000) g");
        }
        try (TargetSession s = Sessions.analysis(pg, scratch)) {
            Binding b = new ParameterBinder().bind(s, "SELECT * FROM never_analyzed WHERE v = $1");
            assertThat(b.bound()).as(b.reason()).isTrue();
            assertThat(b.parameters().getFirst().source()).isEqualTo("sample");
            assertThat(b.parameters().getFirst().value()).startsWith("v");
            assertThat(b.parameters().getFirst().evidence()).contains("never analyzed");
            Binding none = new ParameterBinder().bind(s, "WITH x AS (SELECT 1 AS k) SELECT * FROM x WHERE k = $1");
            assertThat(none.bound()).isFalse();
            assertThat(none.reason()).contains("$1").contains("CTE");
        }
    }

    /** @return the pg_stats array {@code field} of a column as text values, read straight from the server */
    static List<String> array(PostgresFixture pg, String db, String field, String table, String column)
            throws SQLException {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + field + "::text FROM pg_stats WHERE tablename = '" + table
                     + "' AND attname = '" + column + "'")) {
            List<String> out = new java.util.ArrayList<>();
            if (rs.next() && rs.getString(1) != null) {
                out.addAll(org.planwright.advice.PgArrays.parse(rs.getString(1)));
            }
            return out;
        }
    }
}
