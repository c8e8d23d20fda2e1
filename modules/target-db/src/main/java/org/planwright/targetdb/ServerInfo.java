package org.planwright.targetdb;

/**
 * Facts about the server a session is connected to.
 *
 * @param product                  "PostgreSQL" or "H2"
 * @param version                  the version text ({@code server_version}, e.g. "18.1")
 * @param versionNum               {@code server_version_num} (e.g. 180001); H2: major * 10000 + minor * 100
 * @param database                 the current database (H2: the file's database name)
 * @param user                     the session user
 * @param pgStatStatementsInstalled true when {@code CREATE EXTENSION pg_stat_statements} was run in this database
 * @param pgStatStatementsLoaded   true when the pg_stat_statements library is loaded (its {@code pg_stat_statements.*}
 *                                 settings exist), which it must be, through {@code shared_preload_libraries}, to
 *                                 collect anything
 * @param inRecovery               true on a standby ({@code pg_is_in_recovery()}): read-only by nature
 */
public record ServerInfo(String product, String version, int versionNum, String database, String user,
                         boolean pgStatStatementsInstalled, boolean pgStatStatementsLoaded, boolean inRecovery) {

    /** @return the major version, e.g. 18 for 180001 (and 9 for 90624) */
    public int majorVersion() {
        return versionNum / 10000;
    }
}
