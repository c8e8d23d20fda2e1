package org.planwright.app;

import javafx.application.Application;

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
        Application.launch(PlanwrightApp.class, args);
    }
}
