package org.planwright.tuning.compare;

/**
 * One parameter of a comparison.
 *
 * @param group     its group
 * @param parameter the parameter
 * @param left      left value, or "" when the left side does not have it
 * @param right     right value, or ""
 * @param differs   true when the values differ after normalisation (4GB = 4096MB, on = true)
 */
public record ComparisonLine(ParameterGroup group, String parameter, String left, String right, boolean differs) {
}
