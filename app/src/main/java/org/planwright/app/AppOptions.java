package org.planwright.app;

import java.nio.file.Path;
import java.util.Objects;
import org.planwright.store.StoreLocation;
import org.planwright.targetdb.ConnectionProfile;

/**
 * How the application starts.
 *
 * @param home           the data folder: the workbench store and the sandbox's data directory live here
 * @param demoStartup    true to start the sandbox PostgreSQL, create the demo database and dataset and connect
 *                       the demo workspace's "Sandbox" profile; false to skip all of that (tests)
 * @param initialProfile a profile to connect right after start, or null; used when {@code demoStartup} is false
 * @param initialScript  text for the first editor tab, or null for the demo script
 */
public record AppOptions(Path home, boolean demoStartup, ConnectionProfile initialProfile, String initialScript) {

    public AppOptions {
        Objects.requireNonNull(home, "home");
    }

    /**
     * The options of a normal start: data folder from {@link StoreLocation#forThisMachine()} (system property
     * {@code planwright.home} overrides), demo start-up on; {@code -Dplanwright.demo=false} turns it off.
     *
     * @return the options
     */
    public static AppOptions fromSystemProperties() {
        boolean demo = !"false".equalsIgnoreCase(System.getProperty("planwright.demo", "true"));
        return new AppOptions(StoreLocation.forThisMachine().path(), demo, null, null);
    }

    /**
     * Options for tests and scripted starts: no sandbox, no demo data, connect {@code profile} at once.
     *
     * @param home    data folder (e.g. a JUnit {@code @TempDir})
     * @param profile the connection to open, or null for none
     * @param script  first tab's text, or null for the demo script
     * @return the options
     */
    public static AppOptions direct(Path home, ConnectionProfile profile, String script) {
        return new AppOptions(home, false, profile, script);
    }
}
