package org.planwright.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Plays "another running Planwright" for {@link StoreLockTest}: a separate JVM that opens the store in the folder
 * given as the only argument, prints {@value #READY}, and keeps it open until its standard input is closed.
 */
public final class StoreHolder {

    static final String READY = "STORE-OPEN";

    private StoreHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (WorkbenchStore store = WorkbenchStore.open(Path.of(args[0]))) {
            store.workspaces().ensure("held by another process");
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
