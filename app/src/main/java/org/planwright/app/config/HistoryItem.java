package org.planwright.app.config;

/**
 * One entry of the change history timeline, as shown.
 *
 * @param when      "2026-12-03 10:00:09"
 * @param action    APPLIED, KEPT, REVERTED, CANCELLED or PREPARED
 * @param parameter the parameter
 * @param change    "4MB → 64kB"
 * @param result    the measured effect, or ""
 * @param who       who made it ("postgres (alice), approved by Dana"), or ""
 */
public record HistoryItem(String when, String action, String parameter, String change, String result, String who) {
}
