package org.planwright.tuning.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planwright.tuning.settings.ApplyMode;
import org.planwright.tuning.settings.SettingValue;

/**
 * MySQL rules after MySQLTuner (major/MySQLTuner-perl, {@code mysqltuner.pl}), on {@code SHOW GLOBAL VARIABLES},
 * {@code SHOW GLOBAL STATUS} and the InnoDB data size (sum of data_length + index_length of InnoDB tables):
 * <ul>
 *   <li>innodb_buffer_pool_size: MySQLTuner wants it at least the InnoDB data size; Planwright proposes the data
 *       size plus 10%, at most 75% of RAM (MySQL's own guidance for a dedicated server).</li>
 *   <li>redo log capacity: MySQLTuner's "InnoDB log file size / buffer pool" ratio of 25%; on MySQL 8.0.30+
 *       {@code innodb_redo_log_capacity}, before that {@code innodb_log_file_size x innodb_log_files_in_group}.</li>
 *   <li>max_connections: MySQLTuner's "highest usage of available connections" ({@code Max_used_connections} /
 *       max_connections) above 85%: raise by 25% over the peak.</li>
 *   <li>read/write ratio (MySQLTuner): reads = Com_select, writes = Com_insert + update + delete + replace.</li>
 * </ul>
 * Values are in bytes as MySQL reports them. Stateless.
 */
public final class MySqlConfigAdvisor {

    /**
     * @param variables     SHOW GLOBAL VARIABLES (lower-case names)
     * @param status        SHOW GLOBAL STATUS (names as MySQL prints them, e.g. Max_used_connections)
     * @param innodbBytes   InnoDB data + index bytes
     * @param ramBytes      server RAM, bytes
     * @return the recommendations
     */
    public List<ConfigRecommendation> advise(Map<String, String> variables, Map<String, String> status,
                                             double innodbBytes, double ramBytes) {
        List<ConfigRecommendation> out = new ArrayList<>();
        double pool = num(variables, "innodb_buffer_pool_size");
        if (innodbBytes > pool) {
            double target = Math.min(innodbBytes * 1.1, ramBytes * 0.75);
            target = Math.ceil(target / (128L << 20)) * (128L << 20); // chunk size multiple (128MB default)
            if (SettingValue.differsByMoreThan5Percent(pool, target)) {
                out.add(rec("innodb_buffer_pool_size", pool, target, "The InnoDB data does not fit in the buffer "
                                + "pool (MySQLTuner: buffer pool >= data size), within 75% of RAM.",
                        List.of(String.format(Locale.ROOT, "InnoDB data + indexes %s, buffer pool %s, RAM %s",
                                SettingValue.formatBytes((long) innodbBytes), SettingValue.formatBytes((long) pool),
                                SettingValue.formatBytes((long) ramBytes))), Risk.MEDIUM, ApplyMode.RELOAD));
            }
        }
        double redo = variables.containsKey("innodb_redo_log_capacity") ? num(variables, "innodb_redo_log_capacity")
                : num(variables, "innodb_log_file_size") * Math.max(1, num(variables, "innodb_log_files_in_group"));
        double poolAfter = out.isEmpty() ? pool : parse(out.getFirst().recommended());
        double wantedRedo = poolAfter / 4;
        if (redo > 0 && SettingValue.differsByMoreThan5Percent(redo, wantedRedo) && redo < wantedRedo) {
            boolean capacity = variables.containsKey("innodb_redo_log_capacity");
            String name = capacity ? "innodb_redo_log_capacity" : "innodb_log_file_size";
            double value = capacity ? wantedRedo
                    : wantedRedo / Math.max(1, num(variables, "innodb_log_files_in_group"));
            out.add(rec(name, capacity ? redo : num(variables, "innodb_log_file_size"),
                    Math.ceil(value / (1L << 20)) * (1L << 20), "The redo log should hold about 25% of the buffer "
                            + "pool (MySQLTuner's ratio) so that checkpoints are not forced by redo space.",
                    List.of(String.format(Locale.ROOT, "redo log %s = %.1f%% of the buffer pool %s",
                            SettingValue.formatBytes((long) redo), 100 * redo / poolAfter,
                            SettingValue.formatBytes((long) poolAfter))), Risk.LOW,
                    capacity ? ApplyMode.RELOAD : ApplyMode.RESTART));
        }
        double max = num(variables, "max_connections");
        double used = num(status, "Max_used_connections");
        if (max > 0 && used / max > 0.85) {
            double target = Math.ceil(used * 1.25);
            out.add(new ConfigRecommendation("max_connections", fmtNum(max), fmtNum(target), "The connection peak "
                    + "reached more than 85% of max_connections (MySQLTuner).", List.of(String.format(Locale.ROOT,
                    "Max_used_connections %.0f of %.0f (%.0f%%)", used, max, 100 * used / max)),
                    new Impact(Impact.Level.MEDIUM, "no 'Too many connections' errors at peaks"), Risk.MEDIUM,
                    ApplyMode.RELOAD, "SET PERSIST max_connections = " + fmtNum(target)));
        }
        return out;
    }

    /**
     * MySQLTuner's read/write split.
     *
     * @param status SHOW GLOBAL STATUS
     * @return reads / (reads + writes), NaN when there were none; above 0.8 read-heavy, below 0.2 write-heavy
     */
    public static double readRatio(Map<String, String> status) {
        double reads = num(status, "Com_select");
        double writes = num(status, "Com_insert") + num(status, "Com_update") + num(status, "Com_delete")
                + num(status, "Com_replace");
        return reads + writes == 0 ? Double.NaN : reads / (reads + writes);
    }

    private static ConfigRecommendation rec(String name, double current, double target, String reason,
                                            List<String> evidence, Risk risk, ApplyMode mode) {
        String value = SettingValue.formatBytes((long) target).replace("kB", "K").replace("B", "");
        return new ConfigRecommendation(name, SettingValue.formatBytes((long) current), value, reason, evidence,
                new Impact(Impact.Level.MEDIUM, "fewer reads from disk / forced flushes"), risk, mode,
                mode == ApplyMode.RESTART ? "SET PERSIST_ONLY " + name + " = " + (long) target
                        : "SET PERSIST " + name + " = " + (long) target);
    }

    private static double parse(String mysqlSize) {
        String s = mysqlSize.strip();
        char unit = s.charAt(s.length() - 1);
        long factor = switch (unit) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            case 'T' -> 1L << 40;
            default -> 1;
        };
        return Double.parseDouble(factor == 1 ? s : s.substring(0, s.length() - 1)) * factor;
    }

    private static double num(Map<String, String> map, String key) {
        String v = map.get(key);
        try {
            return v == null ? 0 : Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String fmtNum(double v) {
        return Long.toString((long) v);
    }
}
