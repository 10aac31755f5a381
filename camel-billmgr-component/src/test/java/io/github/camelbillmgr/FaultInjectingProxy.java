package io.github.camelbillmgr;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP proxy in front of the simulator that answers the next requests matching a condition itself, with a
 * canned reply, and forwards everything else. For the faults the simulator cannot place, such as "the second page
 * of a list, once" (the simulator's own faults hit the next calls of a function, i.e. the first page). It can also run
 * an action before it forwards a matching request, e.g. change the simulator's state between two pages of one list.
 */
final class FaultInjectingProxy implements AutoCloseable {

    /** What the proxy answers instead of BILLmanager. */
    record Reply(int status, String contentType, String body) {
        static Reply html(int status) {
            return new Reply(status, "text/html; charset=UTF-8", "<html><body><h1>" + status + "</h1></body></html>");
        }
    }

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private volatile Predicate<String> matches = form -> false;
    private volatile Reply reply;
    private final AtomicInteger actionsLeft = new AtomicInteger();
    private final AtomicInteger actionsRun = new AtomicInteger();
    private volatile Predicate<String> actionMatches = form -> false;
    private volatile Runnable action;

    private FaultInjectingProxy(String target) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/billmgr", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String form = new String(body, StandardCharsets.UTF_8);
            if (actionMatches.test(form) && actionsLeft.getAndDecrement() > 0) {
                action.run();
                actionsRun.incrementAndGet();
            }
            Reply answer;
            if (matches.test(form) && remaining.getAndDecrement() > 0) {
                served.incrementAndGet();
                answer = reply;
            } else {
                answer = forward(target, body);
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", answer.contentType());
            ex.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        });
        server.start();
    }

    /** A proxy for the BILLmanager (simulator) at {@code target}. */
    static FaultInjectingProxy to(String target) {
        return new FaultInjectingProxy(target);
    }

    /** The next {@code times} requests whose form body matches get {@code reply} instead of BILLmanager's answer. */
    FaultInjectingProxy failNext(Predicate<String> form, int times, Reply reply) {
        this.reply = reply;
        this.matches = form;
        remaining.set(times);
        return this;
    }

    /** Before forwarding the next {@code times} requests whose form body matches, runs {@code action}. */
    FaultInjectingProxy beforeNext(Predicate<String> form, int times, Runnable action) {
        this.action = action;
        this.actionMatches = form;
        actionsLeft.set(times);
        return this;
    }

    /** How many times the {@link #beforeNext} action ran. */
    int actionsRun() {
        return actionsRun.get();
    }

    /** How many requests got the canned reply. */
    int faultsServed() {
        return served.get();
    }

    /** The {@code baseUrl} option value that goes through the proxy. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/billmgr";
    }

    private Reply forward(String target, byte[] body) throws IOException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"),
                    r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
