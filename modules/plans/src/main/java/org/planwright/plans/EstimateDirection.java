package org.planwright.plans;

/** Which way the planner's row estimate was wrong (PEV2's EstimateDirection). */
public enum EstimateDirection {
    /** More rows came out than the planner expected. */
    UNDER,
    /** Fewer rows came out than the planner expected. */
    OVER,
    /** The estimate was exact. */
    NONE
}
