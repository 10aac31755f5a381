package io.github.camelbillmgr.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A keep-alive HTTP/1.1 POST over a bare socket, read until the server closes the connection.
 * Because the request asks to keep the connection, an end of stream can only come from the
 * server dropping it; a server that keeps it open shows as {@code closedByServer == false}.
 */
final class RawHttp {

    /** What came back before the end of stream (or the read timeout). */
    record Received(byte[] bytes, boolean closedByServer) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String head() {
            String text = text();
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        /** Bytes after the header block. */
        int bodyLength() {
            int end = text().indexOf("\r\n\r\n");
            return end < 0 ? 0 : bytes.length - (text().substring(0, end + 4).getBytes(StandardCharsets.UTF_8).length);
        }

        /** The declared Content-Length, or -1. */
        long contentLength() {
            for (String line : head().split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return -1;
        }
    }

    private RawHttp() {
    }

    static Received post(int port, String form, int readTimeoutMillis) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String head = "POST /billmgr HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(readTimeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    received.write(buffer, 0, n);
                }
                return new Received(received.toByteArray(), true);
            } catch (SocketTimeoutException e) {
                return new Received(received.toByteArray(), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
