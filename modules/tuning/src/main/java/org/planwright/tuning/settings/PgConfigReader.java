package org.planwright.tuning.settings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a PostgreSQL server's live configuration: every row of {@code pg_settings} and, when the user may read
 * it (superuser or pg_read_all_settings), {@code pg_file_settings}. Read-only; runs under the session's statement
 * timeout; blocking (call it on a virtual thread).
 */
public final class PgConfigReader {

    private static final Logger LOG = LoggerFactory.getLogger(PgConfigReader.class);

    private final Clock clock;

    /** @param clock stamps {@link SettingsSnapshot#takenAt()} */
    public PgConfigReader(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param session an open PostgreSQL session
     * @param server  the label to keep with the snapshot (host:port/database)
     * @return the configuration now
     * @throws TargetException when pg_settings cannot be read (timeout, cancel, connection lost)
     */
    public SettingsSnapshot read(TargetSession session, String server) throws TargetException {
        List<ServerSetting> settings = new ArrayList<>();
        for (Map<String, Object> r : Rows.query(session, "SELECT name, setting, unit, category, context, vartype, "
                + "source, min_val, max_val, array_to_string(enumvals, E'\\x1f') AS enumvals, boot_val, reset_val, "
                + "pending_restart FROM pg_settings ORDER BY name")) {
            String enums = Rows.text(r, "enumvals");
            settings.add(new ServerSetting(Rows.text(r, "name"), nonNull(Rows.text(r, "setting")),
                    Rows.text(r, "unit"), Rows.text(r, "category"), Rows.text(r, "context"), Rows.text(r, "vartype"),
                    Rows.text(r, "source"), Rows.text(r, "min_val"), Rows.text(r, "max_val"),
                    enums == null ? List.of() : Arrays.asList(enums.split("\u001f")), Rows.text(r, "boot_val"),
                    Rows.text(r, "reset_val"), Boolean.TRUE.equals(r.get("pending_restart"))));
        }
        List<FileSetting> files = new ArrayList<>();
        try {
            for (Map<String, Object> r : Rows.query(session, "SELECT sourcefile, sourceline, name, setting, applied,"
                    + " error FROM pg_file_settings ORDER BY seqno")) {
                files.add(new FileSetting(Rows.text(r, "sourcefile"), (int) Rows.number(r, "sourceline"),
                        Rows.text(r, "name"), Rows.text(r, "setting"), Boolean.TRUE.equals(r.get("applied")),
                        Rows.text(r, "error")));
            }
        } catch (TargetException e) {
            LOG.info("pg_file_settings not readable ({}); the snapshot has pg_settings only", e.getMessage());
        }
        return SettingsSnapshot.of(clock.instant(), server, session.serverInfo().version(),
                session.serverInfo().versionNum(), settings, files);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
