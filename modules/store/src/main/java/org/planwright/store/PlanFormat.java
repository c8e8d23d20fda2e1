package org.planwright.store;

/** The {@code EXPLAIN (FORMAT ...)} a captured plan was written in (PostgreSQL's four formats). */
public enum PlanFormat {
    /** {@code FORMAT TEXT}, the default, as psql shows it. */
    TEXT,
    /** {@code FORMAT JSON}. */
    JSON,
    /** {@code FORMAT XML}. */
    XML,
    /** {@code FORMAT YAML}. */
    YAML
}
