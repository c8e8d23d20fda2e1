package org.planwright.advice.tuning;

import org.planwright.targetdb.QueryResult;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/**
 * Server settings the setting advice needs.
 *
 * @param workMemKb         {@code work_mem}, kB
 * @param hashMemMultiplier {@code hash_mem_multiplier} (PostgreSQL 13+; 1 before)
 * @param maxConnections    {@code max_connections}
 * @param versionNum        {@code server_version_num}
 */
public record ServerFacts(long workMemKb, double hashMemMultiplier, int maxConnections, int versionNum) {

    /**
     * @param session any PostgreSQL session
     * @return the facts, read with one read-only query
     * @throws TargetException when the query fails
     */
    public static ServerFacts read(TargetSession session) throws TargetException {
        QueryResult r = session.execute("SELECT pg_size_bytes(current_setting('work_mem')) / 1024,"
                + " coalesce((SELECT setting::float8 FROM pg_settings WHERE name = 'hash_mem_multiplier'), 1),"
                + " current_setting('max_connections')::int, current_setting('server_version_num')::int", 1);
        Object[] row = r.rows().getFirst();
        return new ServerFacts(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(),
                ((Number) row[2]).intValue(), ((Number) row[3]).intValue());
    }
}
