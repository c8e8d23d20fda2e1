package org.planwright.advice.parameters;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.planwright.sqltext.SqlLexer;
import org.planwright.sqltext.SqlToken;

/**
 * A statement with representative values for its {@code $n} parameters ({@link ParameterBinder}), or the reason it
 * has none.
 *
 * @param sql        the statement as given, with its {@code $n} parameters
 * @param parameters one per distinct {@code $n}, in number order; empty when the statement has none or a parameter
 *                   could not be bound
 * @param reason     null when every parameter was bound; else why one could not be, one sentence naming it
 */
public record Binding(String sql, List<BoundParameter> parameters, String reason) {

    public Binding {
        parameters = List.copyOf(parameters);
    }

    /** @param sql a statement without parameters @return it, bound trivially */
    public static Binding none(String sql) {
        return new Binding(sql, List.of(), null);
    }

    /** @return true when the statement can run: it has no parameters, or all of them got a value */
    public boolean bound() {
        return reason == null;
    }

    /** @return true when it had {@code $n} parameters that were bound */
    public boolean hasParameters() {
        return reason == null && !parameters.isEmpty();
    }

    /** @return the statement with each {@code $n} replaced by its literal; empty when not {@link #bound()} */
    public Optional<String> boundSql() {
        return bound() ? Optional.of(apply(sql).orElseThrow()) : Optional.empty();
    }

    /**
     * @param other a statement using the same parameters (e.g. a rewrite of {@link #sql})
     * @return it with each {@code $n} replaced by the literal bound here (tokens in strings, quoted identifiers and
     *     comments are left alone); empty when not bound or when it uses a parameter not bound here
     */
    public Optional<String> apply(String other) {
        if (!bound()) {
            return Optional.empty();
        }
        Map<Integer, String> literals = new TreeMap<>();
        parameters.forEach(p -> literals.put(p.number(), p.literal()));
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (SqlToken t : SqlLexer.tokenize(other)) {
            if (t.type() != SqlToken.Type.PARAMETER) {
                continue;
            }
            String literal = literals.get(number(t.text()));
            if (literal == null) {
                return Optional.empty();
            }
            out.append(other, at, t.start());
            // a quoted string, NULL or an unsigned integer: a following ::cast applies to it whole, and the text
            // keeps the fingerprint of the statement it came from (constants in the places of its $n)
            out.append(literal);
            at = t.end();
        }
        out.append(other, at, other.length());
        return Optional.of(out.toString());
    }

    /** @return one line listing the values, e.g. {@code $1 = 42, $2 = '1995-03-15'::date}; "" for none */
    public String summary() {
        return String.join(", ", parameters.stream().map(p -> "$" + p.number() + " = " + p.literal()).toList());
    }

    static int number(String parameterToken) {
        try {
            return Integer.parseInt(parameterToken.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
