package org.planwright.app;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.planwright.app.error.ErrorReporter;
import org.planwright.app.concurrent.FxThread;
import org.planwright.app.main.MainWindow;
import org.planwright.app.main.Theme;
import org.planwright.app.startup.ProcessStart;
import org.planwright.app.startup.StoreUnlockDialog;
import org.planwright.app.startup.StoreUnlockViewModel;
import org.planwright.store.StoreEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Shows the main window at once; {@link AppServices} does the heavy start-up work
 * (store, sandbox, demo data, connection) in the background after the first frame, and is closed when the
 * application stops so that no sandbox process stays behind. An encrypted store is unlocked first
 * ({@link StoreUnlockDialog}: the OS keychain, else the master password), and the main window follows.
 *
 * <p>{@link #PlanwrightApp()} reads {@link AppOptions#fromSystemProperties()}; tests pass options directly.
 */
public final class PlanwrightApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(PlanwrightApp.class);

    /**
     * System property: {@code true} quits the application a second after its first window is shown; the AOT
     * cache's training run of packaging/lib/app-image.sh uses it.
     */
    public static final String QUIT_AFTER_FIRST_WINDOW = "planwright.quitAfterFirstWindow";

    private final AppOptions options;
    private AppServices services;
    private MainWindow window;
    private StoreUnlockDialog unlockDialog;

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
        Optional<Duration> javafxStarted = ProcessStart.elapsed();
        long building = System.nanoTime();
        Theme.LIGHT.apply();
        services = new AppServices(options);
        Optional<StoreEncryption.KeySource> encrypted = services.storeKeySource();
        if (encrypted.isEmpty()) {
            showMainWindow(stage, javafxStarted, building);
            return;
        }
        // an encrypted store is unlocked before the main window: its key from the OS keychain (or
        // PLANWRIGHT_MASTER_PASSWORD) without a word, else the master password is asked for; Quit ends the app
        StoreUnlockDialog[] dialog = new StoreUnlockDialog[1];
        StoreUnlockViewModel unlock = new StoreUnlockViewModel(services.executor(), encrypted.get(),
                services.masterPasswordInEnvironment(),
                typed -> typed.ifPresentOrElse(services::openStore, services::openStore),
                () -> {
                    // the main window first, so that closing the unlock window never leaves the app without one
                    showMainWindow(stage, javafxStarted, building);
                    dialog[0].close();
                },
                Platform::exit);
        dialog[0] = new StoreUnlockDialog(unlock, options.home());
        unlockDialog = dialog[0];
        dialog[0].getScene().getStylesheets().add(PlanwrightApp.class.getResource("planwright.css").toExternalForm());
        dialog[0].start();
    }

    private void showMainWindow(Stage stage, Optional<Duration> javafxStarted, long building) {
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
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                logStartTime(javafxStarted, Duration.ofNanos(System.nanoTime() - building));
                if (Boolean.getBoolean(QUIT_AFTER_FIRST_WINDOW)) {
                    PauseTransition pause = new PauseTransition(javafx.util.Duration.seconds(1));
                    pause.setOnFinished(f -> Platform.exit());
                    pause.play();
                }
            }
        });
        // once the first frame is laid out (it is drawn on the render thread meanwhile): the results and plan
        // views it leaves out; once they are laid out: the editor tab and the background start-up (store,
        // sandbox); the window is complete when the editor is laid out in turn
        afterNextLayout(scene, () -> FxThread.later(() -> {
            window.buildViews();
            afterNextLayout(scene, () -> FxThread.later(() -> {
                window.startUp();
                afterNextLayout(scene, () -> ProcessStart.elapsed().ifPresent(complete -> LOG.info(
                        "Main window complete {} s after process start (editor, results and plan laid out)",
                        seconds(complete))));
            }));
        }));
        stage.show();
    }

    /** Runs {@code action} once, after the layout of the scene's next pulse. */
    private static void afterNextLayout(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        });
    }

    /**
     * Logs the cold start time: process start ({@link ProcessStart}) to the main window's {@code WINDOW_SHOWN}
     * event, which JavaFX fires right after it asked the windowing system to map the window; the figure users,
     * the smoke test and packaging/measure-first-window.sh read.
     */
    private static void logStartTime(Optional<Duration> javafxStarted, Duration built) {
        ProcessStart.elapsed().ifPresent(shown -> LOG.info(
                "First window shown {} s after process start (JavaFX started at {} s, window built in {} s)",
                seconds(shown), javafxStarted.map(PlanwrightApp::seconds).orElse("?"), seconds(built)));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toMillis() / 1000.0);
    }

    /** @return the application's services once {@link #start(Stage)} ran (tests) */
    public AppServices services() {
        return services;
    }

    /** @return the main window once it is shown: at once, or after an encrypted store is unlocked (tests) */
    public MainWindow window() {
        return window;
    }

    /** @return the unlock window of an encrypted store, or null when the store is not encrypted (tests) */
    public StoreUnlockDialog unlockDialog() {
        return unlockDialog;
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
