package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libpq's order: password file, then PGPASSWORD, else ask. */
class PasswordSourceTest {

    @TempDir
    Path dir;
    private Path pgpass;

    @BeforeEach
    void writeFile() throws IOException {
        pgpass = Files.writeString(dir.resolve("pgpass"), """
                db.example.com:5432:orders:alice:from-file
                localhost:5433:*:bob:local-bob
                """);
        if (Files.getFileStore(pgpass).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void passwordFileComesBeforePgpassword() {
        var source = new PasswordSource(Map.of("PGPASSFILE", pgpass.toString(), "PGPASSWORD", "from-env"));
        var found = source.find(ConnectionProfile.postgres("orders", "db.example.com", 0, "orders", "alice", null));
        assertThat(found).hasValueSatisfying(f -> {
            assertThat(new String(f.password())).isEqualTo("from-file");
            assertThat(f.origin()).isEqualTo(PasswordSource.Origin.PGPASS_FILE);
            assertThat(f.toString()).doesNotContain("from-file");
        });
    }

    @Test
    void pgpasswordWhenNoLineMatches() {
        var source = new PasswordSource(Map.of("PGPASSFILE", pgpass.toString(), "PGPASSWORD", "from-env"));
        var found = source.find(ConnectionProfile.postgres("x", "other.example.com", 5432, "orders", "alice", null));
        assertThat(found).hasValueSatisfying(f -> {
            assertThat(new String(f.password())).isEqualTo("from-env");
            assertThat(f.origin()).isEqualTo(PasswordSource.Origin.PGPASSWORD);
        });
    }

    @Test
    void nothingWhenNeitherHasOneSoTheUserIsAsked() {
        var source = new PasswordSource(Map.of("PGPASSFILE", pgpass.toString()));
        assertThat(source.find(ConnectionProfile.postgres("x", "other", 5432, "orders", "alice", null))).isEmpty();
    }

    @Test
    void explicitJdbcUrlSuppliesHostPortDatabaseAndUser() {
        var source = new PasswordSource(Map.of("PGPASSFILE", pgpass.toString()));
        var profile = new ConnectionProfile(UUID.randomUUID(), "url", ConnectionProfile.Kind.POSTGRESQL, null, 0,
                null, null, null, "jdbc:postgresql://localhost:5433/anydb?user=bob");
        assertThat(source.find(profile)).hasValueSatisfying(f -> assertThat(new String(f.password()))
                .isEqualTo("local-bob"));
    }

    @Test
    void missingUserDefaultsToPguserAndDatabaseToTheUser() throws IOException {
        Files.writeString(pgpass, "h:5432:carol:carol:carol-pw\n");
        var source = new PasswordSource(Map.of("PGPASSFILE", pgpass.toString(), "PGUSER", "carol"));
        assertThat(source.find(ConnectionProfile.postgres("x", "h", 5432, null, null, null)))
                .hasValueSatisfying(f -> assertThat(new String(f.password())).isEqualTo("carol-pw"));
    }

    @Test
    void h2FilesNeverGetPasswordsFromTheEnvironment() {
        var source = new PasswordSource(Map.of("PGPASSWORD", "from-env"));
        assertThat(source.find(ConnectionProfile.h2File("local", dir.resolve("db")))).isEmpty();
    }

    @Test
    void wipeZeroesThePassword() {
        var found = new PasswordSource(Map.of("PGPASSWORD", "secret"))
                .find(ConnectionProfile.postgres("x", "h", 0, "d", "u", null)).orElseThrow();
        found.wipe();
        assertThat(found.password()).containsOnly('\0');
    }
}
