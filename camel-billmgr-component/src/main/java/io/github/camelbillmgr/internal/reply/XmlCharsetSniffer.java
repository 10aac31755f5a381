package io.github.camelbillmgr.internal.reply;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelbillmgr.internal.reply.DocumentReader.NotADocumentException;

/**
 * Finds the charset of an XML body the way an XML parser does (XML 1.0, appendix F) and opens a strictly decoding
 * {@link Reader} on it, so that the JDK's parser never decodes bytes itself (when it does, a bad byte sequence is
 * printed to {@code System.err}). In order: a byte order mark (UTF-8, UTF-16, UTF-32); else the byte pattern of
 * {@code <?xml} in UTF-16 or UTF-32 without a mark; else the {@code encoding} of the XML declaration; else UTF-8.
 * <p>
 * The HTTP Content-Type charset is not consulted, as it never was: BILLmanager writes UTF-8 or declares otherwise,
 * and a body in another charset without a declaration is refused, not guessed at. Only the prolog is buffered; the
 * rest of the body streams.
 */
final class XmlCharsetSniffer {

    /** The most bytes read ahead for the XML declaration; a real one is under 100. */
    static final int PROLOG_LIMIT = 1024;

    private static final Pattern ENCODING = Pattern.compile(
            "^<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*([\"'])([A-Za-z][A-Za-z0-9._:-]*)\\1");

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private XmlCharsetSniffer() {
    }

    static StrictDecodingReader open(InputStream body) throws IOException, NotADocumentException {
        BufferedInputStream in = new BufferedInputStream(body, PROLOG_LIMIT);
        in.mark(PROLOG_LIMIT);
        byte[] head = in.readNBytes(4);
        in.reset();
        Bom bom = bom(head);
        if (bom != null) {
            in.skipNBytes(bom.length);
            return new StrictDecodingReader(in, bom.charset, bom.length);
        }
        Charset family = family(head);
        Charset charset = family;
        if (family == StandardCharsets.UTF_8 || family == Ebcdic.CHARSET) {
            // single-byte families: the declaration names the actual charset
            String declared = declaredEncoding(in, family);
            if (declared != null) {
                charset = lookUp(declared);
            }
        }
        return new StrictDecodingReader(in, charset, 0);
    }

    private record Bom(Charset charset, int length) {
    }

    private static Bom bom(byte[] h) {
        if (starts(h, 0x00, 0x00, 0xFE, 0xFF)) {
            return new Bom(UTF_32BE, 4);
        }
        if (starts(h, 0xFF, 0xFE, 0x00, 0x00)) {
            return new Bom(UTF_32LE, 4);
        }
        if (starts(h, 0xEF, 0xBB, 0xBF)) {
            return new Bom(StandardCharsets.UTF_8, 3);
        }
        if (starts(h, 0xFE, 0xFF)) {
            return new Bom(StandardCharsets.UTF_16BE, 2);
        }
        if (starts(h, 0xFF, 0xFE)) {
            return new Bom(StandardCharsets.UTF_16LE, 2);
        }
        return null;
    }

    /** The charset family {@code <?xml} or {@code <} is written in, without a byte order mark. */
    private static Charset family(byte[] h) {
        if (starts(h, 0x00, 0x00, 0x00, 0x3C)) {
            return UTF_32BE;
        }
        if (starts(h, 0x3C, 0x00, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (starts(h, 0x00, 0x3C, 0x00, 0x3F)) {
            return StandardCharsets.UTF_16BE;
        }
        if (starts(h, 0x3C, 0x00, 0x3F, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        if (Ebcdic.CHARSET != null && starts(h, 0x4C, 0x6F, 0xA7, 0x94)) {
            return Ebcdic.CHARSET;
        }
        return StandardCharsets.UTF_8;
    }

    /** Reads the XML declaration (up to its '>', within the limit) and puts the bytes back; null when none. */
    private static String declaredEncoding(BufferedInputStream in, Charset family) throws IOException {
        in.mark(PROLOG_LIMIT);
        byte close = ">".getBytes(family)[0];
        byte[] prolog = new byte[PROLOG_LIMIT];
        int n = 0;
        int b;
        while (n < PROLOG_LIMIT && (b = in.read()) >= 0) {
            prolog[n++] = (byte) b;
            if (b == close) {
                break;
            }
        }
        in.reset();
        Matcher m = ENCODING.matcher(new String(prolog, 0, n, family));
        return m.find() ? m.group(2) : null;
    }

    private static Charset lookUp(String name) throws NotADocumentException {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new NotADocumentException("the XML body declares an encoding this reader does not support: '"
                    + name + "'");
        }
    }

    private static boolean starts(byte[] h, int... prefix) {
        if (h.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((h[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** EBCDIC, as the JDK's parser detects it; the code page is in the jdk.charsets module, which may be absent. */
    private static final class Ebcdic {
        static final Charset CHARSET = Charset.isSupported("IBM037") ? Charset.forName("IBM037") : null;
    }
}
