package org.planwright.workload;

/**
 * What identifies one row of {@code pg_stat_statements}: the user, the database, the query identifier and
 * whether the statement ran at top level (PostgreSQL 14+; {@code true} before).
 *
 * @param userId   {@code userid}, the role's OID
 * @param dbId     {@code dbid}, the database's OID
 * @param queryId  {@code queryid}, the fingerprint's hash computed by the server
 * @param topLevel {@code toplevel}
 */
public record StatementKey(long userId, long dbId, long queryId, boolean topLevel) {
}
