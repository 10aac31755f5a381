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

    /**
     * A buffer of the thread's last reply, free for the next one: one per thread that reads replies. Held in a slot of
     * its own, so a reply costs one look-up of the thread's map (a remove and a set per reply were two more, and left
     * the map's probing to skip the removed entry).
     */
    private static final ThreadLocal<byte[][]> SPARE = ThreadLocal.withInitial(() -> new byte[1][]);

    private final int limit;
    private final byte[][] spare;
    private byte[] copy;
    private int size;

    PeekingInputStream(InputStream in, int limit) {
        super(in);
        this.limit = limit;
        this.spare = SPARE.get();
        byte[] kept = spare[0];
        if (kept != null && kept.length == limit) {
            // taken, so that a reply read while this one is (by a row handler) gets a buffer of its own
            spare[0] = null;
            copy = kept;
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
            spare[0] = copy;
            copy = null;
        }
    }
}
