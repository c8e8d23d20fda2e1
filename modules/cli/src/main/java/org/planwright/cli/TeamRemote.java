package org.planwright.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.planwright.sync.TargetTeamConnections;
import org.planwright.sync.TeamConnections;
import org.planwright.targetdb.ConnInfoException;
import org.planwright.targetdb.PgEnvironment;
import org.planwright.targetdb.TargetConnector;
import picocli.CommandLine;

/**
 * The team server of {@code team} and {@code sync}: {@code --remote} parsed as {@code --url} is everywhere (libpq
 * URI, keyword=value string, JDBC URL; PG* variables fill the gaps), the user from {@code --user}, the password from
 * {@code PGPASSWORD} or {@code ~/.pgpass} (never from the command line).
 */
final class TeamRemote {

    private TeamRemote() {
    }

    /**
     * @throws CommandLine.ParameterException when the connection string cannot be used (no password in the message)
     */
    static TeamConnections connections(String remote, String user, CliEnvironment environment, CommandLine cl,
                                       PrintWriter err) {
        ExplainCommand.ConnectRequest request;
        try {
            request = ExplainCommand.ConnectRequest.of(remote, user, PgEnvironment.of(environment.env()), Duration.ZERO,
                    false);
        } catch (ConnInfoException e) {
            throw new CommandLine.ParameterException(cl, "--remote: " + e.getMessage() + ". Accepted: "
                    + "postgresql://user@host:5432/db, 'host=... dbname=...', jdbc:postgresql://host:5432/db");
        }
        ConnectionOptions.warnUnsupported(request, err);
        char[] password = TargetExplainer.password(request, request.profile(), environment, err);
        return new TargetTeamConnections(new TargetConnector(PgEnvironment.of(environment.env())), request.profile(),
                password);
    }
}
