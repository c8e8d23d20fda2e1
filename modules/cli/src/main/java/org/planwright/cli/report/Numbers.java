package org.planwright.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number formatting for text and Markdown reports. */
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
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** @return milliseconds with up to three decimals and the unit, e.g. "12.345 ms" */
    static String millis(double ms) {
        return format(ms, 3) + " ms";
    }
}
