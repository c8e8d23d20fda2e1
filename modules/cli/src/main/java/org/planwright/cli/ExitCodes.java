package org.planwright.cli;

/** The exit codes of {@code planwright}; documented in {@code planwright --help} and docs/cli-json-output.md. */
public final class ExitCodes {

    /** Every statement was explained or skipped (every plan file was read; the bench ran). */
    public static final int OK = 0;
    /**
     * At least one statement failed; its error is in the report and the other statements still ran. For
     * {@code plan}: at least one plan file could not be read. For {@code bench}: an input plan could not be read.
     */
    public static final int STATEMENT_FAILED = 1;
    /** Bad usage (unknown option, missing file...) or no connection to the database: nothing was explained. */
    public static final int USAGE_OR_CONNECTION = 2;

    private ExitCodes() {
    }
}
