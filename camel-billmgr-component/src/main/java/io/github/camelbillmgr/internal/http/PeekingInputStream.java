package io.github.camelbillmgr.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Keeps a copy of the first bytes read, so an unreadable reply can be shown in the exception. The copy goes into a
 * buffer the thread keeps between replies ({@link #release()}), as nearly every reply is read cleanly and its copy
 * never looked at: a new buffer per reply was most of what reading a small reply allocated.
 */
final class PeekingInputStream extends FilterInputStream {

    /** A buffer of the thread's last reply, free for the next one: one per thread that reads replies. */
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private final int limit;
    private byte[] copy;
    private int size;

    PeekingInputStream(InputStream in, int limit) {
        super(in);
        this.limit = limit;
        byte[] spare = SPARE.get();
        if (spare != null && spare.length == limit) {
            // taken, so that a reply read while this one is (by a row handler) gets a buffer of its own
            SPARE.remove();
            copy = spare;
        } else {
            copy = new byte[limit];
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && size < limit) {
            copy[size++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && size < limit) {
            int kept = Math.min(n, limit - size);
            System.arraycopy(b, off, copy, size, kept);
            size += kept;
        }
        return n;
    }

    /** The first bytes read, up to the limit; only before {@link #release()}. */
    byte[] peeked() {
        return Arrays.copyOf(copy, size);
    }

    /** The reply is read: its buffer goes back to the thread for the next one. */
    void release() {
        if (copy != null) {
            SPARE.set(copy);
            copy = null;
        }
    }
}
