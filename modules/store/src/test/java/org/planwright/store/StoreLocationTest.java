package org.planwright.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    private static final Map<String, String> NONE = Map.of();

    @Test
    void linuxDefaultsToLocalShareWhenXdgDataHomeIsUnset() {
        StoreLocation l = StoreLocation.resolve("Linux", NONE, NONE, "/home/ann");
        assertThat(l.directory()).isEqualTo("/home/ann/.local/share/planwright");
        assertThat(l.source()).isEqualTo(StoreLocation.Source.OS_DEFAULT);
    }

    @Test
    void linuxUsesXdgDataHome() {
        StoreLocation l = StoreLocation.resolve("Linux", Map.of("XDG_DATA_HOME", "/data/ann"), NONE, "/home/ann");
        assertThat(l.directory()).isEqualTo("/data/ann/planwright");
    }

    @Test
    void linuxIgnoresRelativeOrEmptyXdgDataHomeAsTheSpecRequires() {
        assertThat(StoreLocation.resolve("Linux", Map.of("XDG_DATA_HOME", "data"), NONE, "/home/ann").directory())
                .isEqualTo("/home/ann/.local/share/planwright");
        assertThat(StoreLocation.resolve("Linux", Map.of("XDG_DATA_HOME", " "), NONE, "/home/ann").directory())
                .isEqualTo("/home/ann/.local/share/planwright");
    }

    @Test
    void otherUnixFollowsTheLinuxConvention() {
        assertThat(StoreLocation.resolve("FreeBSD", NONE, NONE, "/usr/home/bo").directory())
                .isEqualTo("/usr/home/bo/.local/share/planwright");
    }

    @Test
    void windowsUsesAppData() {
        StoreLocation l = StoreLocation.resolve("Windows 11", Map.of("APPDATA", "C:\\Users\\Ann\\AppData\\Roaming"),
                NONE, "C:\\Users\\Ann");
        assertThat(l.directory()).isEqualTo("C:\\Users\\Ann\\AppData\\Roaming\\Planwright");
        assertThat(l.source()).isEqualTo(StoreLocation.Source.OS_DEFAULT);
    }

    @Test
    void windowsWithoutAppDataFallsBackToTheRoamingFolderUnderUserHome() {
        assertThat(StoreLocation.resolve("Windows Server 2022", NONE, NONE, "C:\\Users\\Ann").directory())
                .isEqualTo("C:\\Users\\Ann\\AppData\\Roaming\\Planwright");
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(StoreLocation.resolve("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), NONE, "/Users/ann")
                .directory()).isEqualTo("/Users/ann/Library/Application Support/Planwright");
    }

    @Test
    void environmentVariableOverridesTheOsDefault() {
        StoreLocation l = StoreLocation.resolve("Windows 10", Map.of("PLANWRIGHT_HOME", "D:\\pw",
                "APPDATA", "C:\\Users\\Ann\\AppData\\Roaming"), NONE, "C:\\Users\\Ann");
        assertThat(l.directory()).isEqualTo("D:\\pw");
        assertThat(l.source()).isEqualTo(StoreLocation.Source.ENVIRONMENT);
    }

    @Test
    void systemPropertyOverridesTheEnvironmentVariable() {
        StoreLocation l = StoreLocation.resolve("Linux", Map.of("PLANWRIGHT_HOME", "/from/env"),
                Map.of("planwright.home", "/from/property"), "/home/ann");
        assertThat(l.directory()).isEqualTo("/from/property");
        assertThat(l.source()).isEqualTo(StoreLocation.Source.SYSTEM_PROPERTY);
    }

    @Test
    void blankOverridesAreIgnored() {
        StoreLocation l = StoreLocation.resolve("Linux", Map.of("PLANWRIGHT_HOME", ""),
                Map.of("planwright.home", "  "), "/home/ann");
        assertThat(l.source()).isEqualTo(StoreLocation.Source.OS_DEFAULT);
    }

    @Test
    void leadingTildeInAnOverrideMeansUserHome() {
        assertThat(StoreLocation.resolve("Linux", NONE, Map.of("planwright.home", "~/pw-test"), "/home/ann")
                .directory()).isEqualTo("/home/ann/pw-test");
        assertThat(StoreLocation.resolve("Windows 11", Map.of("PLANWRIGHT_HOME", "~\\pw"), NONE, "C:\\Users\\Ann")
                .directory()).isEqualTo("C:\\Users\\Ann\\pw");
    }

    @Test
    void forThisMachineReadsTheRunningJvm() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getenv("XDG_DATA_HOME") == null
                        && System.getenv("PLANWRIGHT_HOME") == null && System.getProperty("planwright.home") == null,
                "checks the Linux default only: this JVM runs elsewhere or has an override set");
        StoreLocation l = StoreLocation.forThisMachine();
        assertThat(l.source()).isEqualTo(StoreLocation.Source.OS_DEFAULT);
        assertThat(l.path()).isEqualTo(Path.of(System.getProperty("user.home"), ".local", "share", "planwright"));
    }
}
