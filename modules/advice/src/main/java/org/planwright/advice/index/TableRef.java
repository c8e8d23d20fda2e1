package org.planwright.advice.index;

import java.util.Objects;

/**
 * A table as the catalog knows it.
 *
 * @param schema  its schema, unquoted (e.g. {@code public})
 * @param name    its name, unquoted (e.g. {@code lineitem})
 * @param sqlName the quoted, schema-qualified name for SQL text ({@code format('%I.%I')}), e.g. {@code public.lineitem}
 */
public record TableRef(String schema, String name, String sqlName) {
    public TableRef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sqlName, "sqlName");
    }
}
