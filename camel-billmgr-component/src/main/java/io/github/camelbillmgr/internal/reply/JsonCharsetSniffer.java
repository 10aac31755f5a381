package io.github.camelbillmgr.internal.reply;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Finds the charset of a JSON body and opens a strictly decoding reader on it. UTF-8 unless a byte order mark or the
 * zero bytes of its first characters say UTF-16 or UTF-32 (RFC 4627's detection, which Jackson applies too): a JSON
 * text starts with two ASCII characters, so the pattern of zero bytes among its first four gives the encoding away.
 */
final class JsonCharsetSniffer {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private JsonCharsetSniffer() {
    }

    /** @param in a stream that can take back at least 4 bytes */
    static StrictDecodingReader open(PushbackInputStream in) throws IOException {
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
        return new StrictDecodingReader(in, charset, bom);
    }
}
