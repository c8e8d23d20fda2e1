package org.planwright.plans.insight;

import org.planwright.plans.PlanNode;

/** The words the insight rules build their titles and details from. Stateless. */
final class Phrases {

    private Phrases() {
    }

    /** @return a short name for a node as EXPLAIN shows it, e.g. "Seq Scan on lineitem (node 3)" */
    static String label(PlanNode n) {
        return n.label() + " (node " + n.id() + ")";
    }

    /** @return {@code ms} formatted for a sentence, e.g. "1,234 ms" or "0.42 ms" */
    static String ms(double ms) {
        return (ms >= 100 ? Numbers.whole(ms) : Numbers.twoDecimals(ms)) + " ms";
    }

    /** @return {@code fraction} as a percentage for a sentence, e.g. "42%" or "0.5%" */
    static String pct(double fraction) {
        double p = fraction * 100;
        if (p > 99 && p < 100) {
            return Numbers.oneDecimal(Math.floor(p * 10) / 10) + "%";
        }
        return (p >= 10 || p == 0 ? Numbers.whole(p) : Numbers.oneDecimal(p)) + "%";
    }
}
