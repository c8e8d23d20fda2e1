package org.planwright.sqltext;

/** What a statement does, by its leading command word (PostgreSQL "SQL Commands" reference). */
public enum StatementKind {
    /** SELECT, VALUES, TABLE, or WITH ... SELECT with no data-modifying CTE. */
    QUERY(false),
    INSERT(true),
    UPDATE(true),
    DELETE(true),
    MERGE(true),
    /** A WITH statement whose main or nested statements include INSERT/UPDATE/DELETE/MERGE. */
    DATA_MODIFYING_WITH(true),
    /** CREATE, ALTER, DROP, TRUNCATE, COMMENT, GRANT, REVOKE ... */
    DDL(true),
    /** EXPLAIN of another statement. */
    EXPLAIN(false),
    /** SET, SHOW, BEGIN, COMMIT, VACUUM, ANALYZE, COPY, CALL, DO and the rest. */
    UTILITY(true),
    /** Nothing but comments and whitespace. */
    EMPTY(false);

    private final boolean mayChangeData;

    StatementKind(boolean mayChangeData) {
        this.mayChangeData = mayChangeData;
    }

    /**
     * @return true when running the statement may change data, schema or server state, so Planwright must
     *     roll it back or ask first. Conservative: utility commands count as changing.
     */
    public boolean mayChangeData() {
        return mayChangeData;
    }

    /** @return true for INSERT, UPDATE, DELETE, MERGE and data-modifying WITH: the ones EXPLAIN ANALYZE executes. */
    public boolean isDml() {
        return this == INSERT || this == UPDATE || this == DELETE || this == MERGE || this == DATA_MODIFYING_WITH;
    }

    /** @return true if PostgreSQL can EXPLAIN a statement of this kind */
    public boolean isExplainable() {
        return this == QUERY || isDml();
    }
}
