package org.planwright.store;

import org.planwright.testsupport.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest: one switch converts a store with data; no query text and no secret in any file after. */
class StoreEncryptionTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    @TempDir
    Path home;

    private static StoreUnlock master(String password) {
        return new StoreUnlock(Keychain.none(), () -> Optional.ofNullable(password).map(String::toCharArray));
    }

    @Test
    void aStoreWithDataIsEncryptedInPlaceAndOpensOnlyWithItsMasterPassword() throws Exception {
        Path dir = home.resolve(".local/share/planwright");
        String secret = "zq" + UUID.randomUUID().toString().replace("-", "");
        String password = "master-" + UUID.randomUUID();
        ManualClock clock = new ManualClock(T0);
        UUID ws;
        try (WorkbenchStore plain = WorkbenchStore.open(dir, clock, master(null))) {
            Workspace w = plain.workspaces().create("Client");
            ws = w.id();
            EveryKind.fill(plain, w, secret, T0);
        }
        assertThat(WorkspaceLifecycleTest.occurrences(dir.resolve(WorkbenchStore.FILE_NAME), secret))
                .as("plain store holds the text").isPositive();
        assertThat(StoreEncryption.isEnabled(dir)).isFalse();

        StoreEncryption.enable(dir, Keychain.none(), password.toCharArray());

        assertThat(StoreEncryption.keySource(dir)).contains(StoreEncryption.KeySource.MASTER_PASSWORD);
        for (Path p : WorkspaceLifecycleTest.filesIn(home)) {
            assertThat(WorkspaceLifecycleTest.occurrences(p, secret)).as(p.toString()).isZero();
            assertThat(WorkspaceLifecycleTest.occurrences(p, password)).as(p.toString()).isZero();
        }
        try (WorkbenchStore open = WorkbenchStore.open(dir, clock, master(password))) {
            assertThat(open.savedQueries().list(ws)).singleElement()
                    .satisfies(q -> assertThat(q.sql()).contains(secret));
            // deleting and compacting works on the encrypted file too
            Workspace other = open.workspaces().create("Other");
            open.savedQueries().save(SavedQuery.create(other.id(), "q", "SELECT '" + secret + "2'"));
            open.workspaces().delete(other.id());
            assertThat(open.workspaces().list()).extracting(Workspace::id).containsExactly(ws);
        }
        for (Path p : WorkspaceLifecycleTest.filesIn(home)) {
            assertThat(WorkspaceLifecycleTest.occurrences(p, secret)).as(p.toString()).isZero();
            assertThat(WorkspaceLifecycleTest.occurrences(p, password)).as(p.toString()).isZero();
        }
    }

    @Test
    void aMissingOrWrongMasterPasswordIsAClearErrorAndLeavesTheFileAsItWas() throws Exception {
        Path dir = home.resolve("store");
        try (WorkbenchStore s = WorkbenchStore.open(dir, new ManualClock(T0), master(null))) {
            s.workspaces().create("Client");
        }
        StoreEncryption.enable(dir, Keychain.none(), "right password".toCharArray());
        byte[] before = Files.readAllBytes(dir.resolve(WorkbenchStore.FILE_NAME));

        assertThatThrownBy(() -> WorkbenchStore.open(dir, new ManualClock(T0), master(null)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.ENCRYPTED))
                .hasMessageContaining(StoreUnlock.MASTER_PASSWORD_ENV);
        assertThatThrownBy(() -> WorkbenchStore.open(dir, new ManualClock(T0), master("wrong password")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.ENCRYPTED))
                .hasMessageContaining("master password is wrong");
        assertThat(Files.readAllBytes(dir.resolve(WorkbenchStore.FILE_NAME))).isEqualTo(before);
        assertThatThrownBy(() -> StoreEncryption.enable(dir, Keychain.none(), "again and again".toCharArray()))
                .hasMessageContaining("already encrypted");
    }

    @Test
    void switchingOffGivesAPlainStoreBackAndTheEnvironmentVariableUnlocks() {
        Path dir = home.resolve("store");
        try (WorkbenchStore s = WorkbenchStore.open(dir, new ManualClock(T0), master(null))) {
            s.workspaces().create("Client");
        }
        StoreEncryption.enable(dir, Keychain.none(), "right password".toCharArray());
        StoreUnlock fromEnv = StoreUnlock.fromEnvironment(Map.of(StoreUnlock.MASTER_PASSWORD_ENV, "right password"));
        try (WorkbenchStore s = WorkbenchStore.open(dir, new ManualClock(T0), fromEnv)) {
            assertThat(s.workspaces().list()).extracting(Workspace::name).containsExactly("Client");
        }
        StoreEncryption.disable(dir, fromEnv);
        assertThat(StoreEncryption.isEnabled(dir)).isFalse();
        try (WorkbenchStore s = WorkbenchStore.open(dir, new ManualClock(T0), master(null))) {
            assertThat(s.workspaces().list()).extracting(Workspace::name).containsExactly("Client");
        }
    }

    @Test
    void withAKeychainTheKeyIsRandomAndLivesOnlyThere() throws Exception {
        Path dir = home.resolve("store");
        try (WorkbenchStore s = WorkbenchStore.open(dir, new ManualClock(T0), master(null))) {
            s.workspaces().create("Client");
        }
        MapKeychain keychain = new MapKeychain();
        StoreEncryption.enable(dir, keychain, null);

        assertThat(StoreEncryption.keySource(dir)).contains(StoreEncryption.KeySource.KEYCHAIN);
        String key = new String(keychain.entries.values().iterator().next());
        for (Path p : WorkspaceLifecycleTest.filesIn(home)) {
            assertThat(WorkspaceLifecycleTest.occurrences(p, key)).as(p.toString()).isZero();
        }
        try (WorkbenchStore s = WorkbenchStore.open(dir, new ManualClock(T0), new StoreUnlock(keychain,
                Optional::empty))) {
            assertThat(s.workspaces().list()).hasSize(1);
        }
        assertThatThrownBy(() -> WorkbenchStore.open(dir, new ManualClock(T0), master("anything")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.ENCRYPTED))
                .hasMessageContaining("no OS keychain is reachable");
        assertThatThrownBy(() -> WorkbenchStore.open(dir, new ManualClock(T0), new StoreUnlock(new MapKeychain(),
                Optional::empty)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.ENCRYPTED))
                .hasMessageContaining("the keychain does not have it");
    }

    /** A keychain held in memory: plays the OS keychain this Linux machine does not have. */
    private static final class MapKeychain implements Keychain {
        final Map<String, char[]> entries = new HashMap<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public Optional<char[]> read(String account) {
            return Optional.ofNullable(entries.get(account));
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
