package org.planwright.tuning.apply;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.settings.ApplyMode;
import org.planwright.tuning.settings.FileSetting;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.PgConfigReader;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingValue;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * Applies configuration changes to a PostgreSQL server and undoes them.
 *
 * <p>Rules: nothing is applied without {@link Confirmation} returning true; a plan with validation problems is
 * refused; restart-only (postmaster) parameters are never applied — they come back as prepared statements; every
 * apply is preceded by a settings snapshot and followed by a check in {@code pg_settings} and
 * {@code pg_file_settings} that the new value is in effect (waiting up to {@link #RELOAD_WAIT} for the reload).
 * Reverting restores what postgresql.auto.conf held before: {@code ALTER SYSTEM RESET} when the parameter was not
 * there, else {@code ALTER SYSTEM SET} to the old line's value; then a reload and the same check.
 *
 * <p>Needs a read-write session of a superuser (or a user granted ALTER SYSTEM on the parameters). ALTER SYSTEM
 * cannot run inside a transaction: the session must be in autocommit. Blocking; one thread at a time.
 */
public final class ConfigApplier {

    /** Longest wait for pg_reload_conf() to take effect in pg_settings. */
    public static final Duration RELOAD_WAIT = Duration.ofSeconds(5);

    /** Asked before anything is changed; shown the plan. */
    @FunctionalInterface
    public interface Confirmation {
        /** @return true to apply the plan's live changes */
        boolean confirm(ChangePlan plan);
    }

    private final PgConfigReader reader;
    private final SettingValidator validator = new SettingValidator();

    /** @param clock stamps the snapshots */
    public ConfigApplier(Clock clock) {
        this.reader = new PgConfigReader(clock);
    }

    /**
     * Validates the changes and sorts them into live and restart-only ones.
     *
     * @param snapshot the settings now
     * @param changes  parameter to new value
     * @param hardware for the memory budget, or null
     * @param os       for platform caps
     * @return the plan
     */
    public ChangePlan plan(SettingsSnapshot snapshot, Map<String, String> changes, Hardware hardware, OsType os) {
        List<String> problems = validator.validate(snapshot, changes, hardware, os);
        List<ConfigChange> live = new ArrayList<>();
        List<ConfigChange> restart = new ArrayList<>();
        changes.forEach((name, value) -> snapshot.setting(name).ifPresent(s -> {
            ConfigChange c = new ConfigChange(name, s.display(), value, s.applyMode());
            (s.applyMode() == ApplyMode.RESTART ? restart : live).add(c);
        }));
        return new ChangePlan(live, restart, problems);
    }

    /**
     * What {@link #apply} did.
     *
     * @param before  the snapshot taken before anything changed
     * @param applied the live changes now in effect
     * @param after   the snapshot after the reload
     */
    public record Applied(SettingsSnapshot before, List<ConfigChange> applied, SettingsSnapshot after) {
        public Applied {
            applied = List.copyOf(applied);
        }
    }

    /**
     * Applies the plan's live changes after confirmation.
     *
     * @param session a read-write superuser session in autocommit
     * @param server  the label for the snapshots
     * @param plan    from {@link #plan}
     * @param confirm asked first; false leaves the server untouched
     * @return what was applied, or empty when not confirmed or there was nothing live to apply
     * @throws ApplyException when the plan has problems, a statement fails (the changes made so far are reverted),
     *                        or the new value is not in effect after the reload
     */
    public Optional<Applied> apply(TargetSession session, String server, ChangePlan plan, Confirmation confirm)
            throws ApplyException {
        if (!plan.problems().isEmpty()) {
            throw new ApplyException("not applied: " + String.join("; ", plan.problems()));
        }
        if (plan.live().isEmpty() || !confirm.confirm(plan)) {
            return Optional.empty();
        }
        SettingsSnapshot before = snapshot(session, server);
        List<ConfigChange> done = new ArrayList<>();
        try {
            for (ConfigChange c : plan.live()) {
                session.execute(c.alterSystemSql(), 1);
                done.add(c);
            }
            session.execute("SELECT pg_reload_conf()", 1);
            SettingsSnapshot after = awaitValues(session, server, plan.live());
            return Optional.of(new Applied(before, done, after));
        } catch (TargetException | ApplyException e) {
            try {
                revert(session, server, before, done);
            } catch (ApplyException inner) {
                e.addSuppressed(inner);
            }
            throw e instanceof ApplyException a ? a : new ApplyException("applying failed and was undone: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Undoes changes: each parameter gets back the postgresql.auto.conf state of {@code before}, then a reload.
     *
     * @param session a read-write superuser session in autocommit
     * @param server  the label for the snapshot
     * @param before  the snapshot taken before the changes
     * @param changes the changes to undo
     * @return the snapshot after the revert
     * @throws ApplyException when a statement fails or the old value is not back after the reload
     */
    public SettingsSnapshot revert(TargetSession session, String server, SettingsSnapshot before,
                                   List<ConfigChange> changes) throws ApplyException {
        if (changes.isEmpty()) {
            return before;
        }
        List<ConfigChange> back = new ArrayList<>();
        try {
            for (ConfigChange c : changes) {
                Optional<FileSetting> old = before.fileSettings().stream()
                        .filter(f -> f.name().equals(c.parameter()) && f.fromAlterSystem()).reduce((a, b) -> b);
                if (old.isPresent()) {
                    session.execute("ALTER SYSTEM SET " + c.parameter() + " = '"
                            + old.get().setting().replace("'", "''") + "'", 1);
                } else {
                    session.execute("ALTER SYSTEM RESET " + c.parameter(), 1);
                }
                ServerSetting was = before.setting(c.parameter()).orElseThrow();
                back.add(new ConfigChange(c.parameter(), c.newValue(), was.display(), c.applyMode()));
            }
            session.execute("SELECT pg_reload_conf()", 1);
        } catch (TargetException e) {
            throw new ApplyException("reverting failed: " + e.getMessage(), e);
        }
        return awaitValues(session, server, back);
    }

    /**
     * Puts parameters back to given values when the snapshot of the time before is not at hand (a revert from the
     * history, {@link LastChange}): for each change, {@code ALTER SYSTEM RESET} when what RESET leaves in effect —
     * the parameter's last valid line outside postgresql.auto.conf in {@code pg_file_settings}, else its
     * {@code boot_val} — equals the value to restore, else {@code ALTER SYSTEM SET} to it; then a reload and the
     * check in pg_settings.
     *
     * @param session a read-write superuser session in autocommit
     * @param server  the label for the snapshot
     * @param back    each change's {@code newValue} is the value to restore
     * @return the snapshot after the reload
     * @throws ApplyException when a statement fails or a value is not back after the reload
     */
    public SettingsSnapshot restore(TargetSession session, String server, List<ConfigChange> back)
            throws ApplyException {
        if (back.isEmpty()) {
            throw new ApplyException("nothing to restore");
        }
        SettingsSnapshot now = snapshot(session, server);
        try {
            for (ConfigChange c : back) {
                ServerSetting s = now.setting(c.parameter()).orElseThrow(() ->
                        new ApplyException(c.parameter() + ": no such parameter on this server"));
                String afterReset = now.fileSettings().stream()
                        .filter(f -> f.name().equals(c.parameter()) && !f.fromAlterSystem() && f.error() == null)
                        .reduce((a, b) -> b).map(FileSetting::setting).orElse(s.bootVal());
                if (afterReset != null && equal(s, afterReset, c.newValue())) {
                    session.execute("ALTER SYSTEM RESET " + c.parameter(), 1);
                } else {
                    session.execute(c.alterSystemSql(), 1);
                }
            }
            session.execute("SELECT pg_reload_conf()", 1);
        } catch (TargetException e) {
            throw new ApplyException("restoring failed: " + e.getMessage(), e);
        }
        return awaitValues(session, server, back);
    }

    private static boolean equal(ServerSetting s, String a, String b) {
        try {
            OptionalDouble x = SettingValue.parse(a, s.unit());
            OptionalDouble y = SettingValue.parse(b, s.unit());
            if (x.isPresent() && y.isPresent()) {
                return Math.abs(x.getAsDouble() - y.getAsDouble()) <= Math.abs(y.getAsDouble()) * 1e-9;
            }
        } catch (IllegalArgumentException e) {
            // not numbers: compare as text
        }
        return a.strip().equalsIgnoreCase(b.strip());
    }

    /** @return the settings now */
    public SettingsSnapshot snapshot(TargetSession session, String server) throws ApplyException {
        try {
            return reader.read(session, server);
        } catch (TargetException e) {
            throw new ApplyException("cannot read pg_settings: " + e.getMessage(), e);
        }
    }

    private SettingsSnapshot awaitValues(TargetSession session, String server, List<ConfigChange> changes)
            throws ApplyException {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        SettingsSnapshot now;
        List<String> wrong;
        do {
            now = snapshot(session, server);
            wrong = mismatches(now, changes);
            if (wrong.isEmpty()) {
                return now;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApplyException("interrupted while waiting for the reload");
            }
        } while (System.nanoTime() < deadline);
        throw new ApplyException("not in effect after pg_reload_conf(): " + String.join("; ", wrong));
    }

    static List<String> mismatches(SettingsSnapshot now, List<ConfigChange> changes) {
        List<String> wrong = new ArrayList<>();
        for (ConfigChange c : changes) {
            ServerSetting s = now.setting(c.parameter()).orElse(null);
            if (s == null) {
                wrong.add(c.parameter() + " is gone");
                continue;
            }
            if (!s.hasValue(c.newValue())) {
                wrong.add(c.parameter() + " is " + s.display() + ", not " + c.newValue());
            }
            now.fileSettings().stream().filter(f -> f.name().equals(c.parameter()) && f.error() != null)
                    .findFirst().ifPresent(f -> wrong.add(c.parameter() + " in " + f.sourceFile() + ": " + f.error()));
        }
        return wrong;
    }
}
