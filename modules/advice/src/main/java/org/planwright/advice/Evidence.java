package org.planwright.advice;

import java.util.Objects;

/**
 * One fact behind a recommendation, in a DBA's words: what was seen and the number that shows it, e.g.
 * {@code ("Seq Scan on lineitem", "5,912,003 rows removed by filter of 6,001,215 read")}.
 *
 * @param label what the fact is about (a plan node, a table, a statistic); never blank
 * @param detail the observation with its numbers and units; never blank
 */
public record Evidence(String label, String detail) {
    public Evidence {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detail, "detail");
        if (label.isBlank() || detail.isBlank()) {
            throw new IllegalArgumentException("evidence needs a label and a detail");
        }
    }
}
