package org.planwright.plans;

import org.planwright.plans.read.PlanReaders;

/**
 * Reads a PostgreSQL execution plan as people paste it and detects its format: {@code EXPLAIN (FORMAT JSON)}
 * output (with or without ANALYZE, BUFFERS, VERBOSE, SETTINGS; top-level array or object; on one line or
 * many; with psql's "QUERY PLAN" header, "+" continuations and "(1 row)" footer; with pgAdmin's doubled
 * quotes), otherwise the default text format ({@code ->} indentation, "(cost=.. rows=.. width=..)",
 * "(actual time=.. rows=.. loops=..)", "never executed", detail lines, InitPlan / SubPlan / CTE headers,
 * "Planning Time", "Execution Time", "Total runtime", JIT and trigger lines), {@code EXPLAIN (FORMAT XML)}
 * (first line starts with '&lt;', see {@code XmlPlanReader}) and {@code EXPLAIN (FORMAT YAML)} (starts with
 * "- Plan:", see {@code YamlPlanReader}), H2's {@code EXPLAIN [ANALYZE]} (the statement re-written with plan
 * comments, see {@code H2PlanReader}), MySQL 8's {@code EXPLAIN FORMAT=JSON} ({@code MySqlJsonPlanReader}) and
 * {@code EXPLAIN FORMAT=TREE} / {@code EXPLAIN ANALYZE} ({@code MySqlTreePlanReader}); XML and YAML keep the JSON format's keys and types in the model.
 *
 * <p>Stateless and thread-safe. Parsing is linear in the input: no regular expressions that can backtrack.
 */
public final class PlanParser {

    private PlanParser() {
    }

    /**
     * Parses a plan.
     *
     * @param text the pasted plan; not null
     * @return the parsed plan, with exclusive times and other derived values computed
     * @throws PlanParseException with the 1-based line and column in {@code text} and what was expected there,
     *                            if the text is empty, not a plan, or a plan cut short, or if a cost, row
     *                            count, width, time or loop count is negative (PostgreSQL never prints one);
     *                            a partial plan is never returned
     */
    public static Plan parse(String text) {
        return new Plan(PlanReaders.read(text));
    }
}
