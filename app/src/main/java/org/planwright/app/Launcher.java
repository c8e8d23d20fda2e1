package org.planwright.app;

import javafx.application.Application;
import org.planwright.app.concurrent.StartupThreads;
import org.slf4j.LoggerFactory;

/**
 * Class-path entry point: starts {@link PlanwrightApp} from a main class that does not extend
 * {@link Application}, so a plain {@code java -cp ... org.planwright.app.Launcher} works without the module path.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * @param args JavaFX application arguments (unused)
     */
    public static void main(String[] args) {
        // logback reads its configuration (0.1-0.3 s) on another core while JavaFX starts; the first logger
        // (PlanwrightApp's) would otherwise do it on the FX thread before the first window
        StartupThreads.startDaemon("planwright-log-init", LoggerFactory::getILoggerFactory);
        Application.launch(PlanwrightApp.class, args);
    }
}
