package io.github.camelbillmgr.internal.reply;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.github.camelbillmgr.internal.reply.DocumentReader.NotADocumentException;
import io.github.camelbillmgr.internal.reply.StrictDecodingReader.MalformedTextException;

/**
 * Finds the charset of an XML body the way an XML parser does (XML 1.0, appendix F) and opens it for the parser with
 * strict decoding, so that bytes that are not valid in that charset are refused with one clear message whatever the
 * parser would have made of them. In order: a byte order mark (UTF-8, UTF-16, UTF-32); else the byte pattern of
 * {@code <?xml} in UTF-16 or UTF-32 without a mark; else the {@code encoding} of the XML declaration; else UTF-8.
 * <p>
 * A body in UTF-8 (every real BILLmanager reply) goes to the parser as bytes through {@link StrictUtf8InputStream},
 * which refuses what the strict decoder refuses, with the same message: the parser's own UTF-8 decoding is far cheaper
 * than decoding to characters first, and it never sees a byte sequence that is not well-formed UTF-8. Any other
 * charset is decoded by {@link StrictDecodingReader} and the parser gets characters.
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

    /** The body, opened for the parser: UTF-8 bytes behind a strict check, or characters decoded strictly. */
    static final class XmlBody {
        private final StrictUtf8InputStream utf8;
        private final StrictDecodingReader chars;

        private XmlBody(StrictUtf8InputStream utf8, StrictDecodingReader chars) {
            this.utf8 = utf8;
            this.chars = chars;
        }

        /** A stream reader on the body; its prolog is read here already. */
        XMLStreamReader open(XMLInputFactory factory) throws XMLStreamException {
            return utf8 != null ? factory.createXMLStreamReader(utf8, "UTF-8") : factory.createXMLStreamReader(chars);
        }

        /** The decoding failure the body threw to the parser (which wraps it in its own exception), or null. */
        MalformedTextException failure() {
            return utf8 != null ? utf8.failure() : chars.failure();
        }
    }

    static XmlBody open(InputStream body) throws IOException, NotADocumentException {
        BufferedInputStream in = new UnclosedBuffer(body);
        in.mark(PROLOG_LIMIT);
        byte[] head = in.readNBytes(4);
        in.reset();
        Bom bom = bom(head);
        if (bom != null) {
            in.skipNBytes(bom.length);
            return body(in, bom.charset, bom.length);
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
        return body(in, charset, 0);
    }

    private static XmlBody body(InputStream in, Charset charset, int skipped) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return new XmlBody(new StrictUtf8InputStream(in, skipped), null);
        }
        return new XmlBody(null, new StrictDecodingReader(in, charset, skipped));
    }

    /**
     * The parser closes its input when it is closed (so that it can recycle its buffers), and the body is the
     * caller's to close: closing this buffer leaves it open.
     */
    private static final class UnclosedBuffer extends BufferedInputStream {
        UnclosedBuffer(InputStream body) {
            super(body, PROLOG_LIMIT);
        }

        @Override
        public void close() {
            // see the class comment
        }
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
