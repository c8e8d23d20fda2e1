package org.planwright.advice.parameters;

import java.util.List;
import java.util.Map;

/**
 * What one occurrence of a {@code $n} parameter is compared with, read from the JSqlParser tree.
 *
 * @param number   n of {@code $n}
 * @param kind     how it is used
 * @param qualifier the column's table or alias as written ({@code l1}, {@code public.lineitem}), or null when
 *                 unqualified
 * @param column   the compared (or assigned) column's name as written ({@code l_partkey}); null for LIMIT, OFFSET,
 *                 OUTPUT and OTHER
 * @param scope    the tables visible where it occurs, innermost first; empty when there is no column
 * @param group    the BETWEEN or IN node it belongs to (identity), else null
 * @param position its place within an IN list (0-based), else 0
 * @param context  the expression it occurs in, for reasons (e.g. {@code lower(email) = $1})
 * @param arithmetic true when it is the first operand of a sum or difference compared with the column
 *                 ({@code col < $2 + $3}): its literal is then cast to the column's type, since an untyped constant
 *                 plus another has no type
 * @param output   true when it occurs in the statement's own select list (not a sub-query's): a comparison there
 *                 filters no row
 */
record ParameterUse(int number, Kind kind, String qualifier, String column, List<Map<String, String>> scope,
                    Object group, int position, String context, boolean arithmetic, boolean output) {

    /** How a parameter is used. */
    enum Kind {
        /** {@code column = $n}, {@code column <> $n} */
        EQUALITY,
        /** {@code column > $n}, {@code column >= $n}: $n is a lower bound */
        LOWER,
        /** {@code column < $n}, {@code column <= $n}: $n is an upper bound */
        UPPER,
        /** {@code column BETWEEN $n AND ...} */
        BETWEEN_LOW,
        /** {@code column BETWEEN ... AND $n} */
        BETWEEN_HIGH,
        /** {@code column IN (..., $n, ...)} */
        IN_ITEM,
        /** {@code column = ANY ($n)}: $n is an array of values */
        ANY_ARRAY,
        /** {@code column LIKE $n}, ILIKE, SIMILAR TO */
        LIKE,
        /** {@code LIMIT $n} */
        LIMIT,
        /** {@code OFFSET $n} */
        OFFSET,
        /** {@code INSERT ... (column) VALUES ($n)}, {@code UPDATE ... SET column = $n} */
        TARGET,
        /** in the select list only, compared with nothing: it filters no row */
        OUTPUT,
        /** added to or subtracted from another parameter compared with a column ({@code col < $2 + $3}: $3) */
        SHIFT,
        /** anything else: compared with an expression, an aggregate, another parameter, ... */
        OTHER
    }

    /** @return true when a column decides the value */
    boolean hasColumn() {
        return column != null;
    }
}
