package io.github.camelbillmgr.simulator.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpHandler;

/**
 * The simulator's HTTP/1.1 server: blocking sockets, one thread per connection, keep-alive, each
 * response head and body written with one flush. It hands {@link HttpHandler}s the JDK's
 * {@link com.sun.net.httpserver.HttpExchange} API, so handlers are written as for the JDK's
 * {@code HttpServer}.
 * <p>
 * Why not the JDK's server: it watches every kept-alive connection with one selector thread that
 * hands each request to a worker thread and takes the connection back when the answer is written,
 * about 25 system calls and three thread wake-ups per call (and the head and the body in two
 * writes). A simulator under a load test spent most of its time there; a thread blocked in
 * {@code read} per connection answers a call with one read and one write, as a real server's
 * keep-alive connection does. With an {@link SSLContext} it serves HTTPS, the TLS handshake
 * running on the connection's thread.
 */
public final class BlockingHttpServer {

    private static final System.Logger LOG = System.getLogger(BlockingHttpServer.class.getName());

    private final ServerSocket listener;
    private final HttpHandler handler;
    private final Executor threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    /** Open until the accepting loop has left {@code accept()}: only then is the port free again. */
    private final CountDownLatch acceptorDone = new CountDownLatch(1);

    private BlockingHttpServer(ServerSocket listener, HttpHandler handler, Executor threads) {
        this.listener = listener;
        this.handler = handler;
        this.threads = threads;
    }

    /**
     * Binds {@code address} and starts accepting.
     *
     * @param sslContext null for plain HTTP
     * @param threads    runs the accepting loop and one task per connection for as long as it stays open: it must
     *                   not queue tasks (a cached thread pool)
     */
    public static BlockingHttpServer start(InetSocketAddress address, SSLContext sslContext, HttpHandler handler,
                                           Executor threads)
            throws IOException {
        ServerSocket listener = sslContext == null ? new ServerSocket()
                : sslContext.getServerSocketFactory().createServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, 1024);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        BlockingHttpServer server = new BlockingHttpServer(listener, handler, threads);
        threads.execute(server::accept);
        return server;
    }

    public InetSocketAddress getAddress() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    HttpHandler handler() {
        return handler;
    }

    /** Stops accepting, closes every connection at once, answered or not, and returns once the port is free. */
    public void stop() {
        running = false;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the listener: {0}", e.toString());
        }
        try {
            // a listener closed while a thread waits in accept() keeps its port until that thread has woken up
            if (!acceptorDone.await(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "the accepting thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void accept() {
        try {
            acceptLoop();
        } finally {
            acceptorDone.countDown();
        }
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.log(Level.WARNING, "accepting a connection failed: {0}", e.toString());
                    continue;
                }
                return;
            }
            open.add(socket);
            if (!running) {
                closeQuietly(socket);
                return;
            }
            try {
                threads.execute(new HttpConnection(this, socket));
            } catch (RuntimeException e) {
                // the executor was shut down: the server is stopping
                forget(socket);
                return;
            }
        }
    }

    /** A connection's thread is done with its socket. */
    void forget(Socket socket) {
        open.remove(socket);
        closeQuietly(socket);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException | RuntimeException e) {
            // closing is all that is left to do
        }
    }
}
