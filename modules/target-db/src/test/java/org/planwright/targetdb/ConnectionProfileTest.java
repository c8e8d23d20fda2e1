package org.planwright.targetdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectionProfileTest {

    @Test
    void buildsPgJdbcUrlWithDefaultsAndSslMode() {
        assertThat(ConnectionProfile.postgres("p", null, 0, "orders", "u", null).effectiveJdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/orders");
        assertThat(ConnectionProfile.postgres("p", "db.example.com", 6432, "my db", "u", "REQUIRE").effectiveJdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:6432/my%20db?sslmode=require");
        assertThat(ConnectionProfile.postgres("p", "::1", 5432, "d", "u", null).effectiveJdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/d");
    }

    @Test
    void explicitUrlWinsAndBlankFieldsBecomeNull() {
        var p = new ConnectionProfile(UUID.randomUUID(), " ", ConnectionProfile.Kind.POSTGRESQL, " ", 0, "d", " ",
                "", " jdbc:postgresql://h/x ");
        assertThat(p.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://h/x");
        assertThat(p.name()).isEqualTo("unnamed");
        assertThat(p.host()).isNull();
        assertThat(p.user()).isNull();
        assertThat(p.sslMode()).isNull();
    }

    @Test
    void rejectsUnknownSslModeAndBadPort() {
        assertThatThrownBy(() -> ConnectionProfile.postgres("p", "h", 0, "d", "u", "always"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("verify-full");
        assertThatThrownBy(() -> ConnectionProfile.postgres("p", "h", 70000, "d", "u", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
    }

    @Test
    void requiresSslOnlyForRequireAndVerifyModes() {
        assertThat(ConnectionProfile.postgres("p", "h", 0, "d", "u", "require").requiresSsl()).isTrue();
        assertThat(ConnectionProfile.postgres("p", "h", 0, "d", "u", "verify-full").requiresSsl()).isTrue();
        assertThat(ConnectionProfile.postgres("p", "h", 0, "d", "u", "prefer").requiresSsl()).isFalse();
        assertThat(ConnectionProfile.postgres("p", "h", 0, "d", "u", null).requiresSsl()).isFalse();
    }

    @Test
    void h2FileDropsTheMvDbSuffixAndDefaultsUserToSa() {
        var p = ConnectionProfile.h2File("local", Path.of("/tmp/x/demo.mv.db"));
        assertThat(p.effectiveJdbcUrl()).isEqualTo("jdbc:h2:file:/tmp/x/demo");
        assertThat(p.effectiveUser()).isEqualTo("sa");
        assertThat(p.isPostgres()).isFalse();
    }
}
