package org.planwright.tuning.apply;

/**
 * The administrator-approval rule for configuration changes (issue 11: apply "only after explicit confirmation (and
 * an admin-approval preference)"). Where the preference {@value #PREFERENCE} is on, a change is applied only with
 * the name of the administrator who approved it, and that name goes into the config history's "who" with the
 * change, the revert and the measured result (an append-only record). Planwright cannot check that the named
 * person approved: the rule makes the approval explicit and part of the record, as a change ticket does.
 * Stateless; thread-safe.
 */
public final class Approval {

    /** The store preference (boolean, default false) that makes approval required. */
    public static final String PREFERENCE = "config.apply.requireApproval";
    /** Longest approver name accepted, characters. */
    public static final int MAX_NAME = 100;

    private Approval() {
    }

    /**
     * @param required true when the preference is on
     * @param approver the approving administrator as the DBA typed it, or null
     * @return a problem to show (the change must not be applied), or null when the change may go ahead
     */
    public static String problem(boolean required, String approver) {
        String a = approver == null ? "" : approver.strip();
        if (a.isEmpty()) {
            return required ? "Configuration changes here need an administrator's approval (preference " + PREFERENCE
                    + "): name who approved them." : null;
        }
        if (a.length() > MAX_NAME) {
            return "The approver's name is longer than " + MAX_NAME + " characters.";
        }
        if (a.chars().anyMatch(Character::isISOControl)) {
            return "The approver's name holds a control character.";
        }
        return null;
    }

    /**
     * @param operator who made the change, e.g. "postgres (alice)": database user and workstation user
     * @param approver the approving administrator, or null / blank when none was named
     * @return the history's "who": {@code operator}, with ", approved by NAME" when an approver was named
     * @throws IllegalArgumentException when the approver's name is too long or holds a control character
     */
    public static String author(String operator, String approver) {
        String problem = problem(false, approver);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String a = approver == null ? "" : approver.strip();
        return a.isEmpty() ? operator : operator + ", approved by " + a;
    }
}
