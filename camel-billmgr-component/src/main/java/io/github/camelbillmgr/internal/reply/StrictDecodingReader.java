package io.github.camelbillmgr.internal.reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a byte stream in one charset, refusing bytes that are not valid in it, in constant memory.
 * <p>
 * Why not {@link java.io.InputStreamReader}: its failure says only "Input length = 1", and the JDK's XML parser, when
 * it decodes bytes itself, prints {@code [Fatal Error]} to {@code System.err} before throwing, which a library must
 * never do. This reader first hands out every character decoded before the bad bytes, so a parser reports what it
 * found in them as it would have, and then fails with a {@link MalformedTextException} naming the charset and the
 * byte offset (never the bytes: a reply can hold secrets). That is a plain {@link IOException} on purpose: a
 * {@link java.io.CharConversionException} from its Reader makes the JDK's parser print a fatal error again. The
 * failure is also kept, for a caller whose parser wraps it in its own exception.
 */
final class StrictDecodingReader extends Reader {

    private static final int BUFFER = 8192;
    /**
     * Most replies are a few hundred bytes: the buffers start at this size and grow to {@link #BUFFER} once a read
     * fills them, instead of allocating 24 KiB for every reply.
     */
    private static final int FIRST_BUFFER = 1024;

    private final InputStream in;
    private final CharsetDecoder decoder;
    /** Bytes read but not decoded yet; kept in write mode between fills. */
    private ByteBuffer bytes = ByteBuffer.allocate(FIRST_BUFFER);
    /** Characters decoded but not handed out yet; kept in read mode. */
    private CharBuffer chars = CharBuffer.allocate(FIRST_BUFFER);
    /** A read filled the byte buffer: the body is larger than the first buffers. */
    private boolean filledUp;
    private long decodedBytes;
    private boolean endOfInput;
    private boolean done;
    private MalformedTextException failure;

    /**
     * @param skipped bytes of the body already consumed (a byte order mark), so that offsets count from its start
     */
    StrictDecodingReader(InputStream in, Charset charset, int skipped) {
        this.in = in;
        this.decodedBytes = skipped;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        chars.flip();
    }

    /** The decoding failure this reader threw, or null. */
    MalformedTextException failure() {
        return failure;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (failure != null) {
                throw failure;
            }
            if (done) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes until at least one character is ready, the input ends, or a bad byte sequence is found. */
    private void fill() throws IOException {
        if (filledUp && bytes.capacity() < BUFFER) {
            grow();
        }
        chars.clear();
        try {
            while (chars.position() == 0 && failure == null && !done) {
                if (!endOfInput) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + n);
                        filledUp |= !bytes.hasRemaining();
                    }
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                decodedBytes += bytes.position();
                // bad bytes that are all that is left: a character cut off by the end of the body
                boolean cut = endOfInput && result.isError() && result.length() >= bytes.remaining();
                bytes.compact();
                if (result.isError()) {
                    failure = new MalformedTextException(decodedBytes, decoder.charset().name(), cut);
                } else if (endOfInput && result.isUnderflow()) {
                    decoder.flush(chars);
                    done = true;
                }
            }
        } finally {
            chars.flip();
        }
    }

    /** Called between fills, when every decoded character was handed out and the bytes are in write mode. */
    private void grow() {
        ByteBuffer larger = ByteBuffer.allocate(BUFFER);
        bytes.flip();
        larger.put(bytes);
        bytes = larger;
        chars = CharBuffer.allocate(BUFFER);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Bytes that are not valid in the charset the body is read in. */
    static final class MalformedTextException extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param cut whether the bad bytes are a character cut off by the end of the body */
        MalformedTextException(long offset, String charset, boolean cut) {
            super((cut ? "the body is truncated inside a character: " : "") + "the bytes at offset " + offset
                    + " are not valid " + charset);
        }
    }
}
