package org.planwright.advice.index;

import java.util.UUID;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetException;
import org.planwright.targetdb.TargetSession;

/** Opens read-only analysis sessions on test servers. */
final class Sessions {

    private Sessions() {
    }

    static TargetSession analysis(String url, String user) throws TargetException {
        ConnectionProfile profile = new ConnectionProfile(UUID.randomUUID(), "test", ConnectionProfile.Kind.POSTGRESQL,
                null, 0, null, user, null, url);
        return new TargetConnector().open(profile, null, SessionOptions.analysis());
    }
}
