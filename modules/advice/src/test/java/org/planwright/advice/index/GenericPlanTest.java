package org.planwright.advice.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.planwright.targetdb.ServerInfo;

/** Which statements hold {@code $n} parameters, and which servers can plan them (no database). */
class GenericPlanTest {

    private static ServerInfo server(String version, int num) {
        return new ServerInfo("PostgreSQL", version, num, "db", "u", true, true, false);
    }

    @Test
    void parametersAreFoundOutsideStringsCommentsAndQuotedNames() {
        assertThat(GenericPlan.hasParameters("SELECT * FROM lineitem WHERE l_partkey = $1")).isTrue();
        assertThat(GenericPlan.hasParameters("SELECT * FROM t WHERE a IN ($1, $12)")).isTrue();
        assertThat(GenericPlan.hasParameters("SELECT '$1', \"$2\" FROM t -- $3\n /* $4 */ WHERE b = $$ $5 $$"))
                .isFalse();
        assertThat(GenericPlan.hasParameters("SELECT a$1 FROM t")).as("$ inside an identifier").isFalse();
        assertThat(GenericPlan.hasParameters("SELECT 1")).isFalse();
    }

    @Test
    void theWhatIfExplainAddsGenericPlanOnlyForParameterisedStatements() {
        assertThat(GenericPlan.explain("SELECT * FROM t WHERE a = $1")).startsWith("EXPLAIN (VERBOSE, FORMAT JSON, "
                + "GENERIC_PLAN) ");
        assertThat(GenericPlan.explain("SELECT * FROM t WHERE a = '$1'")).startsWith("EXPLAIN (VERBOSE, FORMAT JSON) ");
    }

    @Test
    void olderServersThan16CannotPlanParametersAndTheReasonNamesTheVersion() {
        assertThat(GenericPlan.unplannable("SELECT * FROM t WHERE a = $1", server("15.14", 150014)))
                .hasValueSatisfying(r -> assertThat(r).contains("$n parameters").contains("PostgreSQL 16")
                        .contains("15.14"));
        assertThat(GenericPlan.unplannable("SELECT * FROM t WHERE a = $1", server("16.0", 160000))).isEmpty();
        assertThat(GenericPlan.unplannable("SELECT * FROM t WHERE a = 1", server("15.14", 150014))).isEmpty();
    }
}
