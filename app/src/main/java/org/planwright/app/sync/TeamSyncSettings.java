package org.planwright.app.sync;

import java.time.Duration;
import java.util.Objects;
import org.planwright.store.Preferences;

/**
 * The team server the app syncs with: its connection string (libpq URI, keyword=value or JDBC URL, read like
 * {@code planwright sync --remote}; never a password: that comes from PGPASSWORD or ~/.pgpass), the role that syncs,
 * and the time between background rounds. Kept in the store's preferences {@value #REMOTE}, {@value #ROLE} and
 * {@value #MINUTES} (minutes).
 *
 * @param remote   the team server, blank when sync is off
 * @param role     the PostgreSQL role that syncs
 * @param interval time between rounds; zero: only on demand
 */
public record TeamSyncSettings(String remote, String role, Duration interval) {

    /** Preference: the team server's connection string. */
    public static final String REMOTE = "sync.remote";
    /** Preference: the role that syncs. */
    public static final String ROLE = "sync.role";
    /** Preference: minutes between background rounds. */
    public static final String MINUTES = "sync.interval.minutes";
    /** Default time between rounds: 5 minutes (a team's edits reach others within minutes, a few tiny queries). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    /** No team server: sync off. */
    public static final TeamSyncSettings OFF = new TeamSyncSettings("", "", DEFAULT_INTERVAL);

    /** @throws IllegalArgumentException for a negative interval, or a remote without a role */
    public TeamSyncSettings {
        remote = remote == null ? "" : remote.strip();
        role = role == null ? "" : role.strip();
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The sync interval cannot be negative");
        }
        if (!remote.isEmpty() && role.isEmpty()) {
            throw new IllegalArgumentException("Give the PostgreSQL role that syncs");
        }
        if (remote.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw new IllegalArgumentException("Leave the password out of the connection string: it is read from"
                    + " PGPASSWORD or ~/.pgpass");
        }
    }

    /** @return true when a team server is set */
    public boolean enabled() {
        return !remote.isEmpty();
    }

    /** @return the settings stored in {@code p}, {@link #OFF} when none (blocking: a small H2 read) */
    public static TeamSyncSettings load(Preferences p) {
        String remote = p.getString(REMOTE).orElse("");
        if (remote.isBlank()) {
            return OFF;
        }
        double minutes = p.getDouble(MINUTES).orElse((double) DEFAULT_INTERVAL.toMinutes());
        return new TeamSyncSettings(remote, p.getString(ROLE).orElse(""),
                Duration.ofSeconds(Math.max(0, Math.round(minutes * 60))));
    }

    /** Stores these settings in {@code p} (blocking: a small H2 write). */
    public void save(Preferences p) {
        p.putString(REMOTE, remote);
        p.putString(ROLE, role);
        p.putDouble(MINUTES, interval.toSeconds() / 60.0);
    }
}
