package org.planwright.sync;

import java.sql.SQLException;

/** Turns SQLExceptions from the team server into {@link SyncException}s with a remedy (SQLSTATE classes). */
final class Sql {

    private Sql() {
    }

    static SyncException translate(String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return new SyncException(SyncException.Reason.UNREACHABLE, "The team server went away while " + doing
                    + " (" + first + "); nothing is lost: the next sync resends what was not acknowledged.", e);
        }
        if (state.equals("42501")) {
            return new SyncException(SyncException.Reason.NOT_ALLOWED, "The team server refused " + doing
                    + ": this role may not sync the workspace (" + first + "); ask the team admin to run"
                    + " `planwright team grant --workspace NAME --role ROLE`.", e);
        }
        if (state.equals("3F000") || state.equals("42P01")) {
            return new SyncException(SyncException.Reason.INCOMPATIBLE, "The team server has no Planwright team"
                    + " schema (" + first + "); the team admin creates it with `planwright team init`.", e);
        }
        if (state.startsWith("28")) {
            return new SyncException(SyncException.Reason.AUTHENTICATION, "The team server refused the login ("
                    + first + "); check the user and PGPASSWORD or ~/.pgpass.", e);
        }
        return new SyncException(SyncException.Reason.FAILED, "The team server failed while " + doing + ": "
                + first + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"), e);
    }
}
