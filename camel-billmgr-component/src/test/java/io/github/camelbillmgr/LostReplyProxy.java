package io.github.camelbillmgr;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/**
 * A proxy in front of the simulator that loses the reply of chosen calls, the way a timeout or a gateway does: with
 * {@link Fault#COMMIT_THEN_502} the call reaches BILLmanager and is done, but the client gets HTTP 502; with
 * {@link Fault#DROP_WITH_502} the call never reaches BILLmanager. Only calls that execute (carry {@code sok}) of the
 * chosen func are hit, so the reads around them pass.
 */
final class LostReplyProxy implements AutoCloseable {

    enum Fault { COMMIT_THEN_502, DROP_WITH_502 }

    private static final byte[] BAD_GATEWAY
            = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newHttpClient();
    private final Supplier<String> target;
    private final HttpServer server;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile String func;
    private volatile Fault fault;

    private LostReplyProxy(Supplier<String> target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
            boolean hit = form.containsKey("sok") && form.get("func") != null && form.get("func").equals(func)
                    && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            int status = 502;
            byte[] reply = BAD_GATEWAY;
            if (!hit || fault == Fault.COMMIT_THEN_502) {
                HttpResponse<byte[]> r = forward(body);
                if (!hit) {
                    status = r.statusCode();
                    reply = r.body();
                }
            }
            ex.sendResponseHeaders(status, reply.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(reply);
            }
        });
        server.start();
    }

    /** Starts a proxy to the BILLmanager URL the supplier gives at each call. */
    static LostReplyProxy start(Supplier<String> target) {
        try {
            return new LostReplyProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code times} executing calls of {@code func} lose their reply this way; replaces earlier faults. */
    LostReplyProxy failNext(String func, int times, Fault fault) {
        this.func = func;
        this.fault = fault;
        remaining.set(times);
        return this;
    }

    /** Lets everything through. */
    void reset() {
        remaining.set(0);
    }

    /** How many of the faults asked for are still to come. */
    int remaining() {
        return remaining.get();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/billmgr";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private HttpResponse<byte[]> forward(byte[] body) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(target.get()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
