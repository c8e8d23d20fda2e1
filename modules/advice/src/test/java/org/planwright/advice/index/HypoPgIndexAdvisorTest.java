package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.advice.Recommendation;
import org.planwright.advice.RecommendationKind;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.DebianPostgres15;
import org.planwright.testsupport.Postgres15Extension;
import org.planwright.testsupport.TpchQueries;

/**
 * The HypoPG path on Debian's PostgreSQL 15, TPC-H SF 0.02 with primary keys only (the corpus filler): the
 * correlated sub-queries of q17 and q20 probe lineitem by part (and supplier) once per outer row, so the advice
 * must index lineitem by l_partkey; the whole workload's set must make the queries whose estimated cost it cuts
 * by 90 % or more faster, and slow none more than threefold (the planner's known error on q7, q9 and q21 plus
 * noise), measured for real with the indexes built in a rolled-back transaction.
 */
@ExtendWith(Postgres15Extension.class)
class HypoPgIndexAdvisorTest {

    private static final double SCALE = 0.02;
    /** Statement timeout of the timed runs: q17 and q20 without an index run for minutes even at SF 0.05. */
    private static final int CAP_MS = 3000;

    @Test
    void correlatedSubqueriesGetALineitemIndexOnTheirJoinKey(DebianPostgres15 pg) throws Exception {
        String url = pg.tpchPrimaryKeysOnly(SCALE);
        int indexesBefore = indexCount(url, pg.user());
        List<WorkloadStatement> workload = List.of(statement(17), statement(20));
        IndexAdvice advice;
        try (TargetSession s = Sessions.analysis(url, pg.user())) {
            assertThat(s.options().readOnly()).isTrue();
            advice = new IndexAdvisor(s, IndexAdviceOptions.defaults(), m -> { }).advise(workload);
        }
        assertThat(advice.method()).contains("HypoPG");
        assertThat(advice.lockNote()).isEmpty();
        assertThat(advice.skipped()).isEmpty();
        assertThat(advice.chosen()).anySatisfy(c -> {
            assertThat(c.candidate().table().name()).isEqualTo("lineitem");
            assertThat(c.candidate().keys().getFirst()).isEqualTo("l_partkey");
            assertThat(c.improvementPercent()).isGreaterThan(50);
            assertThat(c.sizeBytes()).isPositive();
        });
        for (IndexAdvice.StatementCost sc : advice.statements()) {
            assertThat(sc.costAfter()).as(sc.label()).isLessThan(sc.costBefore() / 2);
        }
        Recommendation first = advice.recommendations().getFirst();
        assertThat(first.kind()).isEqualTo(RecommendationKind.INDEX);
        assertThat(first.sql()).startsWith("CREATE INDEX CONCURRENTLY ");
        assertThat(first.undoSql()).startsWith("DROP INDEX CONCURRENTLY IF EXISTS public.");
        assertThat(first.evidence()).isNotEmpty();
        assertThat(first.estimate().method()).contains("HypoPG");
        assertThat(indexCount(url, pg.user())).as("hypothetical indexes leave nothing behind").isEqualTo(indexesBefore);
    }

    @Test
    void workloadSetSpeedsUpWhatItClaimsAndSlowsNoQueryMoreThanThreefold(DebianPostgres15 pg) throws Exception {
        String url = pg.tpchPrimaryKeysOnly(SCALE);
        List<WorkloadStatement> workload = new ArrayList<>();
        for (var q : TpchQueries.all()) {
            if (q.setup().isEmpty()) {
                workload.add(WorkloadStatement.of("q" + q.number(), q.query()));
            }
        }
        assertThat(workload).hasSize(21);
        IndexAdvice advice;
        try (TargetSession s = Sessions.analysis(url, pg.user())) {
            advice = new IndexAdvisor(s, IndexAdviceOptions.defaults(), m -> { }).advise(workload);
        }
        assertThat(advice.chosen()).isNotEmpty();
        assertThat(advice.statements()).hasSize(21);
        assertThat(advice.geomeanCostRatio()).isLessThan(0.9);
        // a statement whose estimated cost the set leaves unchanged keeps its plan: only the others are timed
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < workload.size(); i++) {
            IndexAdvice.StatementCost sc = advice.statements().get(i);
            if (sc.costAfter() < sc.costBefore() * 0.999) {
                changed.add(i);
            }
        }
        assertThat(changed).isNotEmpty();
        try (Connection c = DriverManager.getConnection(url, pg.user(), "")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                List<String> noisy = new ArrayList<>();
                double[] before = new double[workload.size()];
                for (int i : changed) {
                    before[i] = bestOf(st, workload.get(i).sql());
                }
                for (IndexAdvice.ChosenIndex ch : advice.chosen()) {
                    st.execute(ch.candidate().createUnnamed());
                }
                st.execute("ANALYZE");
                for (int i : changed) {
                    String label = workload.get(i).label();
                    double after = bestOf(st, workload.get(i).sql());
                    IndexAdvice.StatementCost sc = advice.statements().get(i);
                    if (sc.costAfter() <= sc.costBefore() * 0.1) {
                        assertThat(after).as(label + ": its estimated cost fell by 90 % or more").isLessThan(before[i]);
                    }
                    // plan costs can be wrong: on TPC-H the planner's nested loops over the new join-key indexes
                    // make q7, q9 and q21 1.5-2.6x slower at SF 0.2 (docs/index-advice.md); the bound here is
                    // that known error plus noise on 2 shared cores
                    if (after > before[i] * 3 + 0.1) {
                        noisy.add(String.format(Locale.ROOT, "%s %.3f s -> %.3f s", label, before[i], after));
                    }
                }
                assertThat(noisy).as("queries slowed beyond noise").isEmpty();
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * PostgreSQL 15 has no {@code EXPLAIN (GENERIC_PLAN)}: a statement with {@code $n} parameters is costed with
     * representative values from pg_stats instead (the custom plan for typical values) and gets its index; one whose
     * parameter is compared with no column (q17's {@code $2 * avg(...)}) is skipped with the version needed and the
     * binder's reason.
     */
    @Test
    void beforePostgres16StatementsWithParametersAreCostedWithRepresentativeValues(DebianPostgres15 pg)
            throws Exception {
        String url = pg.tpchPrimaryKeysOnly(SCALE);
        // '$1' in a string constant and $2 in a comment are no parameters: this one is planned as before
        String literal = "SELECT count(*) FROM orders WHERE o_custkey = 17 AND o_comment <> '$1' -- $2";
        String unbindable = "SELECT sum(l_extendedprice) FROM lineitem, part WHERE p_partkey = l_partkey "
                + "AND p_brand = $1 AND l_quantity < (SELECT $2 * avg(l_quantity) FROM lineitem "
                + "WHERE l_partkey = p_partkey)";
        IndexAdvice advice;
        try (TargetSession s = Sessions.analysis(url, pg.user())) {
            assertThat(s.serverInfo().majorVersion()).isEqualTo(15);
            advice = new IndexAdvisor(s, IndexAdviceOptions.defaults(), m -> { }).advise(List.of(
                    new WorkloadStatement("top 1", RolledBackIndexAdvisorTest.PARAMETERISED, 500),
                    WorkloadStatement.of("literal", literal),
                    new WorkloadStatement("top 2", unbindable, 20)));
        }
        assertThat(advice.skipped()).singleElement().satisfies(sk -> {
            assertThat(sk.label()).isEqualTo("top 2");
            assertThat(sk.reason()).contains("$n parameters").contains("GENERIC_PLAN")
                    .contains("PostgreSQL 16 or later").contains("PostgreSQL 15.")
                    .contains("$2 cannot be given a representative value");
        });
        assertThat(advice.statements()).extracting(IndexAdvice.StatementCost::label)
                .containsExactly("top 1", "literal");
        IndexAdvice.StatementCost top1 = advice.statements().getFirst();
        assertThat(top1.boundParameters()).extracting(b -> b.number()).containsExactly(1, 2);
        assertThat(top1.boundParameters().get(0).evidence()).contains("l_partkey");
        assertThat(top1.boundParameters().get(1).evidence()).contains("l_quantity").contains("histogram");
        assertThat(top1.costAfter()).isLessThan(top1.costBefore() / 2);
        assertThat(advice.statements().get(1).boundParameters()).isEmpty();
        assertThat(advice.chosen()).anySatisfy(c -> {
            assertThat(c.candidate().keys().getFirst()).isEqualTo("l_partkey");
            assertThat(c.helps()).contains("top 1");
        });
        assertThat(advice.recommendations()).anySatisfy(r -> assertThat(r.evidence())
                .anySatisfy(e -> assertThat(e.detail()).contains("costed with representative values $1 = ")));
    }

    /** @return best of two runs in seconds; a run stopped by the statement timeout counts as the cap */
    private static double bestOf(Statement st, String sql) throws SQLException {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 2 && (run == 0 || best < CAP_MS / 1000.0); run++) {
            st.execute("SAVEPOINT timing");
            st.execute("SET LOCAL statement_timeout = " + CAP_MS);
            long t0 = System.nanoTime();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    // read all rows
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                st.execute("ROLLBACK TO SAVEPOINT timing");
            } catch (SQLException e) {
                if (!"57014".equals(e.getSQLState())) {
                    throw e;
                }
                st.execute("ROLLBACK TO SAVEPOINT timing");
                best = Math.min(best, CAP_MS / 1000.0);
            }
        }
        return best;
    }

    static WorkloadStatement statement(int number) {
        return WorkloadStatement.of("q" + number, TpchQueries.query(number).query());
    }

    static int indexCount(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
