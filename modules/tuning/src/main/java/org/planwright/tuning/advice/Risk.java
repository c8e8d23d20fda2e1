package org.planwright.tuning.advice;

/**
 * How much a recommendation can hurt when it is wrong. LOW: planner or background settings that are undone by a
 * reload; MEDIUM: memory that several sessions multiply, or a setting that changes plans; HIGH: a restart, or
 * memory that can exhaust RAM.
 */
public enum Risk { LOW, MEDIUM, HIGH }
