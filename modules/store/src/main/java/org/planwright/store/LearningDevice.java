package org.planwright.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The machine-local device id the learning counters are written under (table {@code learning_device}). */
final class LearningDevice {

    private LearningDevice() {
    }

    /** @return this installation's device id, made on first use (inside the caller's transaction) */
    static UUID id(Connection c, Jdbc jdbc) throws SQLException {
        Optional<UUID> id = Jdbc.one(c, rs -> Jdbc.uuid(rs, "id"), "SELECT id FROM learning_device ORDER BY created_at LIMIT 1");
        if (id.isPresent()) {
            return id.get();
        }
        UUID fresh = UUID.randomUUID();
        Jdbc.update(c, "INSERT INTO learning_device (id, created_at) VALUES (?, ?)", fresh, jdbc.now());
        return fresh;
    }
}
