package org.planwright.advice.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Binding}'s substitution and {@link ParameterBinder}'s text rules, without a server. */
class BindingTest {

    private static BoundParameter p(int n, String literal) {
        return new BoundParameter(n, literal, literal, null, "default", "test");
    }

    @Test
    void parametersAreReplacedOutsideStringsIdentifiersAndComments() {
        Binding b = new Binding("SELECT '$1', \"$2\" FROM t WHERE a = $1 AND b > $2::date -- $1", List.of(
                p(1, "'x'"), p(2, "'2020-01-01'")), null);
        assertThat(b.boundSql()).hasValue(
                "SELECT '$1', \"$2\" FROM t WHERE a = 'x' AND b > '2020-01-01'::date -- $1");
        assertThat(b.apply("SELECT 1 WHERE a = $3")).as("a parameter not bound here").isEmpty();
        assertThat(b.summary()).isEqualTo("$1 = 'x', $2 = '2020-01-01'");
    }

    @Test
    void anUnboundStatementHasNoText() {
        Binding b = new Binding("SELECT $1", List.of(), "$1 cannot be given a representative value: test");
        assertThat(b.bound()).isFalse();
        assertThat(b.boundSql()).isEmpty();
        assertThat(Binding.none("SELECT 1").boundSql()).hasValue("SELECT 1");
    }

    @Test
    void typeNamesBeforeParametersAreDroppedForReadingOnly() {
        Set<Integer> typed = new HashSet<>();
        String text = ParameterBinder.parseable("where d >= date $1 and d < date $2 + interval $3 month and x = $4",
                typed);
        assertThat(text.replaceAll("\\s+", " ")).isEqualTo("where d >= $1 and d < $2 + $3 and x = $4");
        assertThat(typed).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void likePatternsArePrefixesWithWildcardsEscaped() {
        assertThat(ParameterBinder.prefixPattern("MEDIUM PLATED")).isEqualTo("MEDIUM %");
        assertThat(ParameterBinder.prefixPattern("50%_off")).isEqualTo("50\\%\\_%");
        assertThat(ParameterBinder.prefixPattern("a")).isEqualTo("a%");
    }
}
