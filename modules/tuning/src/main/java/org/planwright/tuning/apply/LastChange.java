package org.planwright.tuning.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.planwright.tuning.settings.ApplyMode;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * Finds, in a server's change history, "the last change" that is still in effect — what {@code planwright config
 * revert} and the app's Revert undo. A parameter is in effect when its latest event (over all runs) is APPLIED or
 * KEPT; the last change is the run (events sharing a {@link ChangeEvent#runId()}) of the most recent such event,
 * every parameter of that run still in effect included. Events without a run id stand alone. Stateless.
 */
public final class LastChange {

    private LastChange() {
    }

    /**
     * @param history the workspace's events, oldest first (as the store's history returns them)
     * @param server  the server's label, as the events record it
     * @return the latest event of each parameter of the last change still in effect, in the order applied; empty
     *     when nothing applied to that server is still in effect
     */
    public static List<ChangeEvent> inEffect(List<ChangeEvent> history, String server) {
        Map<String, ChangeEvent> latest = new LinkedHashMap<>();
        for (ChangeEvent e : history) {
            if (Objects.equals(e.server(), server) && e.action() != ChangeEvent.Action.PREPARED) {
                latest.remove(e.parameter());
                latest.put(e.parameter(), e);
            }
        }
        ChangeEvent last = null;
        for (ChangeEvent e : latest.values()) {
            if (e.inEffect() && (last == null || !e.at().isBefore(last.at()))) {
                last = e;
            }
        }
        if (last == null) {
            return List.of();
        }
        List<ChangeEvent> run = new ArrayList<>();
        for (ChangeEvent e : latest.values()) {
            if (e.inEffect() && (e == last || last.runId() != null && last.runId().equals(e.runId()))) {
                run.add(e);
            }
        }
        return List.copyOf(run);
    }

    /**
     * @param events from {@link #inEffect}
     * @param now    the server's settings now (for each parameter's apply mode)
     * @return the changes that undo them: each parameter from its value now back to the value before the change
     */
    public static List<ConfigChange> undo(List<ChangeEvent> events, SettingsSnapshot now) {
        return events.stream().map(e -> new ConfigChange(e.parameter(), e.newValue() == null ? "" : e.newValue(),
                e.oldValue() == null ? "" : e.oldValue(), now.setting(e.parameter()).map(ServerSetting::applyMode)
                .orElse(ApplyMode.RELOAD))).toList();
    }
}
