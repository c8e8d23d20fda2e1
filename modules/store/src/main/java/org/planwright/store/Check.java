package org.planwright.store;

import java.util.Objects;

/** Input rules shared by the repositories; each failure names the field, as a user would call it. */
final class Check {

    /** Longest name (workspace, connection profile, saved query), in characters; matches the schema. */
    static final int NAME_MAX = 200;

    private Check() {
    }

    /**
     * @param field what the user calls it, e.g. "workspace name"
     * @return the stripped name
     * @throws StoreException INVALID when null, blank or longer than {@code max} characters
     */
    static String name(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new StoreException(StoreException.Reason.INVALID, "The " + field + " is empty; give it a name.");
        }
        return limit(field, value.strip(), max);
    }

    /**
     * @return the text unchanged
     * @throws StoreException INVALID when null or blank
     */
    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new StoreException(StoreException.Reason.INVALID, "The " + field + " is empty.");
        }
        return value;
    }

    /**
     * @return the value unchanged (null allowed)
     * @throws StoreException INVALID when longer than {@code max} characters
     */
    static String limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new StoreException(StoreException.Reason.INVALID, "The " + field + " is " + value.length()
                    + " characters long; at most " + max + " are allowed.");
        }
        return value;
    }

    /** @throws NullPointerException naming the parameter, for programming errors */
    static <T> T required(T value, String parameter) {
        return Objects.requireNonNull(value, parameter);
    }
}
