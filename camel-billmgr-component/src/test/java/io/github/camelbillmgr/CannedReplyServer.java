package io.github.camelbillmgr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A real loopback HTTP server that answers the way a proxy, a WAF or a broken BILLmanager would: each path gets a
 * canned reply (or a handler of its own). For tests of what the component makes of replies the simulator never
 * sends. Requests are handled one at a time on the server's own thread, and counted.
 */
public final class CannedReplyServer implements AutoCloseable {

    /** One canned reply. A null body sends no body at all; an empty one sends {@code Content-Length: 0}. */
    public record Reply(int status, String contentType, byte[] body) {

        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply json(String body) {
            return of(200, "application/json", body);
        }

        public static Reply xml(String body) {
            return of(200, "text/xml; charset=UTF-8", body);
        }

        public static Reply html(int status, String body) {
            return of(status, "text/html; charset=UTF-8", body);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + contentType + ", " + (body == null ? "no body" : body.length + " bytes");
        }
    }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private CannedReplyServer(HttpServer server) {
        this.server = server;
    }

    /** Binds a free loopback port and serves; nothing is served until paths are added. */
    public static CannedReplyServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.start();
            return new CannedReplyServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers every request to {@code path} with the same reply. */
    public CannedReplyServer reply(String path, Reply reply) {
        return handle(path, exchange -> send(exchange, reply));
    }

    /** Answers every request to {@code path} with the handler; the request is counted first. */
    public CannedReplyServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /** The URL of a path on this server, e.g. for a baseUrl option. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many requests arrived since the start or the last {@link #clearRequests()}. */
    public int requestCount() {
        return requests.get();
    }

    public void clearRequests() {
        requests.set(0);
    }

    /** Reads the request body and sends the reply. A client that hangs up half way is not the server's problem. */
    public static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        byte[] body = reply.body();
        // HttpServer: -1 means no body, 0 would mean chunked
        exchange.sendResponseHeaders(reply.status(), body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // the component stopped reading (an early parse failure) and closed the connection
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
