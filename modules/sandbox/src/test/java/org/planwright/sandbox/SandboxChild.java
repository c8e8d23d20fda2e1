package org.planwright.sandbox;

import java.nio.file.Path;

/**
 * Main class of the child JVM in {@link SandboxProcessExitTest}: starts a persistent sandbox, prints
 * {@code PID <postmaster pid>} and leaves either by {@code System.exit(0)} (shutdown hooks run) or by
 * {@code Runtime.halt(0)} (no hooks: like a crash or SIGKILL).
 */
final class SandboxChild {

    private SandboxChild() {
    }

    public static void main(String[] args) {
        Sandbox sandbox = Sandbox.start(Sandbox.Options.persistent(Path.of(args[0])));
        System.out.println("PID " + sandbox.postmasterPid());
        System.out.flush();
        if (args[1].equals("halt")) {
            Runtime.getRuntime().halt(0);
        }
        System.exit(0);
    }
}
