package org.planwright.targetdb;

import org.planwright.sqltext.ExplainStatements;

/**
 * EXPLAIN options (PostgreSQL "EXPLAIN" reference page). The output format is always JSON on PostgreSQL.
 *
 * @param useAnalyze  ANALYZE: run the statement and report actual times, rows and loops (the statement really executes:
 *                 Planwright runs it in a transaction that is always rolled back)
 * @param useBuffers  BUFFERS: report shared/local/temp block counts (8 kB blocks); on PostgreSQL before 13 only with analyze
 * @param useVerbose  VERBOSE: output columns, schema-qualified names, worker details
 * @param useSettings SETTINGS: list planner-relevant settings that differ from their defaults (PostgreSQL 12+)
 */
public record ExplainOptions(boolean useAnalyze, boolean useBuffers, boolean useVerbose, boolean useSettings) {

    /** @return estimates only: EXPLAIN (VERBOSE, SETTINGS, FORMAT JSON); nothing executes */
    public static ExplainOptions plain() {
        return new ExplainOptions(false, false, true, true);
    }

    /** @return EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON) */
    public static ExplainOptions analyze() {
        return new ExplainOptions(true, true, true, true);
    }

    /** @return whether to ask for BUFFERS from a server of this {@code server_version_num} (13+ without ANALYZE) */
    boolean buffersOn(int serverVersionNum) {
        return useBuffers && (useAnalyze || serverVersionNum >= 130000);
    }

    /** @return whether to ask for SETTINGS from a server of this {@code server_version_num} (12+) */
    boolean settingsOn(int serverVersionNum) {
        return useSettings && serverVersionNum >= 120000;
    }

    /**
     * @return the options as asked, in EXPLAIN's order, e.g. "ANALYZE, BUFFERS, VERBOSE, SETTINGS, FORMAT JSON" (the
     *     server drops BUFFERS without ANALYZE before 13 and SETTINGS before 12); the text plan captures record
     */
    public String describe() {
        return ExplainStatements.options(useAnalyze, useBuffers, useVerbose, useSettings);
    }
}
