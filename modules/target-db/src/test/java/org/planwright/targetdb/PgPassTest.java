package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libpq "The Password File" rules, on real files. */
class PgPassTest {

    @TempDir
    Path dir;

    private static String pw(Optional<char[]> p) {
        return p.map(String::new).orElse(null);
    }

    @Test
    void firstMatchingLineWinsSoSpecificLinesGoFirst() {
        PgPass pass = PgPass.of("""
                db1.example.com:5432:orders:alice:specific
                *:*:*:alice:wildcard
                db1.example.com:5432:orders:alice:never-reached
                """);
        assertThat(pw(pass.find("db1.example.com", 5432, "orders", "alice"))).isEqualTo("specific");
        assertThat(pw(pass.find("db2.example.com", 5433, "sales", "alice"))).isEqualTo("wildcard");
        assertThat(pass.find("db1.example.com", 5432, "orders", "bob")).isEmpty();
    }

    @Test
    void eachOfTheFirstFourFieldsIsMatchedExactlyUnlessStar() {
        PgPass pass = PgPass.of("h:5432:*:u:p1\n*:6543:d:*:p2\n");
        assertThat(pw(pass.find("h", 5432, "anything", "u"))).isEqualTo("p1");
        assertThat(pw(pass.find("other", 6543, "d", "anyone"))).isEqualTo("p2");
        assertThat(pass.find("H", 5432, "x", "u")).as("host match is case-sensitive, as in libpq").isEmpty();
        assertThat(pass.find("other", 6543, "D", "anyone")).isEmpty();
    }

    @Test
    void backslashEscapesColonAndBackslashInAnyFieldIncludingThePassword() {
        PgPass pass = PgPass.of("""
                h:5432:my\\:db:u:pa\\:ss\\\\word
                h:5432:*:\\*:star-user
                """);
        assertThat(pw(pass.find("h", 5432, "my:db", "u"))).isEqualTo("pa:ss\\word");
        assertThat(pw(pass.find("h", 5432, "x", "*"))).as("an escaped star is a literal user named *")
                .isEqualTo("star-user");
        assertThat(pass.find("h", 5432, "x", "bob")).as("an escaped star is no wildcard").isEmpty();
    }

    @Test
    void missingHostOrSocketDirectoryIsLookedUpAsLocalhostAndMissingPortAs5432() {
        PgPass pass = PgPass.of("localhost:5432:d:u:local\n");
        assertThat(pw(pass.find(null, 0, "d", "u"))).isEqualTo("local");
        assertThat(pw(pass.find("/var/run/postgresql", 5432, "d", "u"))).isEqualTo("local");
        assertThat(pass.find("127.0.0.1", 5432, "d", "u")).as("127.0.0.1 is not spelled localhost").isEmpty();
    }

    @Test
    void commentsBlankAndShortLinesAreSkippedAndCrLfIsTolerated() {
        PgPass pass = PgPass.of("# hostname:port:database:username:password\r\n\r\nh:5432:d\r\nh:5432:d:u:crlf\r\n");
        assertThat(pass.size()).isEqualTo(1);
        assertThat(pw(pass.find("h", 5432, "d", "u"))).isEqualTo("crlf");
    }

    @Test
    void passwordEndsAtTheNextUnescapedColon() {
        assertThat(pw(PgPass.of("h:1:d:u:secret:trailing\n").find("h", 1, "d", "u"))).isEqualTo("secret");
    }

    @Test
    void fileReadableByGroupOrWorldIsIgnoredLikeLibpqDoes() throws IOException {
        Path file = Files.writeString(dir.resolve(".pgpass"), "*:*:*:*:secret\n");
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "POSIX permissions only");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(pw(PgPass.load(file).find("h", 5432, "d", "u"))).isEqualTo("secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(PgPass.load(file).find("h", 5432, "d", "u")).isEmpty();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertThat(PgPass.load(file).size()).isZero();
    }

    @Test
    void locatesPgpassfileFirstThenHome() throws IOException {
        Path explicit = dir.resolve("custom-pgpass");
        assertThat(PgPass.locate(Map.of("PGPASSFILE", explicit.toString(), "HOME", "/home/x")))
                .isEqualTo(explicit);
        assertThat(PgPass.locate(Map.of("HOME", dir.toString()))).isEqualTo(dir.resolve(".pgpass"));
        assertThat(PgPass.load(Map.of("HOME", dir.resolve("nowhere").toString())).size()).isZero();
    }

    @Test
    void directoryInsteadOfFileIsIgnored() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("pgpass-dir"));
        assertThat(PgPass.load(sub).size()).isZero();
    }
}
