package org.planwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planwright.keychain.OsKeychain;
import org.planwright.store.StoreUnlock;

/** {@code planwright store encrypt|decrypt|status}: one switch, then every command needs the master password. */
class StoreCommandTest {

    @TempDir
    Path home;

    private CliEnvironment env(String master) {
        Map<String, String> env = new HashMap<>(CliRun.NO_PASSWORD_ENV);
        env.put("PLANWRIGHT_HOME", home.toString());
        if (master != null) {
            env.put(StoreUnlock.MASTER_PASSWORD_ENV, master);
        }
        return new CliEnvironment(env, PasswordPrompt.none());
    }

    @Test
    void encryptThenEveryCommandNeedsTheMasterPasswordAndNoFileHoldsItOrTheNames() throws Exception {
        String name = "Client" + UUID.randomUUID().toString().replace("-", "");
        String master = "master " + UUID.randomUUID();
        assertThat(CliRun.run(env(null), "workspace", "create", name).exitCode()).isZero();
        assertThat(CliRun.run(env(null), "store", "status").out()).contains("not encrypted");

        CliRun encrypt = CliRun.run(env(master), "store", "encrypt");
        assertThat(encrypt.exitCode()).as(encrypt.err()).isZero();
        assertThat(CliRun.run(env(null), "store", "status", "--format", "json").out())
                .contains("\"encrypted\" : true").contains("MASTER_PASSWORD");

        CliRun locked = CliRun.run(env(null), "workspace", "list");
        assertThat(locked.exitCode()).isEqualTo(2);
        assertThat(locked.err()).contains("encrypted").contains(StoreUnlock.MASTER_PASSWORD_ENV);
        assertThat(CliRun.run(env("wrong password"), "workspace", "list").err()).contains("master password is wrong");
        assertThat(CliRun.run(env(master), "workspace", "list").out()).contains(name);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = Files.readString(f, StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain(name).doesNotContain(master);
            }
        }

        assertThat(CliRun.run(env(master), "store", "decrypt").exitCode()).isZero();
        assertThat(CliRun.run(env(null), "workspace", "list").out()).contains(name);
    }

    @Test
    void askingForTheKeychainWhereThereIsNoneChangesNothing() {
        assertThat(CliRun.run(env(null), "workspace", "create", "Client").exitCode()).isZero();
        CliRun encrypt = CliRun.run(env("a master password"), "store", "encrypt", "--key-source", "keychain");
        assertThat(encrypt.exitCode()).isEqualTo(2);
        assertThat(encrypt.err()).contains("no OS keychain").contains("--key-source master-password");
        assertThat(CliRun.run(env(null), "store", "status").out()).contains("not encrypted");
    }

    @Test
    void withTheOsKeychainEncryptNeedsNoPasswordAndEveryCommandOpensTheStore() {
        try (OsKeychain keychain = new OsKeychain("Planwright test " + UUID.randomUUID(), Duration.ofSeconds(20))) {
            assumeTrue(keychain.available(), () -> "no OS keychain reachable here (" + keychain.unavailableReason()
                    .orElse("?") + "); .ci/with-secret-service provides one on Linux");
            Map<String, String> vars = new HashMap<>(CliRun.NO_PASSWORD_ENV);
            vars.put("PLANWRIGHT_HOME", home.toString());
            CliEnvironment env = new CliEnvironment(vars, PasswordPrompt.none(), keychain);
            assertThat(CliRun.run(env, "workspace", "create", "Client").exitCode()).isZero();

            CliRun encrypt = CliRun.run(env, "store", "encrypt");
            assertThat(encrypt.exitCode()).as(encrypt.err()).isZero();
            assertThat(encrypt.out()).contains("OS keychain");
            String account = org.planwright.store.StoreEncryption.keychainAccount(home);
            assertThat(keychain.read(account)).as("the key in the keychain").isPresent();
            assertThat(CliRun.run(env, "store", "status").out()).contains("encrypted (key from the OS keychain)");
            assertThat(CliRun.run(env, "workspace", "list").out()).contains("Client");
            // the same store without the keychain: a clear error, not a password prompt
            CliRun without = CliRun.run(env("any password"), "workspace", "list");
            assertThat(without.exitCode()).isEqualTo(2);
            assertThat(without.err()).contains("keychain");

            assertThat(CliRun.run(env, "store", "decrypt").exitCode()).isZero();
            assertThat(keychain.read(account)).as("the key after decrypt").isEmpty();
            assertThat(CliRun.run(env(null), "workspace", "list").out()).contains("Client");
        }
    }
}
