package org.planwright.app.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.app.AppOptions;
import org.planwright.app.AppServices;
import org.planwright.app.concurrent.SameThreadExecutor;
import org.planwright.keychain.OsKeychain;
import org.planwright.store.Keychain;
import org.planwright.store.StoreEncryption;
import org.planwright.store.StoreUnlock;
import org.planwright.store.WorkbenchStore;

/**
 * Unlocking an encrypted store at start-up, without a scene: real H2 files encrypted by {@link StoreEncryption},
 * opened through the app's own {@link AppServices}, on a {@code SameThreadExecutor}.
 */
class StoreUnlockViewModelTest {

    private static final String MASTER = "correct horse battery staple";

    @TempDir
    static Path encrypted;

    private AppServices services;
    private int unlocked;
    private int cancelled;

    @BeforeAll
    static void encryptAStore() {
        try (WorkbenchStore s = WorkbenchStore.open(encrypted)) {
            s.workspaces().create("Client");
        }
        StoreEncryption.enable(encrypted, Keychain.none(), MASTER.toCharArray());
    }

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
    }

    private StoreUnlockViewModel vm(Path home, Keychain keychain, StoreEncryption.KeySource source) {
        services = new AppServices(AppOptions.direct(home, null, null), new SameThreadExecutor(), keychain);
        return new StoreUnlockViewModel(services.executor(), source, false,
                typed -> typed.ifPresentOrElse(services::openStore, services::openStore),
                () -> unlocked++, () -> cancelled++);
    }

    @Test
    void aMasterPasswordStoreAsksAtOnceSaysAWrongPasswordIsWrongAndOpensWithTheRightOne() {
        StoreUnlockViewModel vm = vm(encrypted, Keychain.none(), StoreEncryption.KeySource.MASTER_PASSWORD);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.ASKING);
        assertThat(services.store()).isEmpty();

        vm.unlock("wrong password".toCharArray());
        assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.ASKING);
        assertThat(vm.messageProperty().get()).startsWith("That is not the master password of this store");
        vm.unlock("still wrong".toCharArray());
        assertThat(vm.messageProperty().get()).contains("(2 tries)");
        vm.unlock(new char[0]);
        assertThat(vm.messageProperty().get()).isEqualTo("Type the master password of this store.");
        assertThat(unlocked).isZero();

        char[] typed = MASTER.toCharArray();
        vm.unlock(typed);
        assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.UNLOCKED);
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(unlocked).isOne();
        assertThat(new String(typed)).as("the typed password is cleared").isEqualTo("\0".repeat(MASTER.length()));
        assertThat(services.store()).hasValueSatisfying(s -> assertThat(s.workspaces().list())
                .extracting(w -> w.name()).containsExactly("Client"));
    }

    @Test
    void aWrongPasswordInTheEnvironmentIsTriedFirstThenTheUserIsAsked() {
        services = new AppServices(AppOptions.direct(encrypted, null, null), new SameThreadExecutor(), Keychain.none());
        StoreUnlock wrongEnvironment = new StoreUnlock(Keychain.none(), () -> Optional.of("from env".toCharArray()));
        StoreUnlockViewModel vm = new StoreUnlockViewModel(services.executor(),
                StoreEncryption.KeySource.MASTER_PASSWORD, true,
                typed -> typed.ifPresentOrElse(services::openStore, () -> WorkbenchStore.open(encrypted,
                        java.time.Clock.systemUTC(), wrongEnvironment).close()),
                () -> unlocked++, () -> cancelled++);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.ASKING);
        assertThat(vm.messageProperty().get()).startsWith("PLANWRIGHT_MASTER_PASSWORD does not open this store");
        vm.unlock(MASTER.toCharArray());
        assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.UNLOCKED);
        assertThat(unlocked).isOne();
    }

    @Test
    void quitEndsWithoutOpeningTheStore() {
        StoreUnlockViewModel vm = vm(encrypted, Keychain.none(), StoreEncryption.KeySource.MASTER_PASSWORD);
        vm.start();
        vm.cancel();
        vm.cancel();
        assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.CANCELLED);
        assertThat(cancelled).isOne();
        assertThat(services.store()).isEmpty();
    }

    @Test
    void damagedEncryptionSettingsAreAFailureWithTheirMessageAndRetryAsksAgain(@TempDir Path home) throws Exception {
        Path dir = home.resolve("store");
        try (WorkbenchStore s = WorkbenchStore.open(dir)) {
            s.workspaces().create("Client");
        }
        StoreEncryption.enable(dir, Keychain.none(), MASTER.toCharArray());
        Path settings = dir.resolve(StoreEncryption.SETTINGS_FILE);
        java.nio.file.Files.writeString(settings, java.nio.file.Files.readString(settings)
                .replaceAll("iterations=\\d+", "iterations=many"));

        StoreUnlockViewModel vm = vm(dir, Keychain.none(), StoreEncryption.KeySource.MASTER_PASSWORD);
        vm.start();
        vm.unlock(MASTER.toCharArray());
        assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.FAILED);
        assertThat(vm.messageProperty().get()).contains("encryption settings").contains("damaged");
        assertThat(unlocked).isZero();
        vm.retry();
        assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.ASKING);
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void aKeychainStoreWhoseKeyIsNotInTheKeychainFailsSayingSoWithoutAskingForAPassword(@TempDir Path home) {
        Path dir = home.resolve("store");
        try (WorkbenchStore s = WorkbenchStore.open(dir)) {
            s.workspaces().create("Client");
        }
        KeychainInMemory keychain = new KeychainInMemory();
        StoreEncryption.enable(dir, keychain, null);

        StoreUnlockViewModel vm = vm(dir, new KeychainInMemory(), StoreEncryption.KeySource.KEYCHAIN);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.FAILED);
        assertThat(vm.messageProperty().get()).contains("OS keychain").contains("does not have it");
        services.close();
        StoreUnlockViewModel none = vm(dir, Keychain.none(), StoreEncryption.KeySource.KEYCHAIN);
        none.start();
        assertThat(none.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.FAILED);
        assertThat(none.messageProperty().get()).contains("no OS keychain is reachable");
        vm.unlock("a password".toCharArray());
        assertThat(vm.phaseProperty().get()).as("no password is tried for a keychain store")
                .isEqualTo(StoreUnlockViewModel.Phase.FAILED);
    }

    @Test
    void aKeychainStoreOpensWithoutAWordWhenTheRealKeychainHasTheKey(@TempDir Path home) {
        try (OsKeychain keychain = new OsKeychain("Planwright test " + UUID.randomUUID(), Duration.ofSeconds(20))) {
            assumeTrue(keychain.available(), () -> "no OS keychain reachable here (" + keychain.unavailableReason()
                    .orElse("?") + "); .ci/with-secret-service provides one on Linux");
            Path dir = home.resolve("store");
            try (WorkbenchStore s = WorkbenchStore.open(dir)) {
                s.workspaces().create("Client");
            }
            StoreEncryption.enable(dir, keychain, null);
            try {
                StoreUnlockViewModel vm = vm(dir, keychain, StoreEncryption.KeySource.KEYCHAIN);
                vm.start();
                assertThat(vm.phaseProperty().get()).isEqualTo(StoreUnlockViewModel.Phase.UNLOCKED);
                assertThat(unlocked).isOne();
                assertThat(services.store()).isPresent();
            } finally {
                keychain.remove(StoreEncryption.keychainAccount(dir));
            }
        }
    }

    /** A keychain in memory: the one the store was encrypted with holds the key; a new one (another machine) not. */
    private static final class KeychainInMemory implements Keychain {
        private final java.util.Map<String, char[]> entries = new java.util.HashMap<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public java.util.Optional<char[]> read(String account) {
            return java.util.Optional.ofNullable(entries.get(account));
        }

        @Override
        public void write(String account, char[] secret) {
            entries.put(account, secret.clone());
        }

        @Override
        public void remove(String account) {
            entries.remove(account);
        }
    }
}
