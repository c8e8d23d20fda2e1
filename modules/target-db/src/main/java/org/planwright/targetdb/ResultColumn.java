package org.planwright.targetdb;

/**
 * One column of a result set.
 *
 * @param name     the column label as the server reports it
 * @param typeName the database's type name (PostgreSQL {@code pg_type.typname} such as "int4", "text",
 *                 "timestamptz"; H2 SQL type names such as "INTEGER", "CHARACTER VARYING")
 */
public record ResultColumn(String name, String typeName) {
}
