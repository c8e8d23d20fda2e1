package org.planwright.targetdb;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One captured execution plan, unparsed (the plans module parses it).
 *
 * @param planText         the EXPLAIN output: PostgreSQL's JSON array text, or H2's plan text
 * @param format           which of the two {@code planText} is
 * @param options          the options used
 * @param rolledBack       true when the EXPLAIN ran in a transaction that was rolled back afterwards
 * @param elapsedMillis    wall time of the EXPLAIN statement, in ms (includes planning and, with ANALYZE,
 *                         execution and measuring overhead)
 * @param serverVersion    the server's version text, e.g. "18.1" or "2.5.252 (2025-...)"
 * @param serverVersionNum {@code server_version_num} (e.g. 180001); H2: major * 10000 + minor * 100
 * @param capturedAt       when the EXPLAIN finished
 * @param settings         planner-relevant settings as {@code SHOW} prints them (work_mem "4MB",
 *                         random_page_cost "4", enable_* ...); empty for H2
 */
public record ExplainResult(String planText, PlanFormat format, ExplainOptions options, boolean rolledBack,
                            double elapsedMillis, String serverVersion, int serverVersionNum, Instant capturedAt,
                            Map<String, String> settings) {

    /** The format of {@link #planText()}. */
    public enum PlanFormat {
        /** PostgreSQL {@code EXPLAIN (FORMAT JSON)}: a JSON array with one object holding "Plan". */
        POSTGRES_JSON,
        /** H2's {@code EXPLAIN} output: the statement rewritten with index and scan comments. */
        H2_TEXT
    }

    public ExplainResult {
        Objects.requireNonNull(planText, "planText");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(capturedAt, "capturedAt");
        settings = Map.copyOf(settings);
    }
}
