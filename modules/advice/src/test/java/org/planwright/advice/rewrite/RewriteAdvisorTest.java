package org.planwright.advice.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Cancellation;
import org.planwright.advice.ProgressListener;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.advice.Sessions;
import org.planwright.plans.Plan;
import org.planwright.plans.PlanParser;
import org.planwright.targetdb.ExplainOptions;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Every standard rewrite rule on Pagila (the real embedded PostgreSQL 18): each is offered only after both queries
 * returned the same rows, and says so; a deliberately wrong rewrite is never offered.
 */
@ExtendWith(PostgresExtension.class)
class RewriteAdvisorTest {

    private static TargetSession session;

    @BeforeAll
    static void open(PostgresFixture pg) throws Exception {
        session = Sessions.analysis(pg, Sessions.databaseOf(pg.pagila()));
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    private static RewriteAdvice advise(String sql) throws Exception {
        Plan plan = PlanParser.parse(session.explain(sql, ExplainOptions.analyze()).planText());
        return new RewriteAdvisor().advise(session, sql, Optional.of(plan), ProgressListener.NONE,
                Cancellation.create());
    }

    private static Recommendation only(RewriteAdvice advice, String titleWord) {
        assertThat(advice.offered()).as("offered (refused: %s)", advice.refused()).anySatisfy(r ->
                assertThat(r.title()).contains(titleWord));
        Recommendation r = advice.offered().stream().filter(x -> x.title().contains(titleWord)).findFirst()
                .orElseThrow();
        assertThat(r.kind()).isEqualTo(RecommendationKind.REWRITE);
        assertThat(r.undoSql()).isEmpty();
        assertThat(r.evidence()).anySatisfy(e -> {
            assertThat(e.label()).isEqualTo("Same rows verified");
            assertThat(e.detail()).contains("read-only").contains("the same");
        });
        assertThat(r.target()).isNotBlank().doesNotContain("  ").doesNotContainPattern("'[^']*'");
        assertThat(r.patternSignature()).startsWith("SELECT");
        return r;
    }

    @Test
    void notInOverNotNullColumnsBecomesPlainNotExists() throws Exception {
        // with work_mem too small to hash the subquery, NOT IN runs the subquery per row: the anti-join wins
        session.execute("SET work_mem = '64kB'", 1);
        Recommendation r;
        try {
            r = only(advise("SELECT f.film_id, f.title FROM film f WHERE f.rental_rate > 0"
                    + " AND f.film_id NOT IN (SELECT i.film_id FROM inventory i)"), "NOT IN");
        } finally {
            session.execute("RESET work_mem", 1);
        }
        assertThat(r.estimate().percent()).isGreaterThan(0);
        assertThat(r.sql()).contains("NOT EXISTS (SELECT 1 FROM inventory i WHERE i.film_id = f.film_id)")
                .doesNotContain("IS NULL");
    }

    @Test
    void notInOverANullableColumnKeepsNullSemantics() throws Exception {
        // address2 is nullable and holds NULLs: a plain NOT EXISTS would return rows NOT IN does not
        String sql = "SELECT a.address_id FROM address a WHERE a.address2 NOT IN"
                + " (SELECT c.address2 FROM address c WHERE c.city_id < 300)";
        List<RewriteProposal> proposals = new NotInToNotExists().propose(new QueryUnderAdvice(sql, Optional.empty(),
                new CatalogFacts(session)));
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.rewrittenSql()).contains("c.address2 IS NULL").contains("a.address2 IS NOT NULL");
            Verification v = ResultEquivalence.compare(session, sql, p.rewrittenSql(), false, Cancellation.create());
            assertThat(v.same()).as(v.describe()).isTrue();
            String naive = "SELECT a.address_id FROM address a WHERE NOT EXISTS (SELECT 1 FROM address c"
                    + " WHERE c.city_id < 300 AND c.address2 = a.address2)";
            assertThat(ResultEquivalence.compare(session, sql, naive, false, Cancellation.create()).same())
                    .as("the naive NOT EXISTS differs, so the NULL terms matter").isFalse();
        });
    }

    @Test
    void countAboveZeroBecomesExists() throws Exception {
        Recommendation r = only(advise("SELECT c.customer_id, c.last_name FROM customer c WHERE c.customer_id < 60"
                + " AND (SELECT count(*) FROM rental r WHERE r.customer_id = c.customer_id AND r.return_date IS NULL) > 0"), "EXISTS");
        assertThat(r.sql()).contains("EXISTS (SELECT 1 FROM rental r").doesNotContain("count(*)");
    }

    @Test
    void distinctOverAJoinBecomesASemiJoinWithoutDistinctWhenTheKeyIsSelected() throws Exception {
        Recommendation r = only(advise("SELECT DISTINCT c.customer_id, c.email FROM customer c JOIN rental r"
                + " ON r.customer_id = c.customer_id WHERE r.staff_id = 1"), "DISTINCT");
        assertThat(r.sql()).contains("EXISTS (SELECT 1 FROM rental r").doesNotContain("DISTINCT");
    }

    @Test
    void orAcrossTablesBecomesUnionAllWithTheSameRows() throws Exception {
        // on Pagila's small tables the planner may rightly prefer the OR (then the advisor refuses it as slower):
        // what this pins is the rewrite's exactness, checked on the database
        String sql = "SELECT r.rental_id, r.customer_id FROM rental r JOIN customer c"
                + " ON c.customer_id = r.customer_id WHERE r.inventory_id = 367 OR c.last_name = 'SMITH'";
        List<RewriteProposal> proposals = new OrToUnionAll().propose(new QueryUnderAdvice(sql, Optional.empty(),
                new CatalogFacts(session)));
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.rewrittenSql()).contains("UNION ALL").contains("IS NOT TRUE");
            Verification v = ResultEquivalence.compare(session, sql, p.rewrittenSql(), false, Cancellation.create());
            assertThat(v.same()).as(v.describe()).isTrue();
            assertThat(v.originalRows()).isPositive();
        });
    }

    @Test
    void correlatedCountBecomesAGroupedJoin() throws Exception {
        Recommendation r = only(advise("SELECT c.customer_id, (SELECT count(*) FROM rental r"
                + " WHERE r.customer_id = c.customer_id) AS rentals FROM customer c WHERE c.customer_id < 60"
                + " ORDER BY c.customer_id"),
                "Correlated");
        assertThat(r.sql()).contains("LEFT JOIN (SELECT r.customer_id AS pw_key").contains("coalesce(");
    }

    @Test
    void largeOffsetBecomesKeysetPaging() throws Exception {
        Recommendation r = only(advise("SELECT rental_id, rental_date FROM rental ORDER BY rental_id"
                + " LIMIT 20 OFFSET 10000"), "keyset");
        assertThat(r.sql()).contains("rental.rental_id >").doesNotContain("OFFSET");
    }

    @Test
    void castOfAnIndexedTimestampBecomesARange() throws Exception {
        Object day = session.execute("SELECT (min(rental_date) + interval '3 days')::date::text FROM rental", 1)
                .rows().getFirst()[0];
        Recommendation r = only(advise("SELECT rental_id, inventory_id FROM rental WHERE rental_date::date = '"
                + day + "'"), "Cast");
        assertThat(r.sql()).contains("rental_date >= DATE '" + day + "'");
    }

    @Test
    void yearOfAnIndexedTimestampBecomesARange() throws Exception {
        Recommendation r = only(advise("SELECT rental_id FROM rental WHERE extract(YEAR FROM rental_date) = 2005"
                + " AND customer_id = 5"), "Year");
        assertThat(r.sql()).contains("make_date(");
    }

    @Test
    void materializedCteThatHidesAKeyIsInlined() throws Exception {
        Recommendation r = only(advise("WITH r AS MATERIALIZED (SELECT * FROM rental) SELECT r.rental_id,"
                + " r.customer_id FROM r WHERE r.rental_id = 42"), "NOT MATERIALIZED");
        assertThat(r.sql()).containsIgnoringCase("NOT MATERIALIZED");
        assertThat(r.estimate().percent()).isGreaterThan(50);
    }

    @Test
    void aRewriteThatReturnsOtherRowsIsNeverOffered() throws Exception {
        // NOT IN "rewritten" as IN: plausible-looking, wrong; the advisor must run both and refuse it
        RewriteRule wrong = new RewriteRule() {
            @Override
            public String name() {
                return "deliberately-wrong";
            }

            @Override
            public List<RewriteProposal> propose(QueryUnderAdvice q) {
                return List.of(new RewriteProposal(name(), "wrong", q.sql().replace("NOT IN", "IN"), List.of()),
                        new RewriteProposal(name(), "wrong order", q.sql().replace("ORDER BY f.film_id",
                                "ORDER BY f.film_id DESC"), List.of()));
            }
        };
        String sql = "SELECT f.film_id FROM film f WHERE f.film_id NOT IN (SELECT i.film_id FROM inventory i)"
                + " ORDER BY f.film_id";
        RewriteAdvice advice = new RewriteAdvisor(List.of(wrong)).advise(session, sql, Optional.empty(),
                ProgressListener.NONE, Cancellation.create());
        assertThat(advice.offered()).isEmpty();
        assertThat(advice.refused()).hasSize(2).allSatisfy(x -> assertThat(x.reason()).startsWith("different rows"));
    }
}
