package org.planwright.plans.read;

import java.util.Map;
import org.planwright.plans.Plan;

/**
 * What a reader hands to {@link Plan}: the root of the mutable node tree, the plan-level keys (as in PostgreSQL's
 * JSON format, without "Plan") and the source format. Internal to the plans module; not thread-safe (the nodes
 * are mutable until the plan freezes them).
 *
 * @param root     the root node
 * @param topLevel plan-level keys such as "Planning Time", "Execution Time", "JIT", "Triggers"
 * @param format   the format the plan was read from
 */
public record RawPlan(RawNode root, Map<String, Object> topLevel, Plan.Format format) {
}
