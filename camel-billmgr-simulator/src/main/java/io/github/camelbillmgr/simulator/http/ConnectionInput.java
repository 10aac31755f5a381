package io.github.camelbillmgr.simulator.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A connection's socket stream with a read buffer, for one thread: request heads are read a byte at a time, and
 * {@link java.io.BufferedInputStream} takes its monitor on every byte.
 */
final class ConnectionInput extends InputStream {

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    ConnectionInput(InputStream in, int size) {
        this.in = in;
        this.buffer = new byte[size];
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == limit) {
            if (len >= buffer.length) {
                return in.read(b, off, len); // a large body: no copy through the buffer
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return limit - position + in.available();
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
