package io.github.camelbillmgr.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.Headers;

/**
 * The request line and the header block of one HTTP/1.x request, read from a connection's buffered stream byte by
 * byte up to the empty line, so that the body (or the next request) stays in the stream.
 */
record RequestHead(String method, URI uri, String protocol, Headers headers) {

    /** Longest request line or header line; the JDK server's own limit is about as generous. */
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADERS = 200;

    /** A request that is not HTTP: answered with 400, then the connection is closed. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** The next request's head, or null when the client closed the connection between requests. */
    static RequestHead read(InputStream in, byte[] lineBuffer) throws IOException {
        String requestLine;
        do {
            requestLine = line(in, lineBuffer, true);
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty()); // a stray CRLF between requests is tolerated (RFC 9112, 2.2)
        int first = requestLine.indexOf(' ');
        int last = requestLine.lastIndexOf(' ');
        if (first <= 0 || last <= first) {
            throw new Malformed("Bad request line");
        }
        String protocol = requestLine.substring(last + 1);
        if (!protocol.startsWith("HTTP/1.")) {
            throw new Malformed("Bad request line");
        }
        URI uri;
        try {
            uri = new URI(requestLine.substring(first + 1, last));
        } catch (URISyntaxException e) {
            throw new Malformed("Bad request URI");
        }
        Headers headers = new Headers();
        int count = 0;
        for (String header = line(in, lineBuffer, false); !header.isEmpty(); header = line(in, lineBuffer, false)) {
            int colon = header.indexOf(':');
            if (colon <= 0 || ++count > MAX_HEADERS) {
                throw new Malformed(colon <= 0 ? "Bad header line" : "Too many headers");
            }
            headers.add(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        return new RequestHead(requestLine.substring(0, first), uri, protocol, headers);
    }

    /** One line without its CRLF (a bare LF ends it too), as ISO-8859-1; null at the end of the stream if allowed. */
    private static String line(InputStream in, byte[] buffer, boolean endAllowed) throws IOException {
        int n = 0;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (n == buffer.length) {
                throw new Malformed("Header line too long");
            }
            buffer[n++] = (byte) c;
        }
        if (c < 0) {
            if (n == 0 && endAllowed) {
                return null;
            }
            throw new Malformed("Request cut short");
        }
        if (n > 0 && buffer[n - 1] == '\r') {
            n--;
        }
        return new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    boolean isHttp10() {
        return protocol.equals("HTTP/1.0");
    }

    /** Whether the client asked to close the connection after this request (HTTP/1.0: unless it asked to keep it). */
    boolean closesConnection() {
        String connection = header("Connection");
        if (isHttp10()) {
            return connection == null || !hasToken(connection, "keep-alive");
        }
        return connection != null && hasToken(connection, "close");
    }

    private static boolean hasToken(String list, String token) {
        for (String part : list.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
