package io.github.camelbillmgr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ServerSocketFactory;

/**
 * A loopback HTTP/1.1 server written on raw sockets, so that a test can answer the way no well-behaved server (and no
 * JDK HttpServer) would: a Content-Length that lies, two replies for one request, a body sent a byte at a time, a
 * gzip bomb, headers that echo the request. Each request is handed to the test's {@link Handler} with the connection's
 * output stream; connections are kept alive as long as the handler returns true. Every request is recorded.
 */
public final class HostileServer implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(int connection, String method, String target, Map<String, String> headers, byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        /** The form parameter's decoded value, or null. */
        public String form(String name) {
            for (String pair : bodyText().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        /** A header by name, ignoring case, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Answers one request on {@code out}; returns whether the connection stays open for another request. */
    @FunctionalInterface
    public interface Handler {
        boolean handle(Request request, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final String scheme;

    private HostileServer(ServerSocket server, Handler handler, String scheme) {
        this.server = server;
        this.handler = handler;
        this.scheme = scheme;
        Thread acceptor = new Thread(this::acceptLoop, "hostile-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static HostileServer start(Handler handler) throws IOException {
        return start(ServerSocketFactory.getDefault(), "http", handler);
    }

    /** Plain HTTP on another local address than loopback, e.g. the machine's own network address. */
    public static HostileServer start(InetAddress address, Handler handler) throws IOException {
        return new HostileServer(new ServerSocket(0, 50, address), handler, "http");
    }

    /** With another socket factory, e.g. an SSLServerSocketFactory for a TLS server. */
    public static HostileServer start(ServerSocketFactory factory, String scheme, Handler handler) throws IOException {
        return new HostileServer(factory.createServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler, scheme);
    }

    public String url() {
        InetAddress a = server.getInetAddress();
        String host = a.isLoopbackAddress() ? "127.0.0.1"
                : a instanceof java.net.Inet6Address ? "[" + a.getHostAddress().replaceAll("%.*", "") + "]"
                : a.getHostAddress();
        return scheme + "://" + host + ":" + server.getLocalPort() + "/billmgr";
    }

    public List<Request> requests() {
        return requests;
    }

    /** How many connections were accepted. */
    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                int n = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s, n), "hostile-connection-" + n);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request r = readRequest(in, connection);
                if (r == null) {
                    return;
                }
                requests.add(r);
                boolean keep = handler.handle(r, out);
                out.flush();
                if (!keep) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client hung up, or the TLS handshake failed: either is the point of some tests
        }
    }

    private static Request readRequest(InputStream in, int connection) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
                    : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        return new Request(connection, start[0], start.length > 1 ? start[1] : "", headers, body);
    }

    /** Writes a whole reply with a correct Content-Length. */
    public static void reply(OutputStream out, int status, String contentType, byte[] body, String... extraHeaders)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        for (String h : extraHeaders) {
            head.append(h).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
    }

    public static void json(OutputStream out, String body, String... extraHeaders) throws IOException {
        reply(out, 200, "application/json", body.getBytes(StandardCharsets.UTF_8), extraHeaders);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
