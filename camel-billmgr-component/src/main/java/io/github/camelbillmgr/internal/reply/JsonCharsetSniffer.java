package io.github.camelbillmgr.internal.reply;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

/**
 * Finds the charset of a JSON body and opens Jackson's parser on it, refusing bytes that are not valid in that charset.
 * UTF-8 unless a byte order mark or the zero bytes of its first characters say UTF-16 or UTF-32 (RFC 4627's detection,
 * which Jackson applies too): a JSON text starts with two ASCII characters, so the pattern of zero bytes among its first
 * four gives the encoding away.
 * <p>
 * UTF-8 without a byte order mark (every real BILLmanager reply) goes to Jackson's byte parser, through
 * {@link StrictUtf8InputStream}: far cheaper than decoding to characters first. Anything else is decoded by
 * {@link StrictDecodingReader} for Jackson's character parser. The byte path is taken only when the body starts with
 * four ASCII characters other than NUL (as every JSON document of two or more characters in UTF-8 without a mark does):
 * then Jackson's own detection surely says UTF-8 too (after a UTF-8 byte order mark it could take the bytes for UTF-16
 * or UTF-32, which the decoding reader never does), and Jackson's detection, which insists on four bytes before it
 * parses, cannot stop on bad bytes among them before the parser had its say on the characters ahead of them.
 */
final class JsonCharsetSniffer {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private JsonCharsetSniffer() {
    }

    /** @param in a stream that can take back at least 4 bytes */
    static JsonParser createParser(JsonFactory factory, PushbackInputStream in) throws IOException {
        byte[] b = new byte[4];
        int n = in.readNBytes(b, 0, 4);
        int b0 = n > 0 ? b[0] & 0xff : -1;
        int b1 = n > 1 ? b[1] & 0xff : -1;
        int b2 = n > 2 ? b[2] & 0xff : -1;
        int b3 = n > 3 ? b[3] & 0xff : -1;
        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bom = 3;
        } else if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            charset = UTF_32BE;
            bom = 4;
        } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            charset = UTF_32LE;
            bom = 4;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (n == 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            charset = UTF_32BE;
        } else if (n == 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            charset = UTF_32LE;
        } else if (n >= 2 && b0 == 0 && b1 != 0) {
            charset = StandardCharsets.UTF_16BE;
        } else if (n >= 2 && b0 != 0 && b1 == 0) {
            charset = StandardCharsets.UTF_16LE;
        }
        in.unread(b, bom, n - bom);
        if (charset == StandardCharsets.UTF_8 && bom == 0 && asciiNotNul(b0) && asciiNotNul(b1)
                && asciiNotNul(b2) && asciiNotNul(b3)) {
            return factory.createParser(new StrictUtf8InputStream(in));
        }
        Reader chars = new StrictDecodingReader(in, charset, bom);
        return factory.createParser(chars);
    }

    /** @param b a byte, or -1 when the body is shorter */
    private static boolean asciiNotNul(int b) {
        return b > 0 && b < 0x80;
    }
}
