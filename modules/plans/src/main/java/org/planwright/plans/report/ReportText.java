package org.planwright.plans.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.planwright.plans.PlanNode;

/**
 * Text helpers every report shares: locale-independent numbers, Markdown and HTML escaping, node depth.
 * Stateless and thread-safe.
 */
public final class ReportText {

    private ReportText() {
    }

    /**
     * @param value  a number
     * @param digits maximum digits after the point
     * @return the number rounded half-up to at most {@code digits} places, without trailing zeros ("12.5", "3",
     *     "0.042"); "NaN" / "Infinity" as Java prints them
     */
    public static String number(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** @return milliseconds with up to three decimals and the unit, e.g. "12.345 ms" */
    public static String millis(double ms) {
        return number(ms, 3) + " ms";
    }

    /** @return a signed difference, e.g. "+12.5", "-3", "0" */
    public static String signed(double value, int digits) {
        String s = number(value, digits);
        return value > 0 && !s.equals("0") ? "+" + s : s;
    }

    /** @return after / before as a factor, e.g. "0.31x"; "new" when before is 0 and after is not */
    public static String ratio(double ratio) {
        return Double.isInfinite(ratio) ? "new" : number(ratio, 2) + "x";
    }

    /** @return Markdown text outside tables: one line (line breaks become spaces); "" for null */
    public static String markdownLine(String s) {
        return s == null ? "" : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** @return Markdown text inside a table cell: one line, pipes escaped */
    public static String markdownCell(String s) {
        return markdownLine(s).replace("|", "\\|");
    }

    /** @return a fenced Markdown code block's body that cannot close the fence early */
    public static String markdownCode(String s) {
        return s == null ? "" : s.replace("```", "` ` `");
    }

    /**
     * Escapes the five characters that HTML gives a meaning in text and attribute values: {@code & < > " '}.
     *
     * @param s text; null gives ""
     * @return the escaped text, safe inside elements and quoted attributes
     */
    public static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return the number of ancestors of {@code n} (0 for the root) */
    public static int depth(PlanNode n) {
        int d = 0;
        for (PlanNode p = n.parent().orElse(null); p != null; p = p.parent().orElse(null)) {
            d++;
        }
        return d;
    }

    /** @return e.g. "Index Scan using idx on lineitem", with the InitPlan / SubPlan name first when it has one */
    public static String nodeName(PlanNode n) {
        StringBuilder s = new StringBuilder();
        n.subplanName().ifPresent(sp -> s.append(sp).append(": "));
        s.append(n.displayType());
        n.indexName().ifPresent(i -> s.append(" using ").append(i));
        n.relationName().or(n::cteName).or(n::functionName).ifPresent(r -> s.append(" on ").append(r));
        n.alias().filter(a -> !a.equals(n.relationName().or(n::cteName).orElse(a))).ifPresent(a -> s.append(' ').append(a));
        return s.toString();
    }
}
