package org.planwright.advice.trial;

import java.time.Duration;
import java.util.UUID;
import org.planwright.advice.Cancellation;
import org.planwright.sandbox.Sandbox;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.SessionOptions;
import org.planwright.targetdb.TargetConnector;
import org.planwright.targetdb.TargetSession;

/**
 * The client JVM {@link KilledTrialTest} kills: runs a long index trial against the embedded server and prints
 * {@code APPLIED} once the index exists in its transaction, then waits there (inside the trial) to be killed. Arguments: port, database, index name.
 */
public final class TrialChild {

    private TrialChild() {
    }

    public static void main(String[] args) throws Exception {
        ConnectionProfile profile = new ConnectionProfile(UUID.randomUUID(), "killed trial",
                ConnectionProfile.Kind.SANDBOX, "127.0.0.1", Integer.parseInt(args[0]), args[1], Sandbox.SUPERUSER,
                null, null);
        SessionOptions options = new SessionOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), false, 1000,
                "pw-killed-trial");
        try (TargetSession s = new TargetConnector().open(profile, null, options)) {
            new TrialRunner().run(s, TrialTables.index(args[2]), TrialTables.QUERY, TrialMode.ROLLED_BACK,
                    TrialOptions.defaults().withRuns(0, 3), (f, m) -> {
                        if (m.startsWith("Applied")) {
                            System.out.println("APPLIED");
                            System.out.flush();
                            try {
                                Thread.sleep(Duration.ofMinutes(5)); // mid-trial: the index exists, uncommitted
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }, Cancellation.create());
        }
    }
}
