package org.planwright.advice.parameters;

import java.util.Objects;

/**
 * The representative value one {@code $n} parameter got, and why.
 *
 * @param number   n of {@code $n}
 * @param literal  the SQL text put in its place: a string constant ({@code '1994-03-12'}), cast to the column's
 *                 type when it is an operand of a sum ({@code '0.05'::numeric}), or {@code 10}, {@code 0}, {@code 1}
 * @param value    the value as the server prints it, e.g. {@code 1994-03-12}
 * @param type     the value's SQL type ({@code format_type} of the column, e.g. {@code numeric(15,2)}), {@code text}
 *                 for a LIKE pattern, {@code bigint} for LIMIT/OFFSET, {@code integer} for a select-list factor, or
 *                 null for a shift
 * @param source   where the value comes from: {@code most-common-values}, {@code histogram}, {@code sample} (a row
 *                 read with TABLESAMPLE), {@code default} (LIMIT/OFFSET, a shift of 0) or {@code output} (only in
 *                 the select list: 1)
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
