package org.planwright.app.startup;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.planwright.app.AppServices;
import org.planwright.app.error.ErrorReporter;
import org.planwright.app.status.StatusViewModel;
import org.planwright.sandbox.DemoDataset;
import org.planwright.sandbox.Sandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the demo dataset in the sandbox the first time, with progress in the status bar and a cancel
 * button. Whether it is needed is asked in the background ({@link DemoDataset#isPresent(Sandbox)}: a marker row
 * the generation writes last). FX thread only.
 */
final class DemoDataGeneration {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGeneration.class);

    private final AppServices services;
    private final StatusViewModel status;

    DemoDataGeneration(AppServices services, StatusViewModel status) {
        this.services = services;
        this.status = status;
    }

    /**
     * Generates in the background; calls {@code then} on the FX thread when done, failed or cancelled.
     *
     * @param sandbox the running sandbox
     * @param then    the next start-up step
     */
    void run(Sandbox sandbox, Runnable then) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable cancel = () -> {
            cancelled.set(true);
            status.task("Cancelling the demo data generation…", -1, null);
        };
        status.task("Generating the demo dataset…", 0, cancel);
        services.executor().submit(() -> {
            DemoDataset.Result r = DemoDataset.generate(sandbox, DemoDataset.DEFAULT_SCALE,
                    (fraction, message) -> services.executor().onUiThread(() -> {
                        if (!cancelled.get()) {
                            status.task(message, fraction, cancel);
                        }
                    }),
                    cancelled::get);
            return r;
        }, r -> {
            status.done(String.format(java.util.Locale.ROOT, "Demo dataset ready: %,d rows in %d s",
                    r.totalRows(), r.took().toSeconds()));
            then.run();
        }, e -> {
            if (ErrorReporter.unwrap(e) instanceof CancellationException) {
                status.done("Demo data generation cancelled; it runs again at the next start");
            } else {
                LOG.warn("Demo dataset generation failed", e);
                status.done("The demo dataset could not be generated: " + ErrorReporter.describe(e));
            }
            then.run();
        });
    }

}
