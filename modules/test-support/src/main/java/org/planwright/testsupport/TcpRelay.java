package org.planwright.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small TCP relay on loopback for network-failure tests: clients connect to {@link #port()}, bytes are copied
 * to and from the target port. {@link #cut()} closes every relayed connection at once (the client sees the
 * connection reset, as when a cable is pulled) and refuses new ones until {@link #heal()}. Nothing on the machine's
 * network is touched. Threads: one acceptor and two copier threads per connection (virtual threads). Thread-safe.
 */
public final class TcpRelay implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile long bytesToServerBeforeCut = -1;
    private final java.util.concurrent.atomic.AtomicLong bytesToServer = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Starts relaying from a free loopback port to {@code targetPort} on loopback.
     *
     * @throws UncheckedIOException when no port can be bound
     */
    public TcpRelay(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("tcp-relay-accept").start(this::accept);
    }

    /** @return the loopback port clients connect to */
    public int port() {
        return server.getLocalPort();
    }

    /** Closes every relayed connection now and refuses new ones (they are accepted and closed at once). */
    public void cut() {
        cut = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /**
     * Cuts the network as soon as {@code bytes} more bytes have gone from clients towards the server: a cut in the
     * middle of a conversation (before a commit reaches the server, or during a download's requests).
     */
    public void cutAfterBytesToServer(long bytes) {
        bytesToServerBeforeCut = bytesToServer.get() + bytes;
    }

    /** Lets connections through again. */
    public void heal() {
        bytesToServerBeforeCut = -1;
        cut = false;
    }

    /** @return true while cut */
    public boolean isCut() {
        return cut;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().name("tcp-relay-up").start(() -> copy(client, upstream, true));
                Thread.ofVirtual().name("tcp-relay-down").start(() -> copy(upstream, client, false));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void copy(Socket from, Socket to, boolean towardsServer) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (cut) {
                    break;
                }
                if (towardsServer) {
                    long limit = bytesToServerBeforeCut;
                    long before = bytesToServer.getAndAdd(n);
                    if (limit >= 0 && before + n >= limit) {
                        int allowed = (int) Math.max(0, limit - before);
                        out.write(buf, 0, allowed);
                        out.flush();
                        cut();
                        break;
                    }
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Stops relaying and closes every connection. */
    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
