package org.planwright.tuning.settings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A text form of a {@link SettingsSnapshot}'s pg_settings rows for storage (the workbench store keeps it
 * opaque): one parameter per line, tab-separated {@code name, setting, unit, context, vartype, source}, with tab,
 * newline and backslash escaped as {@code \t}, {@code \n}, {@code \\}; empty fields for nulls.
 */
public final class SettingsSnapshotText {

    private SettingsSnapshotText() {
    }

    /** @return the settings as text */
    public static String write(SettingsSnapshot snapshot) {
        StringBuilder sb = new StringBuilder();
        for (ServerSetting s : snapshot.settings().values()) {
            sb.append(esc(s.name())).append('\t').append(esc(s.setting())).append('\t').append(esc(s.unit()))
                    .append('\t').append(esc(s.context())).append('\t').append(esc(s.vartype())).append('\t')
                    .append(esc(s.source())).append('\n');
        }
        return sb.toString();
    }

    /**
     * @return the snapshot read back (pg_settings' name, value, unit, context, vartype, source; no file settings)
     * @throws IllegalArgumentException naming the line that does not have six fields
     */
    public static SettingsSnapshot read(String text, Instant takenAt, String server, String version) {
        List<ServerSetting> list = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException("settings line " + lineNo + " has " + f.length
                        + " fields, not 6");
            }
            list.add(ServerSetting.of(unesc(f[0]), unesc(f[1]), unesc(f[2]), unesc(f[3]), unesc(f[4]), unesc(f[5])));
        }
        int num = 0;
        try {
            String[] p = version == null ? new String[0] : version.split("[.\\s]");
            num = p.length > 1 ? Integer.parseInt(p[0]) * 10000 + Integer.parseInt(p[1].replaceAll("\\D", "")) : 0;
        } catch (NumberFormatException e) {
            num = 0;
        }
        return SettingsSnapshot.of(takenAt, server, version, num, list, List.of());
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unesc(String s) {
        if (s.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
