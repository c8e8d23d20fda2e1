package org.planwright.app.preferences;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.planwright.plans.InsightThreshold;
import org.planwright.plans.InsightThresholds;
import org.planwright.store.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insight thresholds in force: read once from the store's {@link Preferences} (names
 * {@value #PREFIX}{@code <InsightThreshold.key()>}, only values that differ from the defaults are stored), changed
 * by the preferences dialog, and read by every analysis ({@link #current()}). A stored value that is not a number
 * or out of range is logged and its default used, so a hand-edited store never stops an analysis. Thread-safe;
 * the first {@link #current()} and {@link #save} block on the store (a small H2 read or write).
 */
public final class InsightPreferences {

    /** Name prefix of the threshold preferences. */
    public static final String PREFIX = "insights.threshold.";

    private static final Logger LOG = LoggerFactory.getLogger(InsightPreferences.class);

    private final Supplier<Optional<Preferences>> store;
    private volatile InsightThresholds current;

    /** @param store the store's preferences once the store is open; empty before (defaults apply meanwhile) */
    public InsightPreferences(Supplier<Optional<Preferences>> store) {
        this.store = store;
    }

    /** @return the thresholds for the next analysis: the stored ones, or the defaults before the store opens */
    public InsightThresholds current() {
        InsightThresholds t = current;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (current == null) {
                Optional<Preferences> p = store.get();
                if (p.isEmpty()) {
                    return InsightThresholds.defaults(); // not cached: the store may open later
                }
                current = read(p.get());
            }
            return current;
        }
    }

    /**
     * Uses {@code thresholds} from the next analysis on and stores them (removing stored values equal to the
     * defaults). Blocking.
     *
     * @throws org.planwright.store.StoreException when the store cannot be written (the thresholds still apply
     *                                             for this session)
     */
    public void save(InsightThresholds thresholds) {
        current = thresholds;
        store.get().ifPresent(p -> write(p, thresholds));
    }

    /** @return the thresholds stored in {@code p}, defaults for the missing or unusable ones */
    static InsightThresholds read(Preferences p) {
        Map<String, String> stored = p.withPrefix(PREFIX);
        Map<InsightThreshold, Double> values = new EnumMap<>(InsightThreshold.class);
        stored.forEach((name, text) -> {
            InsightThreshold t = InsightThreshold.byKey(name.substring(PREFIX.length()));
            if (t == null) {
                LOG.warn("Ignoring the unknown preference {}", name);
                return;
            }
            try {
                double v = Double.parseDouble(text);
                String problem = t.problem(v);
                if (problem != null) {
                    LOG.warn("Ignoring the preference {} = {}: {}", name, text, problem);
                } else {
                    values.put(t, v);
                }
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring the preference {} = {}: not a number", name, text);
            }
        });
        try {
            return InsightThresholds.fromValues(values);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring the stored insight thresholds: {}", e.getMessage());
            return InsightThresholds.defaults();
        }
    }

    private static void write(Preferences p, InsightThresholds thresholds) {
        p.removeWithPrefix(PREFIX);
        thresholds.values().forEach((t, v) -> {
            if (v != t.defaultValue()) {
                p.putDouble(PREFIX + t.key(), v);
            }
        });
    }
}
