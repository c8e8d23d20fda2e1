package org.planwright.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the outbox triggers of one open H2 database share: its device id and hybrid logical clock. H2 makes one
 * trigger object per table, so they meet here, keyed by the database path ({@code DATABASE_PATH()}). An open
 * {@link WorkbenchStore} registers its context (with its clock); a trigger that fires before that (a migration)
 * makes one on the system clock. {@code enabled}: capture is on (the store has synced once); until then the triggers
 * do nothing, so a store that never syncs keeps no outbox.
 */
record SyncContext(UUID deviceId, HybridClock clock, java.util.concurrent.atomic.AtomicBoolean enabled) {

    private static final Map<String, SyncContext> BY_DATABASE = new ConcurrentHashMap<>();

    /** @return the database path of a connection, the registry's key */
    static String databasePath(Connection c) throws SQLException {
        return Jdbc.one(c, rs -> rs.getString(1), "SELECT DATABASE_PATH()").orElse("");
    }

    /** Registers the context of a store that opens (replacing any made by a trigger before). */
    static SyncContext register(Connection c, Clock clock) throws SQLException {
        SyncContext context = load(c, clock);
        BY_DATABASE.put(databasePath(c), context);
        return context;
    }

    /** Forgets a closed store's context. */
    static void unregister(String databasePath) {
        BY_DATABASE.remove(databasePath);
    }

    /** @return the registered context, or a new one on the system clock */
    static SyncContext of(String databasePath, Connection c) throws SQLException {
        SyncContext context = BY_DATABASE.get(databasePath);
        if (context == null) {
            context = load(c, Clock.systemUTC());
            SyncContext raced = BY_DATABASE.putIfAbsent(databasePath, context);
            return raced == null ? context : raced;
        }
        return context;
    }

    private static SyncContext load(Connection c, Clock clock) throws SQLException {
        UUID device = Jdbc.one(c, rs -> Jdbc.uuid(rs, "id"), "SELECT id FROM learning_device ORDER BY created_at LIMIT 1")
                .orElse(null);
        if (device == null) {
            device = UUID.randomUUID();
            Jdbc.update(c, "INSERT INTO learning_device (id, created_at) VALUES (?, ?)", device,
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
        long start = Jdbc.one(c, rs -> rs.getLong(1), "SELECT COALESCE(MAX(hlc), 0) FROM sync_row_version").orElse(0L);
        boolean enabled = Jdbc.one(c, rs -> rs.getString(1), "SELECT state_value FROM sync_state WHERE name = ?",
                SyncTables.ENABLED).isPresent();
        return new SyncContext(device, new HybridClock(clock, start), new java.util.concurrent.atomic.AtomicBoolean(enabled));
    }
}
