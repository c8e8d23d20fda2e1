package org.planwright.app.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.store.ConfigHistory;
import org.planwright.store.ConfigSnapshotRecord;
import org.planwright.tuning.advice.AdviceRequest;
import org.planwright.tuning.advice.EvidenceCollector;
import org.planwright.tuning.advice.PostgresConfigAdvisor;
import org.planwright.tuning.compare.ConfigSide;
import org.planwright.tuning.pgtune.DbType;
import org.planwright.tuning.pgtune.OsType;
import org.planwright.tuning.pgtune.StorageType;
import org.planwright.tuning.settings.Hardware;
import org.planwright.tuning.settings.HardwareDetector;
import org.planwright.tuning.settings.PgConfigReader;
import org.planwright.tuning.settings.SettingsSnapshot;
import org.planwright.tuning.settings.SettingsSnapshotText;

/**
 * The configurations the window offers for a connection: the live server, the advisor's recommendation, PGTune's
 * profile for the server's hardware (detected when the server is on this machine, else this machine's as a
 * stand-in, said in the label), and the workspace's stored snapshots (of this or other servers: snapshot vs
 * snapshot, server vs server). The workload type is "mixed" until the workload analyzer's classification is wired.
 */
public final class ConfigSources {

    private ConfigSources() {
    }

    /**
     * @param connection the active connection, or null when not connected
     * @param server     its label (host:port/database)
     * @param host       its host (to know whether the hardware can be detected here)
     * @param history    the workspace's config history, or null without a store
     * @param workspace  the workspace id
     * @return the sources, live ones first
     */
    public static List<ConfigSource> of(ActiveConnection connection, String server, String host, ConfigHistory history,
                                        UUID workspace) {
        List<ConfigSource> list = new ArrayList<>();
        if (connection != null) {
            Hardware hw = new HardwareDetector(Path.of("/")).detect()
                    .orElse(new Hardware(8L << 30, 4, StorageType.SSD, "assumed"));
            String where = HardwareDetector.isLocal(host) ? "" : " (this machine's hardware)";
            list.add(new ConfigSource("Live: " + server, () -> ConfigSide.of(live(connection, server), "live " + server)));
            list.add(new ConfigSource("PGTune profile" + where, () -> ConfigSide.of(PostgresConfigAdvisor.baseline(
                    request(connection, server, hw)))));
            list.add(new ConfigSource("Recommended (workload-aware)" + where, () -> ConfigSide.recommended(
                    new PostgresConfigAdvisor().advise(request(connection, server, hw)))));
        }
        if (history != null && workspace != null) {
            for (ConfigSnapshotRecord s : history.snapshots(workspace, 50)) {
                list.add(new ConfigSource("Snapshot: " + s.server() + ", " + s.label() + ", " + s.takenAt(),
                        () -> ConfigSide.of(SettingsSnapshotText.read(s.settingsText(), s.takenAt(), s.server(),
                                s.serverVersion()), s.server() + " @ " + s.takenAt())));
            }
        }
        return list;
    }

    private static SettingsSnapshot live(ActiveConnection connection, String server) throws Exception {
        return connection.with(session -> new PgConfigReader(Clock.systemUTC()).read(session, server));
    }

    private static AdviceRequest request(ActiveConnection connection, String server, Hardware hw) throws Exception {
        return connection.with(session -> new AdviceRequest(new PgConfigReader(Clock.systemUTC()).read(session, server),
                new EvidenceCollector().collect(session), hw, OsType.LINUX, DbType.MIXED));
    }
}
