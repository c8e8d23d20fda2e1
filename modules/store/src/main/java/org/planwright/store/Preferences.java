package org.planwright.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's preferences: global (not per workspace) name/value pairs, typed on the way in and out. Names are
 * dotted, lower-case words, e.g. {@code insights.threshold.misestimate.major}; at most {@value #MAX_NAME} characters,
 * values at most {@value #MAX_VALUE}. Numbers are stored in Java's round-trip text form (Locale-independent).
 * Thread-safe; every call blocks on the store, so call it off the JavaFX application thread.
 */
public final class Preferences {

    /** Longest preference name, characters. */
    public static final int MAX_NAME = 200;
    /** Longest stored value, characters. */
    public static final int MAX_VALUE = 4000;

    private final Jdbc jdbc;

    Preferences(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param name a preference name
     * @return its text value, or empty when it was never set (or was removed)
     * @throws StoreException INVALID for a bad name; FAILED when the store cannot be read
     */
    public Optional<String> getString(String name) {
        check(name);
        return jdbc.read("read the preference " + name, c -> Jdbc.one(c, rs -> rs.getString(1),
                "SELECT pref_value FROM preference WHERE name = ?", name));
    }

    /**
     * @param name a preference name
     * @return its value as a number, or empty when it was never set
     * @throws StoreException INVALID when the stored text is not a number (the message shows it; nothing is lost:
     *                        {@link #getString} still reads it)
     */
    public Optional<Double> getDouble(String name) {
        Optional<String> text = getString(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.valueOf(text.get()));
        } catch (NumberFormatException e) {
            throw new StoreException(StoreException.Reason.INVALID, "The preference " + name + " holds \""
                    + text.get() + "\", which is not a number", e);
        }
    }

    /**
     * @param name a preference name
     * @return its value as true/false, or empty when it was never set
     * @throws StoreException INVALID when the stored text is neither "true" nor "false"
     */
    public Optional<Boolean> getBoolean(String name) {
        Optional<String> text = getString(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new StoreException(StoreException.Reason.INVALID, "The preference " + name + " holds \""
                    + text.get() + "\", which is not true or false");
        };
    }

    /**
     * Sets a preference, replacing its value if it had one.
     *
     * @throws StoreException INVALID for a bad name or a value too long or null
     */
    public void putString(String name, String value) {
        check(name);
        if (value == null || value.length() > MAX_VALUE) {
            throw new StoreException(StoreException.Reason.INVALID, "The value of preference " + name
                    + (value == null ? " is missing" : " is longer than " + MAX_VALUE + " characters"));
        }
        jdbc.write("save the preference " + name, c -> Jdbc.update(c, """
                MERGE INTO preference (name, pref_value, updated_at) KEY (name) VALUES (?, ?, ?)""",
                name, value, jdbc.now()));
    }

    /**
     * Sets a number preference.
     *
     * @throws StoreException INVALID for a bad name, NaN or an infinite value
     */
    public void putDouble(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new StoreException(StoreException.Reason.INVALID, "The preference " + name
                    + " must be a finite number, not " + value);
        }
        putString(name, Double.toString(value));
    }

    /** Sets a true/false preference. */
    public void putBoolean(String name, boolean value) {
        putString(name, Boolean.toString(value));
    }

    /**
     * Removes a preference (its default applies again); nothing happens when it was not set.
     *
     * @return true when it was set
     */
    public boolean remove(String name) {
        check(name);
        return jdbc.write("remove the preference " + name,
                c -> Jdbc.update(c, "DELETE FROM preference WHERE name = ?", name)) > 0;
    }

    /**
     * @param prefix a name prefix, e.g. "insights.threshold."; "" for all
     * @return the preferences whose names start with it, by name
     */
    public Map<String, String> withPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.read("read the preferences " + prefix + "*", c -> Jdbc.list(c, rs -> out.put(rs.getString(1),
                rs.getString(2)), "SELECT name, pref_value FROM preference WHERE name LIKE ? ESCAPE '\\' ORDER BY name",
                like));
        return out;
    }

    /**
     * Removes every preference whose name starts with {@code prefix} ("Reset to defaults").
     *
     * @return how many were removed
     */
    public int removeWithPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.write("reset the preferences " + prefix + "*",
                c -> Jdbc.update(c, "DELETE FROM preference WHERE name LIKE ? ESCAPE '\\'", like));
    }

    private static void check(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new StoreException(StoreException.Reason.INVALID, "A preference name must be 1 to " + MAX_NAME
                    + " characters, not " + (name == null ? "missing" : "\"" + name + "\""));
        }
    }
}
