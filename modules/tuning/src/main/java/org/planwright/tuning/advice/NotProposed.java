package org.planwright.tuning.advice;

/**
 * A change PGTune's hardware-only profile would make that the advisor does not propose, and why (no evidence
 * that it helps this workload, or it would break the memory budget, or it is within 5%) — or, after a settings
 * trial, a candidate the trial tried that PGTune's profile leaves alone (e.g. {@code jit = off} beside the dw
 * profile), which has an empty {@code pgtune}.
 *
 * @param parameter  the parameter
 * @param current    its value now
 * @param pgtune     PGTune's value, or "" when PGTune's profile does not set the parameter
 * @param why        the reason it is left as it is
 */
public record NotProposed(String parameter, String current, String pgtune, String why) {

    /** @return true when PGTune's profile sets the parameter */
    public boolean setByPgtune() {
        return pgtune != null && !pgtune.isEmpty();
    }
}
