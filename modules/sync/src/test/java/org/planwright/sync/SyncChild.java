package org.planwright.sync;

import java.nio.file.Path;
import org.planwright.store.WorkbenchStore;
import org.planwright.store.Workspace;
import org.planwright.targetdb.ConnectionProfile;
import org.planwright.targetdb.TargetConnector;

/**
 * Plays a Planwright client in its own JVM for {@link SyncKillTest}: opens the store in {@code args[0]}, syncs
 * workspace {@code args[4]} with the team database {@code args[2]} on loopback port {@code args[1]} as role
 * {@code args[3]} in batches of 5, printing {@code ACK n} after each acknowledged batch and pausing briefly, so the
 * parent can kill it (SIGKILL) in the middle of the round.
 */
public final class SyncChild {

    private SyncChild() {
    }

    public static void main(String[] args) throws Exception {
        try (WorkbenchStore store = WorkbenchStore.open(Path.of(args[0]))) {
            Workspace w = store.workspaces().ensure(args[4]);
            TeamConnections connections = new TargetTeamConnections(new TargetConnector(), ConnectionProfile.postgres(
                    "team", "127.0.0.1", Integer.parseInt(args[1]), args[2], args[3], "disable"), null);
            System.out.println("SYNCING");
            System.out.flush();
            new SyncClient(connections, args[3], 5, 5).sync(store, w, new SyncProgress() {
                @Override
                public void batchAcknowledged(long sequence, int changes) {
                    System.out.println("ACK " + sequence);
                    System.out.flush();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            System.out.println("DONE");
        }
    }
}
