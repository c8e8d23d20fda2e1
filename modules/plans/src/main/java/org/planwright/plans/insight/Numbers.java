package org.planwright.plans.insight;

import java.util.Locale;

/**
 * Number wording for insight sentences without {@link String#format} (which parses its pattern on every call and
 * dominated the insights of plans with many findings). Grouping with commas and Locale.ROOT rules, as the
 * {@code "%,.0f"} patterns they replace.
 */
final class Numbers {

    private Numbers() {
    }

    /** @return {@code v} rounded half-up to a whole number with thousands separators, e.g. "1,234,568" */
    static String whole(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= 9e15) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return grouped(Math.round(v));
    }

    /** @return {@code v} with thousands separators, e.g. "79,844" */
    static String grouped(long v) {
        String digits = Long.toString(Math.abs(v));
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (v < 0) {
            sb.append('-');
        }
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** @return {@code v} with one decimal, half-up, e.g. "12.5" */
    static String oneDecimal(double v) {
        return decimals(v, 1);
    }

    /** @return {@code v} with two decimals, half-up, e.g. "0.42" */
    static String twoDecimals(double v) {
        return decimals(v, 2);
    }

    private static String decimals(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= 1e12) {
            return String.format(Locale.ROOT, "%." + places + "f", v);
        }
        return java.math.BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
