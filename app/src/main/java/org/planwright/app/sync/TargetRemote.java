package org.planwright.app.sync;

import org.planwright.sync.TargetTeamConnections;
import org.planwright.sync.TeamConnections;
import org.planwright.targetdb.ConnInfo;
import org.planwright.targetdb.ConnInfoException;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.PasswordSource;
import org.planwright.targetdb.PgEnvironment;
import org.planwright.targetdb.TargetConnector;

/**
 * The production {@link TeamSyncViewModel.Remote}, as {@code planwright sync} does it: the connection string read by
 * {@link ConnInfo} (PG* variables fill the gaps), the role as user, the password from PGPASSWORD or ~/.pgpass
 * ({@link PasswordSource}), connections through target-db's {@link TargetConnector}.
 */
public final class TargetRemote implements TeamSyncViewModel.Remote {

    private final TargetConnector connector;
    private final PasswordSource passwords;
    private final PgEnvironment environment;

    /**
     * @param connector   opens the connections
     * @param passwords   PGPASSWORD / ~/.pgpass
     * @param environment PG* variables
     */
    public TargetRemote(TargetConnector connector, PasswordSource passwords, PgEnvironment environment) {
        this.connector = connector;
        this.passwords = passwords;
        this.environment = environment;
    }

    @Override
    public TeamConnections connect(TeamSyncSettings settings) {
        ConnInfo info;
        try {
            info = ConnInfo.parse(settings.remote()).withDefault("user", settings.role()).resolve(environment)
                    .validate();
        } catch (ConnInfoException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ConnectionProfile profile = ConnectionProfile.of("team server", info);
        char[] password = passwords.find(profile).map(PasswordSource.Found::password).orElse(null);
        return new TargetTeamConnections(connector, profile, password);
    }
}
