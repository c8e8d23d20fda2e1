package org.planwright.advice.index;

import org.planwright.advice.PgArrays;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexCandidateTest {

    private static final TableRef USERS = new TableRef("app", "Users", "app.\"Users\"");

    @Test
    void definitionHasExpressionParenthesesIncludeAndPredicate() {
        IndexCandidate c = new IndexCandidate(USERS, List.of("lower((email)::text)", "status"), List.of("name"),
                "deleted = false");
        assertThat(c.definition())
                .isEqualTo("app.\"Users\" ((lower((email)::text)), status) INCLUDE (name) WHERE deleted = false");
        assertThat(c.createUnnamed()).startsWith("CREATE INDEX ON app.\"Users\" (");
        assertThat(c.name()).matches("users_expr_status_name_part[0-9a-f]+_idx");
        assertThat(c.name()).isNotEqualTo(new IndexCandidate(USERS, c.keys(), c.include(), "deleted = true").name());
        assertThat(new IndexCandidate(USERS, List.of("a"), List.of("b"), "").name())
                .isNotEqualTo(new IndexCandidate(USERS, List.of("a"), List.of("c"), "").name());
        assertThat(c.hasExpression()).isTrue();
    }

    @Test
    void longNamesAreCutTo63Bytes() {
        IndexCandidate c = new IndexCandidate(USERS, List.of("a_very_long_column_name_number_one",
                "a_very_long_column_name_number_two", "a_very_long_column_name_number_three"), List.of(), "");
        assertThat(c.name()).hasSizeLessThanOrEqualTo(63).endsWith("_idx");
    }

    @Test
    void anExistingIndexCoversItsKeyPrefixes() {
        TableRef t = new TableRef("public", "lineitem", "public.lineitem");
        ExistingIndex pk = new ExistingIndex(t, "public.lineitem_pkey", "btree", List.of("l_orderkey", "l_linenumber"),
                List.of(), "", true, true, 0, 0, "CREATE UNIQUE INDEX ...");
        assertThat(pk.covers(new IndexCandidate(t, List.of("l_orderkey"), List.of(), ""))).isTrue();
        assertThat(pk.covers(new IndexCandidate(t, List.of("l_linenumber"), List.of(), ""))).isFalse();
        assertThat(pk.covers(new IndexCandidate(t, List.of("l_orderkey"), List.of("l_quantity"), ""))).isFalse();
    }

    @Test
    void textArraysFromTheCatalogAreRead() {
        assertThat(PgArrays.parse("{l_partkey,\"lower((email)::text)\",\"a\\\"b\"}"))
                .containsExactly("l_partkey", "lower((email)::text)", "a\"b");
        assertThat(PgArrays.parse("{}")).isEmpty();
    }
}
