package org.planwright.plans;

/**
 * Time spent in one trigger during EXPLAIN ANALYZE of a data-modifying statement.
 *
 * @param name     trigger name (for foreign keys PostgreSQL reports "RI_ConstraintTrigger_..." names)
 * @param relation table the trigger is on, or "" if not reported
 * @param time     total time in the trigger, ms
 * @param calls    number of calls
 */
public record TriggerTime(String name, String relation, double time, long calls) {
}
