package io.github.camelbillmgr.simulator.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One client connection of a {@link BlockingHttpServer}, served on its own thread: read a request head, hand the
 * exchange to the handler, and go on with the next request while the client keeps the connection alive.
 * <p>
 * What the JDK's server does, this does too: {@code Expect: 100-continue} is answered at once, a handler that
 * throws or leaves its answer incomplete ends the connection (the JDK logs that at TRACE only), and a request that
 * is not HTTP gets a 400 and the connection closed.
 */
final class HttpConnection implements Runnable {

    private static final System.Logger LOG = System.getLogger(HttpConnection.class.getName());
    /** Idle kept-alive connections are closed after this long, as the JDK server's default idle interval. */
    static final int IDLE_MILLIS = 30_000;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final BlockingHttpServer server;
    private final Socket socket;

    HttpConnection(BlockingHttpServer server, Socket socket) {
        this.server = server;
        this.socket = socket;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_MILLIS);
            InputStream in = new ConnectionInput(socket.getInputStream(), 8 * 1024);
            // large enough for a head and a typical document: one write per answer
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 32 * 1024);
            InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
            InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
            byte[] lineBuffer = new byte[RequestHead.MAX_LINE];
            while (true) {
                SocketExchange exchange;
                try {
                    RequestHead head = RequestHead.read(in, lineBuffer);
                    if (head == null) {
                        return;
                    }
                    RequestBodyStream body = RequestBodyStream.of(in, head);
                    if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
                        out.write(CONTINUE);
                        out.flush();
                    }
                    exchange = new SocketExchange(head, body, out, remote, local);
                } catch (RequestHead.Malformed e) {
                    badRequest(out, e.getMessage());
                    return;
                }
                try {
                    server.handler().handle(exchange);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.TRACE, "the handler ended the connection: {0}", e.toString());
                    return;
                }
                if (!exchange.reusable()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or stayed idle too long
            LOG.log(Level.TRACE, "connection closed: {0}", e.toString());
        } finally {
            server.forget(socket);
        }
    }

    private static void badRequest(OutputStream out, String message) {
        byte[] body = (message + "\n").getBytes(StandardCharsets.ISO_8859_1);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-type: text/plain; charset=ISO-8859-1\r\nContent-length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        try {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // the client is gone already
        }
    }
}
