package org.planwright.workload;

import org.planwright.targetdb.ConnectionProfile;

/**
 * The name under which a server's workload windows are kept: {@code host:port/database}, e.g.
 * {@code db.example:5432/shop}. The CLI and the app use the same label, so that windows recorded by one are read
 * by the other.
 */
public final class ServerLabel {

    private ServerLabel() {
    }

    /**
     * @param profile a connection profile
     * @return its label; the database part is empty when the profile names none
     */
    public static String of(ConnectionProfile profile) {
        return profile.effectiveHost() + ":" + profile.effectivePort() + "/"
                + (profile.database() == null ? "" : profile.database());
    }
}
