package org.planwright.tuning.apply;

import java.util.List;

/**
 * Changes sorted by how they can be applied.
 *
 * @param live        reload or new-session parameters: applied with ALTER SYSTEM + pg_reload_conf()
 * @param restartOnly postmaster parameters: prepared (their ALTER SYSTEM statements) and flagged, never applied
 *                    live by Planwright
 * @param problems    validation problems; a plan with problems is not applied
 */
public record ChangePlan(List<ConfigChange> live, List<ConfigChange> restartOnly, List<String> problems) {
    public ChangePlan {
        live = List.copyOf(live);
        restartOnly = List.copyOf(restartOnly);
        problems = List.copyOf(problems);
    }

    /** @return the statements a DBA runs, then restarts the server, for the restart-only changes */
    public List<String> preparedStatements() {
        return restartOnly.stream().map(ConfigChange::alterSystemSql).toList();
    }
}
