package org.planwright.app.startup;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.error.ErrorReporter;
import org.planwright.store.StoreEncryption;
import org.planwright.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unlocking an encrypted workbench store before the main window opens (issue 12, ADR 0017 and 0023). First the key
 * is looked for where no one needs to type it — the OS keychain, or {@code PLANWRIGHT_MASTER_PASSWORD} — in the
 * background; when that does not open the store, the master password is asked for ({@link Phase#ASKING}): a wrong
 * one is said so and may be typed again, Quit ends the application. Errors other than a wrong key (the store is in
 * use by another Planwright, a keychain without the key) show their message with Retry and Quit
 * ({@link Phase#FAILED}); never a stack trace.
 *
 * <p>FX thread only; the store opens through the {@link BackgroundExecutor} (PBKDF2 with 600,000 iterations and
 * H2's open take about a second). Tested without a scene on a {@code SameThreadExecutor}.
 */
public final class StoreUnlockViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnlockViewModel.class);

    /** What the unlock window shows. */
    public enum Phase {
        /** the key is being tried (from the keychain or the environment, or the typed password) */
        OPENING,
        /** the master password is needed: a password field, Unlock and Quit */
        ASKING,
        /** the store could not be opened for another reason: the message, Retry and Quit */
        FAILED,
        /** the store is open; the main window takes over */
        UNLOCKED,
        /** the user chose Quit */
        CANCELLED
    }

    /** Opens the store; empty = without a typed password (keychain, environment). Blocking, worker thread. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @param masterPassword the typed master password (the opener clears it), or empty
         * @throws StoreException when the store cannot be opened (ENCRYPTED: the key is missing or wrong)
         */
        void open(Optional<char[]> masterPassword);
    }

    private final BackgroundExecutor executor;
    private final StoreEncryption.KeySource keySource;
    private final boolean passwordInEnvironment;
    private final Opener opener;
    private final Runnable onUnlocked;
    private final Runnable onCancelled;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.OPENING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private int wrongPasswords;

    /**
     * @param executor              runs the opening in the background
     * @param keySource             where the store's key lives ({@link StoreEncryption#keySource})
     * @param passwordInEnvironment true when {@code PLANWRIGHT_MASTER_PASSWORD} is set (tried before asking)
     * @param opener                opens the store
     * @param onUnlocked            run on the FX thread once the store is open
     * @param onCancelled           run on the FX thread when the user quits
     */
    public StoreUnlockViewModel(BackgroundExecutor executor, StoreEncryption.KeySource keySource,
                                boolean passwordInEnvironment, Opener opener, Runnable onUnlocked,
                                Runnable onCancelled) {
        this.executor = Objects.requireNonNull(executor);
        this.keySource = Objects.requireNonNull(keySource);
        this.passwordInEnvironment = passwordInEnvironment;
        this.opener = Objects.requireNonNull(opener);
        this.onUnlocked = Objects.requireNonNull(onUnlocked);
        this.onCancelled = Objects.requireNonNull(onCancelled);
    }

    /**
     * Tries the key that needs no typing (the keychain; the environment's master password), or asks at once for the
     * master password when there is none.
     */
    public void start() {
        if (keySource == StoreEncryption.KeySource.MASTER_PASSWORD && !passwordInEnvironment) {
            phase.set(Phase.ASKING);
            return;
        }
        open(Optional.empty());
    }

    /**
     * Tries a typed master password (cleared once tried). An empty one is not tried.
     *
     * @param masterPassword the password field's text
     */
    public void unlock(char[] masterPassword) {
        if (busy.get() || phase.get() != Phase.ASKING) {
            Arrays.fill(masterPassword, '\0');
            return;
        }
        if (masterPassword.length == 0) {
            message.set("Type the master password of this store.");
            return;
        }
        open(Optional.of(masterPassword));
    }

    /** After a failure other than a wrong password: tries again as at the start. */
    public void retry() {
        if (!busy.get()) {
            message.set("");
            start();
        }
    }

    /** Quit: the store stays closed and the application ends. */
    public void cancel() {
        if (phase.get() == Phase.UNLOCKED || phase.get() == Phase.CANCELLED) {
            return;
        }
        phase.set(Phase.CANCELLED);
        onCancelled.run();
    }

    private void open(Optional<char[]> typed) {
        Phase before = phase.get();
        busy.set(true);
        phase.set(Phase.OPENING);
        executor.submit(() -> {
            opener.open(typed);
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            message.set("");
            phase.set(Phase.UNLOCKED);
            onUnlocked.run();
        }, error -> {
            busy.set(false);
            failed(error, typed.isPresent(), before);
        });
    }

    private void failed(Throwable error, boolean typed, Phase before) {
        if (phase.get() == Phase.CANCELLED) {
            return;
        }
        boolean encrypted = error instanceof StoreException e && e.reason() == StoreException.Reason.ENCRYPTED;
        if (encrypted && keySource == StoreEncryption.KeySource.MASTER_PASSWORD) {
            phase.set(Phase.ASKING);
            if (typed) {
                wrongPasswords++;
                message.set("That is not the master password of this store" + (wrongPasswords > 1
                        ? " (" + wrongPasswords + " tries)" : "") + ". Check the keyboard layout and Caps Lock,"
                        + " and type it again.");
            } else {
                message.set("PLANWRIGHT_MASTER_PASSWORD does not open this store: type its master password.");
            }
            LOG.info("The store's master password was wrong ({})", typed ? "typed" : "from the environment");
            return;
        }
        LOG.warn("The encrypted store could not be opened (before: {})", before, error);
        message.set(error instanceof StoreException ? error.getMessage() : ErrorReporter.describe(error));
        phase.set(Phase.FAILED);
    }

    /** @return where the key lives: the window asks for a password only for {@code MASTER_PASSWORD} */
    public StoreEncryption.KeySource keySource() {
        return keySource;
    }

    /** @return what the window shows */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** @return the error or hint under the password field; empty for none */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** @return true while the store is being opened (the buttons wait) */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
