package org.planwright.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.planwright.app.concurrent.FxThread;
import org.planwright.app.error.ErrorReporter;
import org.planwright.app.main.MainWindow;
import org.planwright.app.main.Theme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Shows the main window at once; {@link AppServices} does the heavy start-up work
 * (store, sandbox, demo data, connection) in the background after the first frame, and is closed when the
 * application stops so that no sandbox process stays behind.
 *
 * <p>{@link #PlanwrightApp()} reads {@link AppOptions#fromSystemProperties()}; tests pass options directly.
 */
public final class PlanwrightApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(PlanwrightApp.class);

    private final AppOptions options;
    private AppServices services;
    private MainWindow window;

    /** The application as the JavaFX launcher creates it: options from system properties. */
    public PlanwrightApp() {
        this(AppOptions.fromSystemProperties());
    }

    /** @param options start-up options (store folder, sandbox/demo start or a given connection) */
    public PlanwrightApp(AppOptions options) {
        this.options = options;
    }

    @Override
    public void start(Stage stage) {
        Theme.LIGHT.apply();
        services = new AppServices(options);
        window = new MainWindow(services, stage);
        Thread.setDefaultUncaughtExceptionHandler(new ErrorReporter(stage));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1360, screen.getWidth()), Math.min(820, screen.getHeight()));
        scene.getStylesheets().add(PlanwrightApp.class.getResource("planwright.css").toExternalForm());
        window.installAccelerators(scene);
        stage.setTitle("Planwright");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!window.confirmExit()) {
                e.consume();
            }
        });
        stage.show();
        // heavy start-up work after the first frame
        FxThread.later(() -> {
            logStartTime();
            window.startUp();
        });
    }

    /** Logs the cold start time: process start to the first window on screen (the closing note's figure). */
    private static void logStartTime() {
        ProcessHandle.current().info().startInstant().ifPresent(started -> LOG.info(
                "First window shown {} ms after process start",
                java.time.Duration.between(started, java.time.Instant.now()).toMillis()));
    }

    /** @return the services once {@link #start(Stage)} ran (tests look at the store) */
    public AppServices services() {
        return services;
    }

    /** @return the main window once {@link #start(Stage)} ran (tests) */
    public MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        LOG.info("Planwright stops");
        if (window != null) {
            window.dispose();
        }
        if (services != null) {
            services.close();
        }
    }
}
