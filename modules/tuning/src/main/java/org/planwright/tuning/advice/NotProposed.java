package org.planwright.tuning.advice;

/**
 * A change PGTune's hardware-only profile would make that the advisor does not propose, and why (no evidence
 * that it helps this workload, or it would break the memory budget, or it is within 5%).
 *
 * @param parameter  the parameter
 * @param current    its value now
 * @param pgtune     PGTune's value
 * @param why        the reason it is left as it is
 */
public record NotProposed(String parameter, String current, String pgtune, String why) {
}
