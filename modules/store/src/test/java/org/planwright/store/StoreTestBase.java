package org.planwright.store;

import org.planwright.testsupport.ManualClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh store in a real H2 file per test, with a clock the test moves by hand. */
abstract class StoreTestBase {

    @TempDir
    Path dir;

    ManualClock clock;
    WorkbenchStore store;

    @BeforeEach
    void openStore() {
        clock = new ManualClock(Instant.parse("2026-11-23T09:00:00.123456789Z"));
        store = WorkbenchStore.open(dir, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Counts rows of a table with plain SQL, tombstoned ones included. */
    long rows(String table) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reads one timestamp column of one row with plain SQL (null when the row or value is absent). */
    Instant timestamp(String table, String column, UUID id) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
        }
    }
}
