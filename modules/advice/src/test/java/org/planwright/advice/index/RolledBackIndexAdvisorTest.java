package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.testsupport.PostgresExtension;
import org.planwright.testsupport.PostgresFixture;

/**
 * The path without HypoPG, on the embedded PostgreSQL 18 (which has no HypoPG): refused without consent; with it,
 * candidates are built for real inside a transaction that is rolled back, and nothing stays behind.
 */
@ExtendWith(PostgresExtension.class)
class RolledBackIndexAdvisorTest {

    /** TPC-H scale: small, since every candidate is built for real (lineitem about 120,000 rows). */
    private static final double SCALE = 0.02;

    @Test
    void withoutHypoPgAdviceNeedsConsent(PostgresFixture pg) throws Exception {
        String url = pg.tpchPrimaryKeysOnly(SCALE);
        try (TargetSession s = Sessions.analysis(url, pg.user())) {
            assertThatThrownBy(() -> new IndexAdvisor(s, IndexAdviceOptions.defaults(), m -> { })
                    .advise(List.of(HypoPgIndexAdvisorTest.statement(17))))
                    .isInstanceOf(TargetException.class)
                    .hasMessageContaining("HypoPG is not installed")
                    .satisfies(e -> assertThat(((TargetException) e).reason())
                            .isEqualTo(TargetException.Reason.UNSUPPORTED_STATEMENT));
        }
    }

    @Test
    void rolledBackBuildsFindTheIndexAndLeaveNothing(PostgresFixture pg) throws Exception {
        String url = pg.tpchPrimaryKeysOnly(SCALE);
        int before = HypoPgIndexAdvisorTest.indexCount(url, pg.user());
        IndexAdvice advice;
        try (TargetSession s = Sessions.analysis(url, pg.user())) {
            advice = new IndexAdvisor(s, IndexAdviceOptions.defaults().withRolledBackBuilds(true), m -> { })
                    .advise(List.of(HypoPgIndexAdvisorTest.statement(17)));
            assertThat(s.execute("SELECT 1", 1).rows()).hasSize(1);
        }
        assertThat(advice.method()).contains("rolled back");
        assertThat(advice.lockNote()).contains("SHARE lock");
        assertThat(advice.chosen()).anySatisfy(c -> {
            assertThat(c.candidate().table().name()).isEqualTo("lineitem");
            assertThat(c.candidate().keys().getFirst()).isEqualTo("l_partkey");
        });
        assertThat(advice.statements().getFirst().costAfter())
                .isLessThan(advice.statements().getFirst().costBefore() / 2);
        assertThat(HypoPgIndexAdvisorTest.indexCount(url, pg.user())).as("the rollback removed every build")
                .isEqualTo(before);
    }

    /** pg_stat_statements' text of a TPC-H-like point query: its constants are {@code $n} parameters. */
    static final String PARAMETERISED = "SELECT l_orderkey, l_extendedprice FROM lineitem "
            + "WHERE l_partkey = $1 AND l_quantity < $2";

    @Test
    void aStatementWithParametersIsPlannedGenericallyAndGetsItsIndex(PostgresFixture pg) throws Exception {
        String url = pg.tpchPrimaryKeysOnly(SCALE);
        int before = HypoPgIndexAdvisorTest.indexCount(url, pg.user());
        IndexAdvice advice;
        try (TargetSession s = Sessions.analysis(url, pg.user())) {
            assertThat(s.serverInfo().versionNum()).isGreaterThanOrEqualTo(GenericPlan.MIN_VERSION_NUM);
            advice = new IndexAdvisor(s, IndexAdviceOptions.defaults().withRolledBackBuilds(true), m -> { })
                    .advise(List.of(new WorkloadStatement("top 1", PARAMETERISED, 500)));
        }
        assertThat(advice.skipped()).isEmpty();
        assertThat(advice.chosen()).anySatisfy(c -> {
            assertThat(c.candidate().table().name()).isEqualTo("lineitem");
            assertThat(c.candidate().keys().getFirst()).isEqualTo("l_partkey");
            assertThat(c.helps()).containsExactly("top 1");
        });
        assertThat(advice.statements().getFirst().costAfter())
                .isLessThan(advice.statements().getFirst().costBefore() / 2);
        assertThat(HypoPgIndexAdvisorTest.indexCount(url, pg.user())).isEqualTo(before);
    }
    /**
     * PostgreSQL 16+ keeps {@code GENERIC_PLAN}, but refuses pg_stat_statements' {@code date $1} (a syntax error
     * there too): such a statement is costed with representative values instead of being skipped, and gets its index.
     */
    @Test
    void aStatementGenericPlanRefusesIsCostedWithRepresentativeValues(PostgresFixture pg)
            throws Exception {
        String url = pg.tpchPrimaryKeysOnly(SCALE);
        String dated = "select l_orderkey, l_quantity from lineitem where l_partkey = $1 and l_shipmode = $2 "
                + "and l_shipdate >= date $3 and l_shipdate < date $4 + interval $5 month";
        IndexAdvice advice;
        try (TargetSession s = Sessions.analysis(url, pg.user())) {
            assertThat(s.serverInfo().versionNum()).isGreaterThanOrEqualTo(GenericPlan.MIN_VERSION_NUM);
            advice = new IndexAdvisor(s, IndexAdviceOptions.defaults().withRolledBackBuilds(true), m -> { })
                    .advise(List.of(new WorkloadStatement("top 1", dated, 100)));
        }
        assertThat(advice.skipped()).isEmpty();
        IndexAdvice.StatementCost cost = advice.statements().getFirst();
        assertThat(cost.boundParameters()).extracting(b -> b.number()).containsExactly(1, 2, 3, 4, 5);
        assertThat(cost.costAfter()).isLessThan(cost.costBefore() / 2);
        assertThat(advice.chosen()).anySatisfy(c -> assertThat(c.helps()).containsExactly("top 1"));
    }
}
