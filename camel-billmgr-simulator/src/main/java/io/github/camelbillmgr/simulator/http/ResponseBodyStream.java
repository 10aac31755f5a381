package io.github.camelbillmgr.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response's body on the connection's buffered stream, framed as {@code sendResponseHeaders} promised: exactly
 * {@code Content-Length} bytes, chunks, nothing (HEAD, 204, 304), or bytes up to the close of the connection (an
 * HTTP/1.0 client without a length). Nothing reaches the socket before {@link #close()} or an explicit
 * {@link #flush()}, so a head and a body that fit the buffer leave in one write.
 */
final class ResponseBodyStream extends OutputStream {

    enum Framing { FIXED, CHUNKED, NONE, UNTIL_CLOSE }

    private static final byte[] CRLF = { '\r', '\n' };
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final OutputStream out;
    private final Framing framing;
    private long remaining;
    private boolean closed;

    ResponseBodyStream(OutputStream out, Framing framing, long length) {
        this.out = out;
        this.framing = framing;
        this.remaining = length;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the response body is closed");
        }
        if (len == 0) {
            return;
        }
        switch (framing) {
            case FIXED -> {
                if (len > remaining) {
                    throw new IOException("too many bytes to write to stream");
                }
                out.write(b, off, len);
                remaining -= len;
            }
            case CHUNKED -> {
                out.write(Integer.toHexString(len).getBytes(StandardCharsets.ISO_8859_1));
                out.write(CRLF);
                out.write(b, off, len);
                out.write(CRLF);
            }
            case UNTIL_CLOSE -> out.write(b, off, len);
            case NONE -> throw new IOException("this response has no body");
            default -> throw new IllegalStateException(framing.name());
        }
    }

    @Override
    public void flush() throws IOException {
        if (!closed) {
            out.flush();
        }
    }

    /** Ends the body and sends what is buffered. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (framing == Framing.CHUNKED) {
            out.write(LAST_CHUNK);
        }
        out.flush();
        if (framing == Framing.FIXED && remaining > 0) {
            throw new IOException("insufficient bytes written to stream");
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether the body is complete, so that the connection can carry another request. */
    boolean isComplete() {
        return closed && (framing != Framing.FIXED || remaining == 0) && framing != Framing.UNTIL_CLOSE;
    }
}
