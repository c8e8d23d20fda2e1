package org.planwright.advice.parameters;

import java.util.Objects;

/**
 * The representative value one {@code $n} parameter got, and why.
 *
 * @param number   n of {@code $n}
 * @param literal  the SQL text put in its place, e.g. {@code '1994-03-12'::date}, {@code 10} or {@code NULL}
 * @param value    the value as the server prints it, e.g. {@code 1994-03-12}; {@code NULL} for a null
 * @param type     the value's SQL type ({@code format_type} of the column, e.g. {@code numeric(15,2)}), or
 *                 {@code bigint} for LIMIT/OFFSET, or null when untyped
 * @param source   where the value comes from: {@code most-common-values}, {@code histogram}, {@code sample} (a row
 *                 read with TABLESAMPLE), {@code default} (LIMIT/OFFSET) or {@code output} (a select-list parameter,
 *                 bound to NULL)
 * @param evidence one sentence: what it is compared with and the statistics behind the choice
 */
public record BoundParameter(int number, String literal, String value, String type, String source,
                             String evidence) {
    public BoundParameter {
        Objects.requireNonNull(literal, "literal");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** @return one line, e.g. {@code $1 = 42 (most-common-values: ...)} */
    public String describe() {
        return "$" + number + " = " + literal + " (" + source + ": " + evidence + ")";
    }
}
