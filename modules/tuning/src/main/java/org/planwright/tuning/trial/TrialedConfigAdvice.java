package org.planwright.tuning.trial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.planwright.tuning.advice.Advice;
import org.planwright.tuning.advice.ConfigRecommendation;
import org.planwright.tuning.advice.Impact;
import org.planwright.tuning.advice.NotProposed;
import org.planwright.tuning.advice.Risk;
import org.planwright.tuning.pgtune.PgTuneResult;
import org.planwright.tuning.settings.ServerSetting;
import org.planwright.tuning.settings.SettingsSnapshot;

/**
 * The advice after a {@link SettingsTrial}: for every parameter the trial tried, its measurement decides — an
 * accepted value becomes the recommendation (with the measured statements as evidence), a parameter with no
 * accepted value is not proposed (with the measured reason), whatever the rules or PGTune said. Parameters the
 * trial could not try (restart or reload parameters such as shared_buffers) keep their rule-based
 * recommendation. Stateless.
 */
public final class TrialedConfigAdvice {

    private TrialedConfigAdvice() {
    }

    /**
     * @param rules   the rule-based advice the candidates came from
     * @param current the server's settings when the trial ran
     * @param pgtune  PGTune's profile (for the "not proposed" column)
     * @param trial   the trial's result
     * @return the advice with the tried parameters decided by measurement
     */
    public static Advice merge(Advice rules, SettingsSnapshot current, PgTuneResult pgtune,
                               SettingsTrial.Result trial) {
        Map<String, List<SettingsTrial.Outcome>> byParameter = new LinkedHashMap<>();
        for (SettingsTrial.Outcome o : trial.outcomes()) {
            byParameter.computeIfAbsent(o.candidate().parameter(), k -> new ArrayList<>()).add(o);
        }
        Set<String> tried = new TreeSet<>(byParameter.keySet());
        List<ConfigRecommendation> recs = new ArrayList<>();
        for (ConfigRecommendation r : rules.recommendations()) {
            if (!tried.contains(r.parameter())) {
                recs.add(r);
            }
        }
        List<NotProposed> notProposed = new ArrayList<>();
        for (NotProposed n : rules.notProposed()) {
            if (!tried.contains(n.parameter())) {
                notProposed.add(n);
            }
        }
        for (Map.Entry<String, List<SettingsTrial.Outcome>> e : byParameter.entrySet()) {
            String p = e.getKey();
            ServerSetting cur = current.setting(p).orElse(null);
            String currentText = cur == null ? "" : cur.display();
            SettingsTrial.Outcome won = e.getValue().stream().filter(SettingsTrial.Outcome::accepted).findFirst()
                    .orElse(null);
            if (won != null) {
                List<String> evidence = new ArrayList<>();
                evidence.add("measured in this session (SET LOCAL inside rolled-back read-only transactions, "
                        + won.statements().stream().filter(s -> s.change() != SettingsTrial.Change.SAME_PLAN)
                        .findFirst().map(s -> s.beforeMs().size()).orElse(0) + " runs a side): " + won.reason());
                if (!won.base().isEmpty()) {
                    evidence.add("tried on top of " + won.base());
                }
                e.getValue().stream().filter(o -> o != won).forEach(o -> evidence.add("not " + o.candidate().value()
                        + ": " + o.reason()));
                double gain = won.workloadBeforeMs() <= 0 ? 0
                        : 100 * (won.workloadBeforeMs() - won.workloadAfterMs()) / won.workloadBeforeMs();
                recs.add(new ConfigRecommendation(p, currentText, won.candidate().value(),
                        "Measured on the workload's statements: faster with no statement slower. Source of the "
                                + "value: " + won.candidate().source() + ".", evidence,
                        new Impact(gain >= 20 ? Impact.Level.HIGH : gain >= 5 ? Impact.Level.MEDIUM : Impact.Level.LOW,
                                String.format(Locale.ROOT, "%.1f%% less time on the timed statements (%.0f -> %.0f ms)",
                                        gain, won.workloadBeforeMs(), won.workloadAfterMs())),
                        Risk.LOW, cur == null ? org.planwright.tuning.settings.ApplyMode.NEW_SESSION
                        : cur.applyMode(), ConfigRecommendation.alterSystem(p, won.candidate().value())));
            } else {
                StringBuilder why = new StringBuilder("measured on the workload's statements, not shown to help: ");
                for (SettingsTrial.Outcome o : e.getValue()) {
                    why.append(o.candidate().value()).append(": ").append(o.reason()).append("; ");
                }
                notProposed.add(new NotProposed(p, currentText, pgtune.value(p).orElse(""),
                        why.substring(0, why.length() - 2)));
            }
        }
        List<String> notes = new ArrayList<>(rules.notes());
        if (!trial.skipped().isEmpty()) {
            notes.add("Settings trial left out " + trial.skipped().size() + " statement(s): "
                    + String.join("; ", trial.skipped()));
        }
        if (trial.cancelled()) {
            notes.add("The settings trial was cancelled: parameters it did not reach keep the rule-based advice.");
        }
        return new Advice(recs, notProposed, notes);
    }
}
