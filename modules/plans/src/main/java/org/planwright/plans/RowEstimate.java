package org.planwright.plans;

/**
 * How far a node's row estimate was off, per loop: {@code factor} = actual rows / plan rows when the planner
 * under-estimated, plan rows / actual rows when it over-estimated (so always &gt;= 1). Formula from PEV2's
 * plan-service.ts {@code calculatePlannerEstimate}; unlike PEV2, zero actual rows count as one row so that the
 * factor stays finite (PostgreSQL itself never estimates fewer than one row).
 *
 * @param factor    misestimate factor, &gt;= 1 (1 = exact)
 * @param direction under, over or none
 */
public record RowEstimate(double factor, EstimateDirection direction) {
}
