package org.planwright.tuning.settings;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of one server at one moment.
 *
 * @param takenAt      when it was read
 * @param server       a label for the server (host:port/database, or a file name)
 * @param version      {@code server_version}, e.g. "18.1"
 * @param versionNum   {@code server_version_num}, e.g. 180001 (0 when unknown)
 * @param settings     by name, in {@code pg_settings} order
 * @param fileSettings {@code pg_file_settings} rows (empty when not readable)
 */
public record SettingsSnapshot(Instant takenAt, String server, String version, int versionNum,
                               Map<String, ServerSetting> settings, List<FileSetting> fileSettings) {

    public SettingsSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(server, "server");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        fileSettings = List.copyOf(fileSettings);
    }

    /** Builds a snapshot from settings in order. */
    public static SettingsSnapshot of(Instant takenAt, String server, String version, int versionNum,
                                      Collection<ServerSetting> settings, List<FileSetting> fileSettings) {
        Map<String, ServerSetting> map = new LinkedHashMap<>();
        settings.forEach(s -> map.put(s.name(), s));
        return new SettingsSnapshot(takenAt, server, version, versionNum, map, fileSettings);
    }

    /** @return the setting, or empty when the server has no such parameter */
    public Optional<ServerSetting> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** @return the major version, e.g. 18 (0 when unknown) */
    public int majorVersion() {
        return versionNum / 10000;
    }

    /** @return parameters that wait for a restart ({@code pending_restart}) */
    public List<ServerSetting> pendingRestart() {
        return settings.values().stream().filter(ServerSetting::pendingRestart).toList();
    }
}
