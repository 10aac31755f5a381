package io.github.camelbillmgr.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

/**
 * One request and its response on a {@link BlockingHttpServer} connection, behind the JDK's {@link HttpExchange}
 * API with the JDK server's rules: {@code sendResponseHeaders(code, n)} promises {@code n} bytes, {@code 0} a chunked
 * body and {@code -1} none; closing the exchange before the headers were sent, or with fewer bytes than promised,
 * closes the connection.
 */
final class SocketExchange extends HttpExchange {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** The Date header of the current second: formatting it per response costs more than the rest of the head. */
    private static volatile CachedDate date = new CachedDate(0, "");

    private record CachedDate(long second, String text) {
    }

    private final RequestHead head;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final OutputStream connectionOut;
    private final Headers responseHeaders = new Headers();
    private final boolean closeRequested;
    private InputStream requestBody;
    private final RequestBodyStream originalRequestBody;
    private OutputStream responseBody = new HeadersFirst();
    private ResponseBodyStream body;
    private int responseCode = -1;
    private boolean closed;
    private Map<String, Object> attributes;

    SocketExchange(RequestHead head, RequestBodyStream requestBody, OutputStream connectionOut,
                   InetSocketAddress remote, InetSocketAddress local) {
        this.head = head;
        this.originalRequestBody = requestBody;
        this.requestBody = requestBody;
        this.connectionOut = connectionOut;
        this.remote = remote;
        this.local = local;
        this.closeRequested = head.closesConnection();
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return head.uri();
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    @Override
    public HttpContext getHttpContext() {
        return null; // one handler serves every path; no contexts
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (responseCode != -1) {
            throw new IOException("headers already sent");
        }
        responseCode = code;
        ResponseBodyStream.Framing framing;
        boolean bodiless = code < 200 || code == 204 || code == 304;
        if (bodiless || head.method().equals("HEAD")) {
            framing = ResponseBodyStream.Framing.NONE;
        } else if (length == 0) {
            framing = head.isHttp10() ? ResponseBodyStream.Framing.UNTIL_CLOSE : ResponseBodyStream.Framing.CHUNKED;
        } else {
            framing = length < 0 ? ResponseBodyStream.Framing.NONE : ResponseBodyStream.Framing.FIXED;
        }
        StringBuilder out = new StringBuilder(160);
        out.append("HTTP/1.1 ").append(code).append(' ').append(reason(code)).append("\r\n");
        out.append("Date: ").append(date()).append("\r\n");
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            for (String value : header.getValue()) {
                out.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        switch (framing) {
            case CHUNKED -> out.append("Transfer-encoding: chunked\r\n");
            case FIXED -> out.append("Content-length: ").append(length).append("\r\n");
            case NONE -> {
                if (!bodiless && !head.method().equals("HEAD")) {
                    out.append("Content-length: 0\r\n");
                }
            }
            default -> {
            }
        }
        if (closesConnection(framing)) {
            out.append("Connection: close\r\n");
        }
        out.append("\r\n");
        connectionOut.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        body = new ResponseBodyStream(connectionOut, framing, Math.max(length, 0));
        if (framing == ResponseBodyStream.Framing.NONE) {
            body.close();
        }
    }

    private boolean closesConnection(ResponseBodyStream.Framing framing) {
        return closeRequested || framing == ResponseBodyStream.Framing.UNTIL_CLOSE;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return head.protocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes == null ? null : attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>();
        }
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        if (in != null) {
            requestBody = in;
        }
        if (out != null) {
            responseBody = out;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** Ends the response; what was not answered completely ends the connection (see {@link #reusable}). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                // fewer bytes than promised, or the client went away: the connection ends, as {@link #reusable} says
            }
        }
    }

    /**
     * Closes the exchange and tells whether the connection can carry the next request: the response is complete,
     * nobody asked to close, and what the handler left of the request body was skipped.
     */
    boolean reusable() {
        close();
        return body != null && body.isComplete() && !closesConnection(ResponseBodyStream.Framing.FIXED)
                && (originalRequestBody.isEnded() || originalRequestBody.drain(64 * 1024));
    }

    private static String date() {
        long second = System.currentTimeMillis() / 1000;
        CachedDate cached = date;
        if (cached.second() != second) {
            cached = new CachedDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
            date = cached;
        }
        return cached.text();
    }

    static String reason(int code) {
        return switch (code) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    /** What {@link #getResponseBody()} gives before the headers are sent: it writes into the body once they are. */
    private final class HeadersFirst extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (body != null) {
                body.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (body != null) {
                body.close();
            }
        }

        private OutputStream target() throws IOException {
            if (body == null) {
                throw new IOException("response headers not sent yet");
            }
            return body;
        }
    }
}
