package io.github.camelbillmgr.internal.reply;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import io.github.camelbillmgr.internal.reply.StrictDecodingReader.MalformedTextException;

/**
 * Passes UTF-8 bytes through unchanged, refusing any that are not well-formed UTF-8 (Unicode's table 3-7: no overlong
 * forms, no encoded surrogates, nothing above U+10FFFF), without decoding them to characters.
 * <p>
 * Why: Jackson's byte parser (which is much cheaper than decoding to characters first) checks only part of this: it
 * takes overlong forms, encoded surrogates (CESU-8, which becomes a lone UTF-16 surrogate that cannot be sent back as
 * it was read) and code points beyond Unicode. This stream fails exactly where {@link StrictDecodingReader} would, with
 * the same {@link MalformedTextException} and message: it first hands out every byte before the bad sequence, so the
 * parser reports what it found in them as it would have, and fails on the next read.
 */
final class StrictUtf8InputStream extends FilterInputStream {

    /** Eight bytes of the buffer as one long; the byte order does not matter to the test of their high bits. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** Offset in the body of the first byte not handed out yet. */
    private long offset;
    /** Continuation bytes the sequence begun by the last bytes handed out still needs (0 between characters). */
    private int needed;
    /** Lowest and highest allowed value of the next continuation byte (narrower after E0, ED, F0, F4). */
    private int low = 0x80;
    private int high = 0xBF;
    /** Offset of the lead byte of the sequence in progress: where the failure is reported, as the JDK's decoder does. */
    private long sequenceStart;
    private MalformedTextException failure;

    StrictUtf8InputStream(InputStream in) {
        this(in, 0);
    }

    /**
     * @param skipped bytes of the body already consumed (a byte order mark), so that offsets count from its start
     */
    StrictUtf8InputStream(InputStream in, long skipped) {
        super(in);
        this.offset = skipped;
    }

    /** The failure this stream threw, or null: for a caller whose parser wraps it in its own exception. */
    MalformedTextException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            if (needed > 0) {
                throw fail(sequenceStart, true);
            }
            return -1;
        }
        int good = check(b, off, n);
        if (good == 0 && failure != null) {
            // nothing before the bad sequence to hand out first (it is at the start, or began in an earlier read)
            throw failure;
        }
        return good;
    }

    /** @return how many of the {@code n} bytes can be handed out; sets {@link #failure} when that is fewer than n */
    private int check(byte[] b, int off, int n) {
        int end = off + n;
        int i = off;
        // where the sequence in progress began inside this buffer, or off when it began in an earlier read
        int lead = off;
        while (i < end) {
            if (needed == 0) {
                i = skipAscii(b, i, end);
                if (i == end) {
                    break;
                }
            }
            int c = b[i] & 0xff;
            if (needed > 0) {
                if (c < low || c > high) {
                    return bad(off, lead);
                }
                low = 0x80;
                high = 0xBF;
                needed--;
                i++;
                continue;
            }
            if (c < 0x80) {
                i++;
                continue;
            }
            lead = i;
            sequenceStart = offset + (i - off);
            if (c >= 0xC2 && c <= 0xDF) {
                needed = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                needed = 2;
                if (c == 0xE0) {
                    low = 0xA0; // below: an overlong form
                } else if (c == 0xED) {
                    high = 0x9F; // above: a UTF-16 surrogate
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                needed = 3;
                if (c == 0xF0) {
                    low = 0x90; // below: an overlong form
                } else if (c == 0xF4) {
                    high = 0x8F; // above: beyond U+10FFFF
                }
            } else {
                // a stray continuation byte, C0/C1 (overlong) or F5..FF (beyond Unicode)
                return bad(off, lead);
            }
            i++;
        }
        offset += n;
        return n;
    }

    /**
     * The end of the run of ASCII bytes from {@code i}, eight at a time: nearly every byte of a reply is ASCII, and a
     * byte at a time this check cost more than Jackson's parse of the same bytes.
     */
    private static int skipAscii(byte[] b, int i, int end) {
        while (end - i >= Long.BYTES && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
            i += Long.BYTES;
        }
        while (i < end && b[i] >= 0) {
            i++;
        }
        return i;
    }

    private int bad(int off, int lead) {
        fail(sequenceStart, false);
        int good = lead - off;
        offset += good;
        return good;
    }

    @Override
    public long skip(long n) throws IOException {
        // through read, so that skipped bytes are checked too
        byte[] scratch = new byte[(int) Math.min(n, 1024)];
        long left = n;
        while (left > 0) {
            int r = read(scratch, 0, (int) Math.min(left, scratch.length));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private MalformedTextException fail(long at, boolean cut) {
        failure = new MalformedTextException(at, "UTF-8", cut);
        return failure;
    }
}
