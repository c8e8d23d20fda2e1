package org.planwright.sync;

import java.sql.Connection;

/** Opens connections to the team PostgreSQL as one role. Thread-safe; each call blocks for connect and login. */
@FunctionalInterface
public interface TeamConnections {

    /**
     * @return a new connection in auto-commit mode; the caller closes it
     * @throws SyncException UNREACHABLE or AUTHENTICATION (or FAILED) with the remedy
     */
    Connection open() throws SyncException;
}
