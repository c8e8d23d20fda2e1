package org.planwright.advice;

/** What a recommendation changes. The names are the CLI JSON's {@code kind} values, lower-case with dashes. */
public enum RecommendationKind {
    /** {@code CREATE INDEX}. */
    INDEX("index"),
    /** {@code DROP INDEX} of an unused or duplicate index. */
    DROP_INDEX("drop-index"),
    /** The query rewritten; offered only after both returned the same rows. */
    REWRITE("rewrite"),
    /** A session setting such as {@code SET LOCAL work_mem}. */
    SETTING("setting"),
    /** {@code ANALYZE} or {@code CREATE STATISTICS}. */
    STATISTICS("statistics"),
    /** {@code VACUUM} and similar upkeep. */
    MAINTENANCE("maintenance");

    private final String jsonName;

    RecommendationKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the name in the CLI's JSON and the store, e.g. {@code drop-index} */
    public String jsonName() {
        return jsonName;
    }
}
