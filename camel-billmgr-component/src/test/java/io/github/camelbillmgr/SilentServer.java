package io.github.camelbillmgr;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A server on loopback that accepts connections and never says a word: neither an HTTP reply nor a TLS handshake.
 */
final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Semaphore accepted = new Semaphore(0);
    private final Thread acceptor;

    SilentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptForever, "silent-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
                accepted.release();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getLocalPort() + "/billmgr";
    }

    /** Forgets the connections accepted so far, so that {@link #awaitConnection} waits for a new one. */
    void forgetConnections() {
        accepted.drainPermits();
    }

    /** Waits until a connection has been accepted (and is now held open without an answer). */
    boolean awaitConnection(long seconds) throws InterruptedException {
        return accepted.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
