package io.github.camelbillmgr.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Keeps a copy of the first bytes read, so an unreadable reply can be shown in the exception. */
final class PeekingInputStream extends FilterInputStream {

    private final ByteArrayOutputStream copy;
    private final int limit;

    PeekingInputStream(InputStream in, int limit) {
        super(in);
        this.limit = limit;
        this.copy = new ByteArrayOutputStream(Math.min(limit, 1024));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && copy.size() < limit) {
            copy.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && copy.size() < limit) {
            copy.write(b, off, Math.min(n, limit - copy.size()));
        }
        return n;
    }

    /** The first bytes read, up to the limit. */
    byte[] peeked() {
        return copy.toByteArray();
    }
}
