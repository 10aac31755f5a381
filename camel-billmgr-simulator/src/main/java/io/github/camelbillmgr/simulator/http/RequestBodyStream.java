package io.github.camelbillmgr.simulator.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request's body on the connection's stream: {@code Content-Length} bytes or a chunked body, never more, so the
 * next request of the connection stays unread. Closing it leaves the rest unread; {@link #drain} skips it.
 */
final class RequestBodyStream extends InputStream {

    private final InputStream in;
    private final boolean chunked;
    /** Bytes left of the body (fixed length) or of the current chunk; -1 before the first chunk. */
    private long remaining;
    private boolean ended;
    private final byte[] line = new byte[256];

    private RequestBodyStream(InputStream in, boolean chunked, long length) {
        this.in = in;
        this.chunked = chunked;
        this.remaining = length;
        this.ended = !chunked && length == 0;
    }

    static RequestBodyStream of(InputStream in, RequestHead head) throws RequestHead.Malformed {
        String encoding = head.header("Transfer-Encoding");
        if (encoding != null) {
            if (!encoding.trim().equalsIgnoreCase("chunked")) {
                throw new RequestHead.Malformed("Unsupported Transfer-Encoding");
            }
            return new RequestBodyStream(in, true, -1);
        }
        String length = head.header("Content-Length");
        if (length == null) {
            return new RequestBodyStream(in, false, 0);
        }
        try {
            long n = Long.parseLong(length.trim());
            if (n < 0) {
                throw new NumberFormatException(length);
            }
            return new RequestBodyStream(in, false, n);
        } catch (NumberFormatException e) {
            throw new RequestHead.Malformed("Bad Content-Length");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (ended || (chunked && remaining <= 0 && !nextChunk())) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new IOException("the request body ended early");
        }
        remaining -= n;
        if (!chunked && remaining == 0) {
            ended = true;
        }
        return n;
    }

    /** A body of known length is read in one go, into an array of its size. */
    @Override
    public byte[] readAllBytes() throws IOException {
        if (chunked || ended || remaining > Integer.MAX_VALUE - 8) {
            return super.readAllBytes();
        }
        byte[] all = in.readNBytes((int) remaining);
        if (all.length < remaining) {
            throw new IOException("the request body ended early");
        }
        remaining = 0;
        ended = true;
        return all;
    }

    @Override
    public int available() throws IOException {
        return ended ? 0 : (int) Math.min(in.available(), Math.max(remaining, 0));
    }

    /** Reads the next chunk's size line (and the CRLF closing the previous chunk); false after the last chunk. */
    private boolean nextChunk() throws IOException {
        if (remaining == 0) {
            readLine(); // the CRLF after the previous chunk's data
        }
        String size = readLine();
        int extension = size.indexOf(';');
        try {
            remaining = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size in the request body");
        }
        if (remaining == 0) {
            // trailers up to the empty line
            while (!readLine().isEmpty()) {
                // ignored
            }
            ended = true;
            return false;
        }
        return true;
    }

    private String readLine() throws IOException {
        int n = 0;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r' && n < line.length) {
                line[n++] = (byte) c;
            }
        }
        if (c < 0) {
            throw new IOException("the request body ended early");
        }
        return new String(line, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Skips what the handler left unread, up to {@code limit} bytes; false when more is left (or it broke off). */
    boolean drain(long limit) {
        byte[] skip = new byte[512];
        long skipped = 0;
        try {
            for (int n; (n = read(skip, 0, skip.length)) >= 0;) {
                skipped += n;
                if (skipped > limit) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean isEnded() {
        return ended;
    }
}
