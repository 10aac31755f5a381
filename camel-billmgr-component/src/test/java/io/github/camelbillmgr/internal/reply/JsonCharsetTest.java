package io.github.camelbillmgr.internal.reply;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelbillmgr.BillmgrFormat;
import io.github.camelbillmgr.internal.reply.DocumentReader.NotADocumentException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A UTF-8 JSON body goes to Jackson's byte parser, which on its own takes overlong forms, encoded surrogates and code
 * points beyond Unicode: every one of them must still be refused, where it is, whether inside a string, a field name,
 * a value the reader skips, or cut across reads of the body.
 */
class JsonCharsetTest {

    private static final String PREFIX = "the body is not valid text in its character encoding: ";

    private final DocumentReader reader = new DocumentReader(new ObjectMapper());

    /** Ill-formed UTF-8 (Unicode's table 3-7) that Jackson's byte parser, left alone, reads without complaint or not. */
    private static final byte[][] ILL_FORMED = {
            { (byte) 0xC0, (byte) 0xAF }, // overlong '/'
            { (byte) 0xC1, (byte) 0xBF }, // overlong
            { (byte) 0xE0, (byte) 0x80, (byte) 0xAF }, // overlong, 3 bytes
            { (byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF }, // overlong, 4 bytes
            { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, // an encoded high surrogate (CESU-8)
            { (byte) 0xED, (byte) 0xBF, (byte) 0xBF }, // an encoded low surrogate
            { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, // U+110000, beyond Unicode
            { (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, // beyond Unicode
            { (byte) 0xFF }, // never in UTF-8
            { (byte) 0x80 }, // a stray continuation byte
            { (byte) 0xC3, 0x28 }, // a lead byte without its continuation
            { (byte) 0xE2, (byte) 0x82, 0x41 }, // cut short inside the body
    };

    @Test
    void everyIllFormedSequenceIsRefusedWhereItIsInAStringANameAndASkippedValue() {
        String[][] places = {
                { "{\"doc\":{\"user\":{\"$\":\"ab", "\"}}}" },
                { "{\"doc\":{\"us", "er\":{\"$\":\"x\"}}}" },
                { "{\"other\":\"ab", "\",\"doc\":{}}" },
        };
        for (String[] place : places) {
            for (byte[] bad : ILL_FORMED) {
                byte[] body = concat(ascii(place[0]), bad, ascii(place[1]));
                for (boolean byteByByte : new boolean[] { false, true }) {
                    NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body, byteByByte),
                            () -> place[0] + hex(bad) + place[1]);
                    assertEquals(PREFIX + "the bytes at offset " + place[0].length() + " are not valid UTF-8",
                            e.getMessage(), place[0] + hex(bad) + place[1]);
                }
            }
        }
    }

    @Test
    void validUtf8AtTheEdgesOfTheRangesIsReadByteByByteAndWhole() throws Exception {
        String text = "\u00e9\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfff caf\u00e9 \u20ac\ud83d\ude00";
        byte[] body = ("{\"doc\":{\"n\u00e4me\":{\"$\":\"" + text + "\"}}}").getBytes(StandardCharsets.UTF_8);
        assertEquals(text, read(body, false).at("/doc/n\u00e4me/$").asText());
        assertEquals(text, read(body, true).at("/doc/n\u00e4me/$").asText());
    }

    @Test
    void aSequenceCutShortByTheEndOfTheBodyIsRefused() {
        byte[] body = concat(ascii("{\"doc\":{\"a\":\"x"), new byte[] { (byte) 0xE2, (byte) 0x82 });
        for (boolean byteByByte : new boolean[] { false, true }) {
            NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body, byteByByte));
            assertEquals(PREFIX + "the body is truncated inside a character: the bytes at offset 14 are not valid "
                    + "UTF-8", e.getMessage());
        }
    }

    @Test
    void badBytesAreFoundAfterAsciiRunsOfEveryLengthAroundAWord() {
        // the check skips ASCII eight bytes at a time: a bad byte must be found at every place in and after a word
        for (int run = 0; run <= 24; run++) {
            String place = "{\"doc\":{\"user\":{\"$\":\"" + "a".repeat(run);
            for (byte[] bad : ILL_FORMED) {
                byte[] body = concat(ascii(place), bad, ascii("bcdefghijklmnop\"}}}"));
                NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body, false),
                        () -> place + hex(bad));
                assertEquals(PREFIX + "the bytes at offset " + place.length() + " are not valid UTF-8", e.getMessage(),
                        place + hex(bad));
            }
            String text = "a".repeat(run) + "\u00e9" + "b".repeat(run) + "\u20ac\ud83d\ude00" + "c".repeat(run);
            byte[] good = ("{\"doc\":{\"user\":{\"$\":\"" + text + "\"}}}").getBytes(StandardCharsets.UTF_8);
            assertEquals(text, assertDoesNotThrow(() -> read(good, false)).at("/doc/user/$").asText());
        }
    }

    @Test
    void badBytesDeepInALongBodyAreFoundWhereTheyAre() {
        String row = "{\"id\":{\"$\":\"1\"},\"name\":{\"$\":\"\u0421\u0435\u0440\u0432\u0435\u0440\"}},";
        String rows = row.repeat(10_000);
        byte[] head = ("{\"doc\":{\"elem\":[" + rows + "{\"id\":{\"$\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(head, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, ascii("\"}}]}}"));
        NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body, false));
        assertEquals(PREFIX + "the bytes at offset " + head.length + " are not valid UTF-8", e.getMessage());
    }

    @Test
    void aBodyThatIsNotJsonBeforeItsBadBytesIsNamedSo() throws Exception {
        // the parser has its say on what comes before the bad bytes, as it does with every charset
        byte[] body = { '<', (byte) 0xFF, 'a', 'b', 'c', 'd', 'e' };
        NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body, false));
        assertEquals("the body is not JSON: Unexpected character ('<' (code 60)): expected a valid value (JSON String, "
                + "Number, Array, Object or token 'null', 'true' or 'false')", e.getMessage());
    }

    @Test
    void windows1251IsRefusedAsUtf8() {
        byte[] body = "{\"doc\":{\"user\":{\"$\":\"\u041a\u043b\u0438\u0435\u043d\u0442\"}}}"
                .getBytes(Charset.forName("windows-1251"));
        NotADocumentException e = assertThrows(NotADocumentException.class, () -> read(body, false));
        assertEquals(PREFIX + "the bytes at offset 21 are not valid UTF-8", e.getMessage());
    }

    @Test
    void byteOrderMarksAndUtf16And32StillWork() throws Exception {
        String doc = "{\"doc\":{\"user\":{\"$\":\"\u041a\u043b\u0438\u0435\u043d\u0442 \ud83d\ude00\"}}}";
        String user = "\u041a\u043b\u0438\u0435\u043d\u0442 \ud83d\ude00";
        assertEquals(user, read(concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                doc.getBytes(StandardCharsets.UTF_8)), true).at("/doc/user/$").asText());
        for (Charset c : new Charset[] { StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE") }) {
            assertEquals(user, read(doc.getBytes(c), false).at("/doc/user/$").asText(), c.name());
            assertEquals(user, read(("\uFEFF" + doc).getBytes(c), true).at("/doc/user/$").asText(), c.name());
        }
    }

    @Test
    void aUtf8ByteOrderMarkFollowedByUtf16IsNotTakenForUtf16() {
        // the bytes after the mark look like UTF-16BE to Jackson's own detection; as UTF-8 they start with a NUL
        byte[] body = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                "{\"doc\":{}}".getBytes(StandardCharsets.UTF_16BE));
        assertThrows(NotADocumentException.class, () -> read(body, false));
    }

    private ObjectNode read(byte[] body, boolean byteByByte) throws Exception {
        ByteArrayInputStream whole = new ByteArrayInputStream(body);
        InputStream in = whole;
        if (byteByByte) {
            // hands out one byte per read, so that every multi-byte sequence is cut across reads
            in = new InputStream() {
                @Override
                public int read() {
                    return whole.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return len == 0 ? 0 : whole.read(b, off, 1);
                }
            };
        }
        return reader.read(in, BillmgrFormat.json);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder("<");
        for (byte b : bytes) {
            s.append(String.format(" %02X", b & 0xff));
        }
        return s.append(" >").toString();
    }
}
