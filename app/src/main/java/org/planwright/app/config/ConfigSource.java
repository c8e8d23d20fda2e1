package org.planwright.app.config;

import java.util.Objects;
import java.util.concurrent.Callable;
import org.planwright.tuning.compare.ConfigSide;

/**
 * One configuration the comparison panes can show: the live server, a stored snapshot (of this or another
 * server), PGTune's profile, or the advisor's recommendation. Loading blocks (a server round trip or a store
 * read), so the view model runs it in the background.
 *
 * @param name   shown in the choosers, e.g. "Live: db1:5432/shop"
 * @param loader reads the configuration
 */
public record ConfigSource(String name, Callable<ConfigSide> loader) {
    public ConfigSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(loader, "loader");
    }

    @Override
    public String toString() {
        return name;
    }
}
