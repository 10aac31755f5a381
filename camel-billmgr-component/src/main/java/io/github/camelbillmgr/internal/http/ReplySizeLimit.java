package io.github.camelbillmgr.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of a reply body as they are read (after HttpClient decompressed them) and fails the read that goes
 * past {@code maxReplySize}: a hostile or broken server can send gigabytes, or a small gzip body that inflates to
 * them, and the parsers would keep reading into memory until the JVM runs out of it.
 * <p>
 * Closing this stream does not close the body: the client decides whether the connection is drained for reuse
 * ({@link #drain()}) or closed, and HttpClient's own close would read the rest of the body without any bound.
 * <p>
 * A body with a Content-Length ends here after that many bytes, before HttpClient's own stream reports its end:
 * HttpClient returns the connection to the pool the moment it sees that end, so a parser that read up to it would
 * leave no chance to close a connection whose reply turned out to be cut short (what follows a too short
 * Content-Length is then read as the reply to the next request). Only {@link #drain()}, after a clean read, reads on
 * to HttpClient's end.
 */
final class ReplySizeLimit extends FilterInputStream {

    private static final byte[] DISCARD = new byte[256];

    private final long limit;
    /** The declared Content-Length, or -1. */
    private final long length;
    private long count;
    private boolean exceeded;

    ReplySizeLimit(InputStream in, long limit, long length) {
        super(in);
        this.limit = limit;
        this.length = length;
    }

    private boolean atDeclaredEnd() {
        return length >= 0 && count >= length;
    }

    /** True once a read went past the limit (parsers may wrap the exception in one of their own). */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        if (atDeclaredEnd()) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (atDeclaredEnd()) {
            return len == 0 ? 0 : -1;
        }
        if (length >= 0) {
            len = (int) Math.min(len, length - count);
        }
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (atDeclaredEnd()) {
            return 0;
        }
        long skipped = super.skip(length >= 0 ? Math.min(n, length - count) : n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws TooLargeException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new TooLargeException(limit);
        }
    }

    /** Reads the rest of the body, still counted, so that a cleanly read reply leaves its connection reusable. */
    void drain() throws IOException {
        // after a clean parse at most some trailing whitespace is left, and what is read is thrown away: one buffer
        // for every reply, written by any number of threads at once, never read
        byte[] buffer = DISCARD;
        while (read(buffer, 0, buffer.length) >= 0) {
            // counted in read
        }
        // past the declared end: HttpClient's stream reports its end, and releases the connection for reuse
        while (in.read(buffer, 0, buffer.length) >= 0) {
            // nothing is left after a Content-Length that was read to its end
        }
    }

    @Override
    public void close() {
        // see the class comment
    }

    /** The body went past the limit. An IOException, so that it passes through the parsers unchanged. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the reply is larger than " + limit + " bytes");
        }
    }
}
