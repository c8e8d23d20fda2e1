package org.planwright.keychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.store.SavedQuery;
import org.planwright.store.StoreEncryption;
import org.planwright.store.StoreUnlock;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;

/**
 * Encryption at rest with the key in the real OS keychain: on Linux the Secret Service over D-Bus (GNOME Keyring in
 * CI, started by {@code .ci/with-secret-service}). Skipped, saying why, where no keychain answers.
 */
class OsKeychainStoreTest {

    @TempDir
    Path home;

    /** Entries of this test go under a service of their own, so a developer's real entries are never touched. */
    private final String service = "Planwright test " + UUID.randomUUID();
    private OsKeychain keychain;

    @BeforeEach
    void connect() {
        keychain = new OsKeychain(service, Duration.ofSeconds(20));
        assumeTrue(keychain.available(), () -> "no OS keychain reachable here (" + keychain.unavailableReason()
                .orElse("?") + "); on Linux run inside a D-Bus session with an unlocked Secret Service, as"
                + " .ci/with-secret-service does");
    }

    @AfterEach
    void close() {
        keychain.close();
    }

    @Test
    void theKeyLivesOnlyInTheKeychainTheStoreReopensWithoutAPasswordAndDecryptRemovesTheEntry() throws IOException {
        Path dir = home.resolve("planwright");
        String secretQuery = "SELECT 'zq" + UUID.randomUUID().toString().replace("-", "") + "'";
        UUID ws;
        try (WorkbenchStore plain = WorkbenchStore.open(dir, java.time.Clock.systemUTC(), noPassword(keychain))) {
            Workspace w = plain.workspaces().create("Client");
            ws = w.id();
            plain.savedQueries().save(SavedQuery.create(ws, "secret", secretQuery));
        }

        StoreEncryption.enable(dir, keychain, null);

        assertThat(StoreEncryption.keySource(dir)).contains(StoreEncryption.KeySource.KEYCHAIN);
        String account = StoreEncryption.keychainAccount(dir);
        char[] key = keychain.read(account).orElseThrow();
        assertThat(key).as("a 256-bit key, hex").hasSize(64);
        secretTool(account).ifPresent(v -> assertThat(v).as("secret-tool lookup: the entry is in the Secret Service")
                .isEqualTo(new String(key)));
        // no file under the store's home holds the key (as text, UTF-16 or raw bytes) nor the query text
        List<Path> files = filesIn(home);
        assertThat(files).as("files scanned").isNotEmpty();
        for (Path f : files) {
            byte[] content = Files.readAllBytes(f);
            String k = new String(key);
            for (byte[] needle : List.of(k.getBytes(StandardCharsets.US_ASCII), k.toUpperCase().getBytes(
                    StandardCharsets.US_ASCII), k.getBytes(StandardCharsets.UTF_16BE), k.getBytes(
                    StandardCharsets.UTF_16LE), HexFormat.of().parseHex(k), secretQuery.getBytes(StandardCharsets.UTF_8))) {
                assertThat(indexOf(content, needle)).as("%s holds a secret", f).isEqualTo(-1);
            }
        }

        // a fresh connection to the keychain (as after a restart) opens the store, no password asked
        try (OsKeychain again = new OsKeychain(service, Duration.ofSeconds(20));
             WorkbenchStore open = WorkbenchStore.open(dir, java.time.Clock.systemUTC(), noPassword(again))) {
            assertThat(open.savedQueries().list(ws)).singleElement()
                    .satisfies(q -> assertThat(q.sql()).isEqualTo(secretQuery));
        }

        StoreEncryption.disable(dir, noPassword(keychain));

        assertThat(StoreEncryption.isEnabled(dir)).isFalse();
        assertThat(keychain.read(account)).as("keychain entry after decrypt").isEmpty();
        try (WorkbenchStore plain = WorkbenchStore.open(dir, java.time.Clock.systemUTC(),
                new StoreUnlock(org.planwright.store.Keychain.none(), Optional::empty))) {
            assertThat(plain.savedQueries().list(ws)).singleElement()
                    .satisfies(q -> assertThat(q.sql()).isEqualTo(secretQuery));
        }
    }

    @Test
    void entriesAreWrittenReadAndRemovedUnderTheirAccount() {
        String account = "planwright-store:/tmp/" + UUID.randomUUID();
        assertThat(keychain.read(account)).isEmpty();
        keychain.write(account, "first".toCharArray());
        keychain.write(account, "second".toCharArray());
        assertThat(keychain.read(account)).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("second"));
        keychain.remove(account);
        assertThat(keychain.read(account)).isEmpty();
        keychain.remove(account); // nothing left: no error
    }

    private static StoreUnlock noPassword(org.planwright.store.Keychain keychain) {
        return new StoreUnlock(keychain, () -> {
            throw new AssertionError("the master password was asked for");
        });
    }

    /** @return what libsecret's own {@code secret-tool} finds under the entry, when the tool is installed */
    private Optional<String> secretTool(String account) throws IOException {
        if (Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .noneMatch(d -> Files.isExecutable(Path.of(d, "secret-tool")))) {
            return Optional.empty();
        }
        Process p = new ProcessBuilder("secret-tool", "lookup", "service", service, "account", account)
                .redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor()).as("secret-tool exit code (%s)", out).isZero();
            return Optional.of(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static List<Path> filesIn(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
