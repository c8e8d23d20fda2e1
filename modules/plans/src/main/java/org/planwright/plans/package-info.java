/**
 * Execution plans: the plan model ({@code Plan}, {@code PlanNode}), parsers, the exclusive-time arithmetic
 * and the first insights. Pure Java: no JDBC, no JavaFX.
 */
package org.planwright.plans;
