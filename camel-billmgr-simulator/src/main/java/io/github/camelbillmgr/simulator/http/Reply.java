package io.github.camelbillmgr.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.sun.net.httpserver.HttpExchange;

/** One complete HTTP answer, built before anything is sent so that faults can cut it. */
record Reply(int status, String contentType, byte[] body) {

    static final String HTML_TYPE = "text/html; charset=UTF-8";

    static Reply html(int status, String html) {
        return new Reply(status, HTML_TYPE, html.getBytes(StandardCharsets.UTF_8));
    }

    /** A minimal page whose title and heading are {@code title}. */
    static Reply htmlTitled(int status, String title) {
        return html(status,
                "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>");
    }

    /** The first {@code keep} bytes; the caller decides how many. */
    Reply cut(int keep) {
        return new Reply(status, contentType, Arrays.copyOf(body, keep));
    }

    void send(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (status >= 300 && status < 400) {
            exchange.getResponseHeaders().set("Location", "/billmgr");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Promises the whole body in Content-Length but sends only {@code keep} bytes: the client
     * sees a premature end once the caller drops the connection.
     */
    void sendPrefix(HttpExchange exchange, int keep) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, keep);
        // The server buffers; without the flush the client would not even get the headers.
        out.flush();
    }
}
