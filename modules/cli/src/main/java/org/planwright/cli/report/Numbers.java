package org.planwright.cli.report;

import org.planwright.plans.report.ReportText;

/** Locale-independent number formatting for text and Markdown reports: the shared {@link ReportText}'s. */
final class Numbers {

    private Numbers() {
    }

    /**
     * @param value  a number
     * @param digits maximum digits after the point
     * @return the number rounded half-up to at most {@code digits} places, without trailing zeros
     *     ("12.5", "3", "0.042")
     */
    static String format(double value, int digits) {
        return ReportText.number(value, digits);
    }

    /** @return milliseconds with up to three decimals and the unit, e.g. "12.345 ms" */
    static String millis(double ms) {
        return ReportText.millis(ms);
    }
}
