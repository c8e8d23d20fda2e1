package org.planwright.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of synced tables: a table registers here once, and {@link #install} puts an
 * {@link OutboxTrigger} on it (after INSERT and UPDATE, for each row) when the store opens, SymmetricDS-style. The
 * triggers capture once the store has synced (or {@link SyncStore#enable} was called), queuing every row then.
 * Physical DELETEs are not replicated: deletes travel as tombstones ({@code deleted_at}), and a DELETE is a local
 * purge (removing a workspace from this machine must not remove it from the team server).
 *
 * <p>Not synced, on purpose: {@code workspace} (the server keys workspaces by name), {@code learning_device}
 * (machine-local), the workload windows (snapshots of one machine's view of a server, large) and the sync tables.
 */
final class SyncTables {

    private static final Logger LOG = LoggerFactory.getLogger(SyncTables.class);

    /** Every synced table, parents before children (the order rows of one batch are applied in follows seq). */
    static final List<SyncTable> ALL = List.of(
            SyncTable.ofWorkspace("connection_profile", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.ofWorkspace("saved_query", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.ofWorkspace("query_history", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.ofWorkspace("plan_capture", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.global("preference", "name"),
            SyncTable.ofWorkspace("advice_recommendation", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.child("advice_evidence", "advice_recommendation", "recommendation_id",
                    "recommendation_id", "position"),
            SyncTable.ofWorkspace("advice_trial", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.child("advice_trial_run", "advice_trial", "trial_id", "trial_id", "phase", "run_number"),
            SyncTable.child("advice_trial_setting", "advice_trial", "trial_id", "trial_id", "name"),
            SyncTable.ofWorkspace("trial_outcome", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.ofWorkspace("pattern_counter", SyncTable.Merge.COUNTER_MAX,
                    "pattern_signature", "recommendation_kind", "device_id"),
            SyncTable.ofWorkspace("feedback", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.ofWorkspace("estimator_model", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.ofWorkspace("config_change", SyncTable.Merge.LAST_WRITER_WINS, "id"),
            SyncTable.ofWorkspace("config_snapshot", SyncTable.Merge.LAST_WRITER_WINS, "id"));

    /** The counter columns of {@link SyncTable.Merge#COUNTER_MAX} tables, merged by max. */
    static final Map<String, List<String>> COUNTER_COLUMNS = Map.of("pattern_counter", List.of("attempts", "successes"));

    private static final Map<String, SyncTable> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(SyncTable::name, Function.identity()));

    private static final String BACKFILLED = "backfilled";
    /** The sync_state row present once the store has synced: capture is on. */
    static final String ENABLED = "enabled";

    private SyncTables() {
    }

    /** @return the synced table of that name (any letter case), if it is one */
    static Optional<SyncTable> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Creates the missing triggers. Runs inside the caller's transaction. */
    static void install(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (SyncTable t : ALL) {
                st.execute("CREATE TRIGGER IF NOT EXISTS " + t.triggerName() + " AFTER INSERT, UPDATE ON "
                        + t.name() + " FOR EACH ROW CALL '" + OutboxTrigger.class.getName() + "'");
            }
        }
    }

    /**
     * Turns capture on (idempotent) and, the first time, queues every row already in the store (by touching it, so
     * the trigger captures it like any other change). Runs inside the caller's transaction.
     */
    static void enable(Connection c, SyncContext context) throws SQLException {
        if (Jdbc.one(c, rs -> rs.getString(1), "SELECT state_value FROM sync_state WHERE name = ?", ENABLED).isEmpty()) {
            Jdbc.update(c, "INSERT INTO sync_state (name, state_value) VALUES (?, ?)", ENABLED, "true");
        }
        context.enabled().set(true);
        if (Jdbc.one(c, rs -> rs.getString(1), "SELECT state_value FROM sync_state WHERE name = ?", BACKFILLED)
                .isEmpty()) {
            int queued = 0;
            try (Statement st = c.createStatement()) {
                for (SyncTable t : ALL) {
                    // an UPDATE that changes nothing still fires the row trigger: existing rows enter the outbox
                    queued += st.executeUpdate("UPDATE " + t.name() + " SET " + t.keyColumns().getFirst() + " = "
                            + t.keyColumns().getFirst());
                }
            }
            Jdbc.update(c, "INSERT INTO sync_state (name, state_value) VALUES (?, ?)", BACKFILLED, "true");
            if (queued > 0) {
                LOG.info("Queued {} rows that predate sync", queued);
            }
        }
    }
}
