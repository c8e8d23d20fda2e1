/**
 * Internal: the standard {@link org.planwright.plans.InsightRule}s that {@link org.planwright.plans.InsightEngine}
 * runs, one class per {@link org.planwright.plans.InsightKind}, each with its thresholds taken from
 * {@link org.planwright.plans.InsightThresholds} and their source in its docstring. Not exported from the module:
 * other modules get the rules through {@code InsightEngine.standardRules}.
 */
package org.planwright.plans.insight;
