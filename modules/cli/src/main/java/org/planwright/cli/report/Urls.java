package org.planwright.cli.report;

import java.util.regex.Pattern;

/** JDBC URL helpers for reports. Stateless and thread-safe. */
public final class Urls {

    /** {@code password=...} as a query parameter ({@code ?password=x&}) or a property ({@code ;password=x}). */
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;])password=[^&;]*");
    /** {@code user:secret@host} inside the authority, which some drivers accept. */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/@:?]+):[^/@?]*@");

    private Urls() {
    }

    /**
     * Removes any password from a JDBC URL so that it can be printed and stored in a report.
     *
     * @param jdbcUrl a JDBC URL; may be null
     * @return the URL without {@code password=} parameters and without a password in the authority part;
     *     null for null
     */
    public static String withoutPassword(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String out = USERINFO_PASSWORD.matcher(jdbcUrl).replaceAll("$1@");
        out = PASSWORD_PARAM.matcher(out).replaceAll("$1");
        // tidy "?&", "&&", a trailing "?" or "&" left where the parameter was
        out = out.replace("?&", "?").replace("&&", "&").replace(";;", ";");
        while (out.endsWith("?") || out.endsWith("&") || out.endsWith(";")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}
