/**
 * Execution plans, the module's public API: the plan model, the parser facade, the exclusive-time arithmetic and
 * the insight engine. The readers live in {@code org.planwright.plans.read} and the insight rules in
 * {@code org.planwright.plans.insight}; neither package is exported (Flyway's api / internal split). Pure Java
 * (Jackson's streaming parser only): no JDBC, no JavaFX, no I/O.
 *
 * <ul>
 * <li>{@link org.planwright.plans.PlanParser#parse(String)} reads EXPLAIN output as pasted (JSON or text,
 *     with psql framing) into an immutable {@link org.planwright.plans.Plan}, or throws a positioned
 *     {@link org.planwright.plans.PlanParseException}.</li>
 * <li>{@link org.planwright.plans.PlanNode} keeps every key of the source under PostgreSQL's JSON names and
 *     offers typed accessors plus derived values (inclusive / exclusive time, exclusive buffers, row
 *     misestimate, share of execution time) computed once, following PEV2's plan-service.</li>
 * <li>{@link org.planwright.plans.InsightEngine} runs the standard {@link org.planwright.plans.InsightRule}s and ranks the
 *     {@link org.planwright.plans.Insight}s by score (0-5, see {@link org.planwright.plans.ImpactScore}); one rule
 *     class per {@link org.planwright.plans.InsightKind}, each with its thresholds as named constants and their
 *     source in its docstring.</li>
 * </ul>
 */
package org.planwright.plans;
