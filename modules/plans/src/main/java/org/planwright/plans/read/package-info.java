/**
 * Internal: the readers behind {@link org.planwright.plans.PlanParser}. {@link org.planwright.plans.read.PlanReaders}
 * detects the format of a paste (after {@link org.planwright.plans.read.SourceCleaner} removes psql's framing,
 * prompts and the echoed command) and hands it to one reader per format (PostgreSQL JSON, text, XML, YAML;
 * H2; MySQL JSON and tree), each of which builds a {@link org.planwright.plans.read.RawPlan} that
 * {@link org.planwright.plans.Plan} freezes. Not exported from the module: other modules call
 * {@code PlanParser.parse}.
 */
package org.planwright.plans.read;
