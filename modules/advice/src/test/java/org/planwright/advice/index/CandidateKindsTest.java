package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * Expression, partial and multi-column indexes and drop-index advice on a small table of the embedded
 * PostgreSQL 18 (rolled-back builds: it has no HypoPG): 60,000 accounts, 1 % of them 'pending', e-mails in mixed
 * case, a duplicate index.
 */
@ExtendWith(PostgresExtension.class)
class CandidateKindsTest {

    private static String url;
    private static String user;

    @BeforeAll
    static void accounts(PostgresFixture pg) throws Exception {
        String db = pg.createScratchDatabase("advice_kinds");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, status text NOT NULL,"
                    + " region int NOT NULL, created date NOT NULL, note text)");
            st.execute("INSERT INTO accounts SELECT i, 'User' || i || '@Example.com',"
                    + " CASE WHEN i % 100 = 0 THEN 'pending' ELSE 'active' END, i % 50,"
                    + " date '2020-01-01' + (i % 1000), repeat('x', 40) FROM generate_series(1, 60000) i");
            st.execute("CREATE INDEX accounts_region ON accounts (region)");
            st.execute("CREATE INDEX accounts_region_created ON accounts (region, created)");
            st.execute("VACUUM ANALYZE accounts");
        }
        url = pg.url(db);
        user = pg.user();
    }

    private static IndexAdvice advise(String... sql) throws Exception {
        List<WorkloadStatement> w = new java.util.ArrayList<>();
        for (int i = 0; i < sql.length; i++) {
            w.add(WorkloadStatement.of("s" + (i + 1), sql[i]));
        }
        try (TargetSession s = Sessions.analysis(url, user)) {
            return new IndexAdvisor(s, IndexAdviceOptions.defaults().withRolledBackBuilds(true), m -> { }).advise(w);
        }
    }

    @Test
    void functionOnAColumnGetsAnExpressionIndex() throws Exception {
        IndexAdvice a = advise("SELECT id FROM accounts WHERE lower(email) = 'user77@example.com'");
        assertThat(a.chosen()).extracting(c -> c.candidate().definition())
                .anyMatch(d -> d.startsWith("public.accounts ((lower(email)))"));
    }

    @Test
    void rareConstantGetsAPartialIndex() throws Exception {
        IndexAdvice a = advise("SELECT id, created FROM accounts WHERE status = 'pending' ORDER BY created LIMIT 20");
        assertThat(a.chosen()).extracting(c -> c.candidate().predicate()).anyMatch(p -> p.contains("'pending'"));
    }

    @Test
    void equalityAndRangeGiveOneMultiColumnIndexAndTheDuplicateIsDropped() throws Exception {
        IndexAdvice a = advise("SELECT count(*) FROM accounts WHERE status = 'active' AND id > 57000 AND note = 'y'",
                "SELECT email FROM accounts WHERE region = 7 AND created BETWEEN '2021-01-01' AND '2021-01-05'");
        assertThat(a.recommendations()).filteredOn(r -> r.kind() == RecommendationKind.DROP_INDEX)
                .extracting(Recommendation::sql)
                .containsExactly("DROP INDEX CONCURRENTLY IF EXISTS public.accounts_region;");
        Recommendation drop = a.recommendations().stream().filter(r -> r.kind() == RecommendationKind.DROP_INDEX)
                .findFirst().orElseThrow();
        assertThat(drop.undoSql()).startsWith("CREATE INDEX accounts_region ON public.accounts");
        assertThat(a.lockNote()).contains("rolled back");
    }
}
