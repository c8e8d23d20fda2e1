package org.planwright.app;

import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.concurrent.FxBackgroundExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All wiring of the application in one place (constructor injection, no static singletons): the background
 * executor and the services of the other modules. Closing it stops what it started, the sandbox included.
 *
 * <p>Thread rules: construct and close on the FX thread; the getters are thread-safe.
 */
public final class AppServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);

    private final AppOptions options;
    private final BackgroundExecutor executor;

    /** @param options start-up options */
    public AppServices(AppOptions options) {
        this(options, new FxBackgroundExecutor());
    }

    /**
     * @param options  start-up options
     * @param executor how background work runs ({@code SameThreadExecutor} in view-model tests)
     */
    public AppServices(AppOptions options, BackgroundExecutor executor) {
        this.options = options;
        this.executor = executor;
    }

    /** @return start-up options */
    public AppOptions options() {
        return options;
    }

    /** @return the one background executor */
    public BackgroundExecutor executor() {
        return executor;
    }

    @Override
    public void close() {
        LOG.debug("Closing services");
        executor.close();
    }
}
