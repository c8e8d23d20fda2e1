package org.planwright.cli.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Outcome of one statement; serialized in lower case ("ok", "failed", "skipped"). */
public enum StatementStatus {
    /** The server returned a plan. */
    OK,
    /** The server (or the plan parser) reported an error; see {@link StatementResult#error()}. */
    FAILED,
    /**
     * Not explained because PostgreSQL cannot EXPLAIN it (DDL, SET, psql meta-commands and other utility
     * statements). Not an error: scripts routinely mix such statements with queries.
     */
    SKIPPED;

    /** @return the JSON and text spelling: the name in lower case */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
