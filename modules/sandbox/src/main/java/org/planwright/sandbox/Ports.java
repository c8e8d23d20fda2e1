package org.planwright.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the sandbox's TCP port on the loopback interface. */
final class Ports {

    private static final Logger LOG = LoggerFactory.getLogger(Ports.class);

    private Ports() {
    }

    /**
     * @param preferred the port asked for; 0 for any
     * @return {@code preferred} when it can be bound on 127.0.0.1 now, otherwise a free port chosen by the OS
     *         (there is a short race until the server binds it; the start then fails with a clear message)
     * @throws IOException when no port at all can be bound
     */
    static int freeOrAny(int preferred) throws IOException {
        if (preferred > 0) {
            if (isFree(preferred)) {
                return preferred;
            }
            LOG.info("Port {} is taken; the sandbox uses another free port", preferred);
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * @param port a TCP port
     * @return true when it can be bound on 127.0.0.1 right now
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
